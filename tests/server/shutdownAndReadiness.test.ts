import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Azurite } from '../support/Azurite';
import { BotProcess } from '../support/BotProcess';
import { freePort } from '../support/freePort';
import { createTestApp } from '../support/Transcript';
import { loadConfig } from '../../src/config/Config';
import { activityText } from '../support/activityText';

/**
 * A TCP relay to the storage emulator that holds each chunk the server sends for `delayMs`
 * (in order): storage that is slow for real, so a turn is still running when SIGTERM comes.
 */
class SlowRelay {
  delayMs = 0;
  private readonly sockets = new Set<net.Socket>();
  private constructor(
    readonly port: number,
    private readonly server: net.Server,
  ) {}

  static async start(targetPort: number): Promise<SlowRelay> {
    const port = await freePort();
    const self: { relay?: SlowRelay } = {};
    const server = net.createServer((client) => {
      const upstream = net.connect(targetPort, '127.0.0.1');
      self.relay?.sockets.add(client).add(upstream);
      let chain = Promise.resolve();
      client.on('data', (chunk) => {
        const wait = self.relay?.delayMs ?? 0;
        chain = chain.then(() => new Promise((r) => setTimeout(r, wait))).then(() => void upstream.write(chunk));
      });
      upstream.pipe(client);
      const end = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    self.relay = new SlowRelay(port, server);
    return self.relay;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('Readiness: GET /readyz checks storage; /healthz stays liveness', function () {
  this.timeout(30_000);

  it('answers 503 naming the check when conversation storage cannot be reached, while /healthz still says up', async () => {
    const closedPort = await freePort();
    const app = await createTestApp({
      STATE_STORE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${closedPort}/devstoreaccount1;`,
    });
    try {
      const base = await app.listen(0);
      const res = await fetch(`${base}/readyz`);
      expect(res.status).to.equal(503);
      const body = (await res.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).to.equal('not ready');
      expect(body.checks.conversationState).to.match(/^failed: /);
      expect(body.checks.conversationState).to.not.match(/AccountKey|127\.0\.0\.1/);
      expect(body.checks).to.include({ knowledge: 'ok', callbacks: 'ok' });
      expect((await fetch(`${base}/healthz`)).status).to.equal(200);
    } finally {
      await app.close();
    }
  });

  it('other parts register their own checks (the embedder, once it exists): a failing one makes the instance not ready', async () => {
    const app = await createTestApp();
    try {
      const base = await app.listen(0);
      let embedderLoaded = false;
      app.readiness.add('embedder', async () => {
        if (!embedderLoaded) throw new Error('model still loading');
      });
      const before = await fetch(`${base}/readyz`);
      expect(before.status).to.equal(503);
      expect(((await before.json()) as { checks: Record<string, string> }).checks.embedder).to.equal('failed: model still loading');
      embedderLoaded = true;
      const after = await fetch(`${base}/readyz`);
      expect(after.status).to.equal(200);
      expect(await after.json()).to.deep.equal({ status: 'ready', checks: { knowledge: 'ok', conversationState: 'ok', callbacks: 'ok', embedder: 'ok' } });
    } finally {
      await app.close();
    }
  });

  it('a check that hangs is reported as not ready within its time limit', async () => {
    const app = await createTestApp();
    try {
      const base = await app.listen(0);
      app.readiness.add('stuck', () => new Promise(() => undefined));
      const started = Date.now();
      const res = await fetch(`${base}/readyz`);
      expect(res.status).to.equal(503);
      expect(((await res.json()) as { checks: Record<string, string> }).checks.stuck).to.match(/failed: no answer within 3000 ms/);
      expect(Date.now() - started).to.be.lessThan(10_000);
    } finally {
      await app.close();
    }
  });
});

describe('SIGTERM: the server stops taking new turns, finishes those in flight (bounded), then exits (real process)', function () {
  this.timeout(120_000);
  let blob: Azurite;
  let relay: SlowRelay;
  const dataDirs: string[] = [];
  before(async () => {
    blob = await Azurite.start('blob');
    relay = await SlowRelay.start(blob.port);
  });
  after(async () => {
    await relay?.stop();
    await blob?.stop();
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });
  afterEach(() => {
    relay.delayMs = 0;
  });

  function env(graceSeconds: number): Record<string, string> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigterm-'));
    dataDirs.push(dataDir);
    return {
      STATE_STORE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${relay.port}/devstoreaccount1;`,
      AZURE_STORAGE_CONTAINER: 'sigterm-state',
      SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };
  }

  it('a turn in flight when SIGTERM arrives is answered; a new one is refused with 503; /readyz says stopping; exit code 0', async () => {
    const bot = await BotProcess.start('draining', env(20));
    // Warm up (creates the container), then make storage slow.
    expect((await bot.say('sigterm-1', 'u1', 'what is sen support')).status).to.equal(200);
    relay.delayMs = 700;
    const inFlight = bot.say('sigterm-1', 'u1', 'what is a senco');
    await new Promise((r) => setTimeout(r, 300));
    const exited = bot.stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));

    const refused = await fetch(`${bot.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).to.equal(503);
    expect(refused.headers.get('retry-after')).to.equal('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('ShuttingDown');
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).to.equal(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks.shutdown).to.match(/stopping/);

    const answered = await inFlight;
    expect(answered.status).to.equal(200);
    expect(answered.replies.map(activityText).join('\n')).to.include('Who is the SENCO and what do they do?');
    const end = await exited;
    expect(end, bot.log).to.deep.equal({ code: 0, signal: null });
    expect(bot.log).to.match(/stopped cleanly/);
  });

  it('SHUTDOWN_GRACE_SECONDS is 1 to 120 (default 10); a bad value stops the server naming it', () => {
    expect(loadConfig({ STATE_STORE: 'memory' }).shutdownGraceSeconds).to.equal(10);
    expect(loadConfig({ STATE_STORE: 'memory', SHUTDOWN_GRACE_SECONDS: '30' }).shutdownGraceSeconds).to.equal(30);
    for (const bad of ['0', '121', 'soon']) expect(() => loadConfig({ STATE_STORE: 'memory', SHUTDOWN_GRACE_SECONDS: bad })).to.throw(/SHUTDOWN_GRACE_SECONDS must be a whole number from 1 to 120/);
  });

  it('a turn that outlasts SHUTDOWN_GRACE_SECONDS does not hold the process: it exits (code 1) soon after the grace period', async () => {
    const bot = await BotProcess.start('bounded', env(1));
    expect((await bot.say('sigterm-2', 'u2', 'what is sen support')).status).to.equal(200);
    relay.delayMs = 4_000;
    const inFlight = bot.say('sigterm-2', 'u2', 'what is a senco').catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    const end = await bot.stop('SIGTERM');
    const took = Date.now() - signalled;
    expect(end, bot.log).to.deep.equal({ code: 1, signal: null });
    expect(took).to.be.lessThan(4_000);
    expect(bot.log).to.match(/stopped with requests still running/);
    await inFlight;
  });
});

describe('close(): a connection still open (a web chat page polling) never holds it', function () {
  this.timeout(30_000);

  it('ends a connection with a request still arriving within a couple of seconds, and frees the port', async () => {
    const app = await createTestApp();
    const base = await app.listen(0);
    const port = Number(new URL(base).port);
    // A request whose body never finishes: the connection is busy, not idle, so server.close() alone would wait on it.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":`);
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started, 'close() returned').to.be.lessThan(3_000);
    await ended;
    // The port is free again: a restart on it (as after a deploy) listens.
    const again = await createTestApp();
    try {
      expect(await again.listen(port)).to.equal(`http://localhost:${port}`);
    } finally {
      await again.close();
    }
  });
});
