import { expect } from 'chai';
import { createTestApp } from '../support/Transcript';
import { ConfigError, loadConfig } from '../../src/config/Config';
import type { AppServer } from '../../src/server/createServer';

async function started(env: Record<string, string>): Promise<{ app: AppServer; base: string }> {
  const app = await createTestApp(env);
  return { app, base: await app.listen(0) };
}

const message = (conversation: string, text = 'what is sen support') => ({
  type: 'message',
  text,
  channelId: 'webchat',
  conversation: { id: conversation },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  deliveryMode: 'expectReplies',
});

const post = (base: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${route}`, { method: 'POST', headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

async function expectLimited(res: Response): Promise<void> {
  expect(res.status).to.equal(429);
  const retry = Number(res.headers.get('retry-after'));
  expect(retry).to.be.within(1, 60);
  const json = (await res.json()) as { error: { code: string } };
  expect(json.error.code).to.equal('TooManyRequests');
}

describe('Hardening: rate limits (rate-limiter-flexible), 429 with Retry-After', function () {
  this.timeout(60_000);

  describe('per conversation on /api/messages and on a Direct Line conversation', () => {
    let s: { app: AppServer; base: string };
    before(async () => (s = await started({ RATE_LIMIT_PER_CONVERSATION: '3' })));
    after(() => s.app.close());

    it('/api/messages: the fourth message in a minute into one conversation is refused; another conversation goes on', async () => {
      for (let i = 0; i < 3; i++) expect((await post(s.base, '/api/messages', message('rl-conv-a'))).status).to.equal(200);
      await expectLimited(await post(s.base, '/api/messages', message('rl-conv-a')));
      expect((await post(s.base, '/api/messages', message('rl-conv-b'))).status).to.equal(200);
      expect((await fetch(`${s.base}/healthz`)).status).to.equal(200);
    });

    it('Direct Line: posting activities is limited per conversation; polling is not', async () => {
      const { token, conversationId } = (await (await post(s.base, '/v3/directline/tokens/generate')).json()) as { token: string; conversationId: string };
      const auth = { authorization: `Bearer ${token}` };
      await post(s.base, '/v3/directline/conversations', undefined, auth);
      const send = () => post(s.base, `/v3/directline/conversations/${conversationId}/activities`, { type: 'message', text: 'hello', from: { id: 'x' } }, auth);
      for (let i = 0; i < 3; i++) expect((await send()).status).to.equal(200);
      await expectLimited(await send());
      for (let i = 0; i < 5; i++) expect((await fetch(`${s.base}/v3/directline/conversations/${conversationId}/activities`, { headers: auth })).status).to.equal(200);
    });
  });

  describe('per client address, and on token mints', () => {
    let s: { app: AppServer; base: string };
    before(async () => (s = await started({ RATE_LIMIT_PER_ADDRESS: '8', RATE_LIMIT_TOKENS_PER_ADDRESS: '2' })));
    after(() => s.app.close());

    it('token mints: the third in a minute from one address is refused, on both token routes', async () => {
      expect((await post(s.base, '/v3/directline/tokens/generate')).status).to.equal(200);
      expect((await post(s.base, '/v3/directline/tokens/generate')).status).to.equal(200);
      await expectLimited(await post(s.base, '/v3/directline/tokens/generate'));
      await expectLimited(await post(s.base, '/api/directline/token'));
    });

    it('/api/answers and everything limited share the address budget; pages and /healthz are not limited', async () => {
      // 4 used above (the refused ones count too); 4 more are allowed.
      for (let i = 0; i < 4; i++) expect((await fetch(`${s.base}/api/answers?q=what+is+sen+support`)).status).to.equal(200);
      await expectLimited(await fetch(`${s.base}/api/answers?q=what+is+sen+support`));
      await expectLimited(await post(s.base, '/api/messages', message('rl-addr')));
      expect((await fetch(`${s.base}/healthz`)).status).to.equal(200);
      expect((await fetch(`${s.base}/`)).status).to.equal(200);
    });

    it('X-Forwarded-For is ignored unless TRUST_PROXY_HOPS is set: a client cannot pick a fresh address', async () => {
      await expectLimited(await fetch(`${s.base}/api/answers?q=hi`, { headers: { 'x-forwarded-for': '198.51.100.9' } }));
    });
  });

  describe('behind one trusted proxy (TRUST_PROXY_HOPS=1, as on App Service)', () => {
    let s: { app: AppServer; base: string };
    before(async () => (s = await started({ RATE_LIMIT_PER_ADDRESS: '2', TRUST_PROXY_HOPS: '1' })));
    after(() => s.app.close());

    it('counts each client by the address the proxy appended (with its port), whatever the client put before it', async () => {
      const as = (xff: string) => fetch(`${s.base}/api/answers?q=what+is+sen+support`, { headers: { 'x-forwarded-for': xff } });
      expect((await as('203.0.113.7:50001')).status).to.equal(200);
      expect((await as('1.1.1.1, 203.0.113.7:50002')).status).to.equal(200);
      await expectLimited(await as('9.9.9.9, 203.0.113.7:50003'));
      expect((await as('203.0.113.8:40000')).status).to.equal(200);
    });
  });

  it('the settings are validated at start, naming the one at fault; the defaults are on', () => {
    expect(() => loadConfig({ RATE_LIMIT_PER_ADDRESS: 'lots' })).to.throw(ConfigError, /RATE_LIMIT_PER_ADDRESS must be a whole number/);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: '9' })).to.throw(ConfigError, /TRUST_PROXY_HOPS must be a whole number from 0 to 5/);
    expect(() => loadConfig({ SERVICE_URL_HOSTS: 'https://x.example.org/' })).to.throw(ConfigError, /SERVICE_URL_HOSTS must be host names/);
    const defaults = loadConfig({});
    expect(defaults.limits).to.deep.equal({ perAddressPerMinute: 1200, perConversationPerMinute: 30, tokensPerAddressPerMinute: 20, trustProxyHops: 0 });
    expect(defaults.serviceUrlHosts).to.include('127.0.0.1');
    const production = loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', SERVICE_URL_HOSTS: '*.example.org' });
    expect(production.serviceUrlHosts).to.not.include('127.0.0.1');
    expect(production.serviceUrlHosts).to.include('*.example.org');
  });
});
