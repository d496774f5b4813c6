import { expect } from 'chai';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestApp } from '../support/Transcript';
import type { AppServer } from '../../src/server/createServer';

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'message',
  text: 'what is sen support',
  channelId: 'webchat',
  conversation: { id: `bad-input-${Math.random()}` },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  deliveryMode: 'expectReplies',
  ...extra,
});

describe('Hardening: bad input gets its documented status, and the server stays healthy', function () {
  this.timeout(60_000);
  let app: AppServer;
  let base: string;
  let tmp: string;
  const previousTmp = process.env.TMPDIR;

  before(async () => {
    // Anything a request wrote to a temporary file would land here.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-hardening-'));
    process.env.TMPDIR = tmp;
    app = await createTestApp();
    base = await app.listen(0);
  });
  after(async () => {
    await app.close();
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  afterEach(async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status, 'healthy after it').to.equal(200);
  });

  const routes = ['/api/messages', '/v3/directline/conversations', '/api/directline/token', '/api/requests/00000000-0000-4000-8000-000000000000', '/no-such-route'];

  for (const [what, type, body] of [
    ['multipart/form-data', 'multipart/form-data; boundary=XYZ', `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${'x'.repeat(300_000)}\r\n--XYZ--\r\n`],
    ['application/octet-stream', 'application/octet-stream', 'x'.repeat(10_000)],
    ['form-encoded', 'application/x-www-form-urlencoded', 'type=message&text=hi&channelId=webchat'],
    ['text/plain', 'text/plain', JSON.stringify(activity())],
  ] as const) {
    it(`refuses a ${what} body with 415 on every route, before reading it, and writes nothing to disk`, async () => {
      for (const route of routes) {
        const method = route.startsWith('/api/requests') ? 'PATCH' : 'POST';
        const res = await fetch(`${base}${route}`, { method, headers: { 'content-type': type }, body });
        expect(res.status, `${method} ${route}`).to.equal(415);
        const json = (await res.json()) as { error: { code: string; message: string } };
        expect(json.error.code).to.equal('UnsupportedMediaType');
      }
      expect(fs.readdirSync(tmp), 'files written by requests').to.deep.equal([]);
    });
  }

  it('accepts JSON with a charset, and a POST with no body', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(activity()) });
    expect(res.status).to.equal(200);
    const token = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(token.status).to.equal(200);
  });

  it('refuses a body over 256 KB with 413 in the JSON error shape', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity({ text: 'x'.repeat(300_000) })) });
    expect(res.status).to.equal(413);
    expect(((await res.json()) as { error?: unknown }).error).to.not.equal(undefined);
  });

  it('answers HEAD wherever GET is answered, with the headers and no body', async () => {
    for (const route of ['/', '/privacy', '/static/chat.css', '/static/chat.js', '/healthz', '/api/chat-config', '/api/answers?q=what+is+sen+support']) {
      const get = await fetch(`${base}${route}`);
      const head = await fetch(`${base}${route}`, { method: 'HEAD' });
      expect(head.status, `HEAD ${route}`).to.equal(get.status);
      expect(head.headers.get('content-type'), route).to.equal(get.headers.get('content-type'));
      expect(await head.text(), route).to.equal('');
    }
  });

  it('refuses replies to a serviceUrl that is not an allowed host (400), and answers a connection failure with 502 and no detail', async () => {
    const other = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: 'https://attacker.example.org/' })) });
    expect(other.status).to.equal(400);
    expect(((await other.json()) as { error: { code: string } }).error.code).to.equal('ServiceUrlNotAllowed');
    for (const url of ['http://10.0.0.1:8080/', 'http://169.254.169.254/latest/', 'https://user:pw@smba.trafficmanager.net/uk/']) {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: url })) });
      expect(res.status, url).to.equal(400);
    }
    // Loopback is allowed locally (the Emulator); nobody listens on this port.
    const port = await closedPort();
    const refused = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: `http://127.0.0.1:${port}/` })) });
    expect(refused.status).to.equal(502);
    const text = await refused.text();
    expect(JSON.parse(text).error.code).to.equal('ActivityNotProcessed');
    expect(text).to.not.match(/ECONNREFUSED|127\.0\.0\.1|\.js:\d+/);
  });
});

describe('Hardening: a refused Bot Framework token is logged once, structured, with no stack', function () {
  this.timeout(30_000);
  const lines: string[] = [];
  let app: AppServer;
  let base: string;
  const originalError = console.error;
  const printed: string[] = [];

  before(async () => {
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    app = await createTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' }, { logger: pino({ level: 'info' }, sink) });
    base = await app.listen(0);
    console.error = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  });
  after(async () => {
    console.error = originalError;
    await app.close();
  });

  it('401 in the JSON shape; one warning line; nothing printed outside the logger', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' }, body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: 'https://smba.trafficmanager.net/uk/' })) });
    expect(res.status).to.equal(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('Unauthorized');
    const refused = lines.filter((l) => l.includes('authentication failed'));
    expect(refused).to.have.length(1);
    const entry = JSON.parse(refused[0]) as { level: number; err: Record<string, unknown> };
    expect(entry.level).to.equal(40);
    expect(JSON.stringify(entry)).to.not.match(/\n\s+at |not\.a\.jwt|stack/);
    expect(printed).to.deep.equal([]);
  });

  it('a card action is never accepted unauthenticated', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/', conversation: { id: '19:x@thread.tacv2' }, from: { id: 'o' }, value: { action: { type: 'Action.Execute', verb: 'markContacted', data: { requestId: '00000000-0000-4000-8000-000000000000' } } } }) });
    expect(res.status).to.equal(401);
  });
});

describe('Hardening: with no MicrosoftAppId, "Mark contacted" is refused, even from this machine', function () {
  this.timeout(30_000);
  const CHANNEL = '19:officers@thread.tacv2';
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  let app: AppServer;
  let base: string;
  before(async () => {
    app = await createTestApp({ TEAMS_NOTIFY_CHANNEL_ID: CHANNEL, TEAMS_NOTIFY_SERVICE_URL: `http://127.0.0.1:${await closedPort()}/`, TEAMS_TENANT_ID: TENANT });
    base = await app.listen(0);
  });
  after(() => app.close());

  for (const [what, headers] of [
    ['straight from this machine (loopback, no proxy header)', {}],
    ['relayed through a proxy (X-Forwarded-For)', { 'x-forwarded-for': '198.51.100.20' }],
  ] as Array<[string, Record<string, string>]>) {
    it(`a Teams-shaped card action ${what} is refused with 403, saying why, and changes nothing`, async () => {
      const stored = await app.services.callbacks.create({ area: 'Trafford', name: 'Sam Parent', contact: 'sam@example.com', contactKind: 'email', bestTime: 'mornings', summary: 'Annual review', topics: [] });
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', serviceUrl: `http://127.0.0.1:${await closedPort()}/`,
          conversation: { id: `${CHANNEL};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
          channelData: { channel: { id: CHANNEL }, tenant: { id: TENANT } },
          from: { id: 'forger', name: 'Forger' }, recipient: { id: 'bot' },
          value: { action: { type: 'Action.Execute', verb: 'markContacted', data: { requestId: stored.id } } },
        }),
      });
      expect(res.status).to.equal(403);
      const body = (await res.json()) as { value: { code: string; message: string } };
      expect(body.value.code).to.equal('Forbidden');
      expect(body.value.message).to.match(/MicrosoftAppId is not set/);
      expect((await app.services.callbacks.get(stored.id))?.status).to.equal('new');
    });
  }
});
