import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import pino from 'pino';
import { loadConfig } from '../../src/config/Config';
import { SqliteCallbackStore } from '../../src/callbacks/SqliteCallbackStore';
import { createServer, type AppServer } from '../../src/server/createServer';
import { sample } from '../callbacks/sample';

const KEY = 'officer-key-for-tests-0123456789';

describe('HTTP: the officers\' API over callback requests (real listening server)', () => {
  let dataDir: string;
  let app: AppServer;
  let base: string;
  const logLines: string[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const config = loadConfig({ STATE_STORE: 'sqlite', DATA_DIR: dataDir, OFFICER_API_KEY: KEY, DEPLOYMENT_CONFIG: 'none', ...env });
    // A logger at debug level with no redaction: proves the server never hands it personal data.
    const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
    app = await createServer(config, { logger });
    base = await app.listen(0);
  };
  const call = (method: string, url: string, opts: { key?: string | null; body?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${base}${url}`, {
      method,
      headers: {
        ...(opts.key === null ? {} : { Authorization: `Bearer ${opts.key ?? KEY}` }),
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.body,
    });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'officer-api-'));
    await start();
  });
  afterEach(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 401 with a JSON message without a key, with a wrong key, or with a malformed header', async () => {
    const r = await app.services.callbacks.create(sample());
    for (const [what, opts] of [
      ['no key', { key: null }],
      ['a wrong key', { key: 'officer-key-for-tests-0123456780' }],
      ['a prefix of the key', { key: KEY.slice(0, -1) }],
      ['an empty bearer', { key: '' }],
      ['basic auth', { key: null, headers: { Authorization: `Basic ${Buffer.from(`x:${KEY}`).toString('base64')}` } }],
    ] as const) {
      for (const [method, url] of [['GET', '/api/requests'], ['GET', `/api/requests/${r.id}`], ['PATCH', `/api/requests/${r.id}`], ['DELETE', `/api/requests/${r.id}`]] as const) {
        const res = await call(method, url, { ...opts, body: method === 'PATCH' ? '{"status":"closed"}' : undefined });
        expect(res.status, `${method} ${url} with ${what}`).to.equal(401);
        expect(res.headers.get('www-authenticate')).to.equal('Bearer');
        expect((await errorOf(res)).code).to.equal('Unauthorized');
      }
    }
    expect((await app.services.callbacks.get(r.id))?.status).to.equal('new');
  });

  it('with the key: lists, reads, updates and deletes requests', async () => {
    const r = await app.services.callbacks.create(sample({ topics: ['What is SEN support?'] }));
    const list = await call('GET', '/api/requests');
    expect(list.status).to.equal(200);
    expect(list.headers.get('cache-control')).to.equal('no-store');
    const { requests } = (await list.json()) as { requests: Array<{ id: string; contact: string }> };
    expect(requests.map((x) => x.id)).to.deep.equal([r.id]);
    expect(requests[0].contact).to.equal('07700 900123');

    const one = await call('GET', `/api/requests/${r.id}`);
    expect(one.status).to.equal(200);
    expect(await one.json()).to.deep.equal(r);

    const patched = await call('PATCH', `/api/requests/${r.id}`, { body: JSON.stringify({ status: 'contacted' }) });
    expect(patched.status).to.equal(200);
    expect(((await patched.json()) as { status: string }).status).to.equal('contacted');
    expect(((await (await call('GET', '/api/requests?status=new')).json()) as { requests: unknown[] }).requests).to.deep.equal([]);
    expect(((await (await call('GET', '/api/requests?status=contacted')).json()) as { requests: unknown[] }).requests).to.have.length(1);

    const deleted = await call('DELETE', `/api/requests/${r.id}`);
    expect(deleted.status).to.equal(204);
    expect((await call('GET', `/api/requests/${r.id}`)).status).to.equal(404);
    expect((await call('DELETE', `/api/requests/${r.id}`)).status).to.equal(404);
  });

  it('answers 400 with a JSON message for bad input, never a 500', async () => {
    const r = await app.services.callbacks.create(sample());
    for (const [method, url, body, code] of [
      ['GET', '/api/requests/not-an-id', undefined, 'BadId'],
      ['GET', "/api/requests/1'%20OR%20'1'='1", undefined, 'BadId'],
      ['GET', '/api/requests?status=pending', undefined, 'BadStatus'],
      ['GET', '/api/requests?colour=blue', undefined, 'BadQuery'],
      ['PATCH', `/api/requests/${r.id}`, JSON.stringify({ status: 'done' }), 'BadStatus'],
      ['PATCH', `/api/requests/${r.id}`, JSON.stringify({ status: 'closed', name: 'x' }), 'BadBody'],
      ['PATCH', `/api/requests/${r.id}`, JSON.stringify(['closed']), 'BadBody'],
      ['PATCH', `/api/requests/${r.id}`, JSON.stringify('closed'), 'BadBody'],
      ['PATCH', '/api/requests/nope', JSON.stringify({ status: 'closed' }), 'BadId'],
    ] as const) {
      const res = await call(method, url, { body });
      expect(res.status, `${method} ${url} ${body ?? ''}`).to.equal(400);
      const error = await errorOf(res);
      expect(error.code).to.equal(code);
      expect(error.message).to.be.a('string').and.not.match(/at .*\.ts:\d+/);
    }
    const broken = await call('PATCH', `/api/requests/${r.id}`, { body: '{"status": ' });
    expect(broken.status).to.equal(400);
    expect(broken.headers.get('content-type')).to.match(/json/);
    const missing = await call('PATCH', '/api/requests/00000000-0000-4000-8000-000000000000', { body: JSON.stringify({ status: 'closed' }) });
    expect(missing.status).to.equal(404);
    expect((await app.services.callbacks.get(r.id))?.status).to.equal('new');
  });

  it('answers 503 "not configured" when OFFICER_API_KEY is not set, even with a key', async () => {
    await app.close();
    await start({ OFFICER_API_KEY: '' });
    for (const key of [KEY, null]) {
      const res = await call('GET', '/api/requests', { key });
      expect(res.status).to.equal(503);
      expect((await errorOf(res)).message).to.match(/not configured/);
    }
  });

  it('a request survives a server restart', async () => {
    const r = await app.services.callbacks.create(sample());
    await app.close();
    await start();
    const res = await call('GET', `/api/requests/${r.id}`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal(r);
  });

  it('deletes requests past the retention period when the server starts', async () => {
    await app.close();
    const old = new SqliteCallbackStore(path.join(dataDir, SqliteCallbackStore.FILE_NAME), () => new Date(Date.now() - 31 * 86_400_000));
    const expired = await old.create(sample());
    await old.close();
    await start({ CALLBACK_RETENTION_DAYS: '30' });
    expect((await call('GET', `/api/requests/${expired.id}`)).status).to.equal(404);
  });

  it('never logs names, contact details, summaries or the key', async () => {
    const r = await app.services.callbacks.create(sample({ name: 'Zebedee Quill', contact: 'zebedee@example.org', contactKind: 'email', summary: 'Secret summary words' }));
    await call('GET', '/api/requests');
    await call('GET', `/api/requests/${r.id}`);
    await call('PATCH', `/api/requests/${r.id}`, { body: JSON.stringify({ status: 'contacted' }) });
    await call('GET', '/api/requests', { key: 'wrong-key-wrong-key-wrong' });
    const logs = logLines.join('\n');
    expect(logs).to.include('/api/requests');
    for (const secret of ['Zebedee', 'zebedee@example.org', 'Secret summary', KEY, 'wrong-key-wrong-key-wrong']) expect(logs).to.not.include(secret);
  });
});
