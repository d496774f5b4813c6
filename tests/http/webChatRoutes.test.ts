import zlib from 'node:zlib';
import { expect } from 'chai';
import restify from 'restify';
import { loadConfig } from '../../src/config/Config';
import { registerDirectLineTokenRoute } from '../../src/server/directLineToken';
import { listeningTestApp } from '../support/listeningApp';

describe('HTTP: with EMBED_ORIGINS set, those sites may embed the compact page and the launcher', () => {
  const server = listeningTestApp({ EMBED_ORIGINS: 'https://www.example.gov.uk, https://sendiass.example.org.uk/' });

  it('lists them in frame-ancestors of /embed only, and in embed.js', async () => {
    const embed = await fetch(`${server.base}/embed`);
    expect(embed.headers.get('content-security-policy')).to.include("frame-ancestors 'self' https://www.example.gov.uk https://sendiass.example.org.uk");
    const full = await fetch(`${server.base}/`);
    expect(full.headers.get('content-security-policy')).to.match(/frame-ancestors 'self'(;|$)/);
    const js = await (await fetch(`${server.base}/embed.js`)).text();
    expect(js).to.include('var ALLOWED = ["https://www.example.gov.uk","https://sendiass.example.org.uk"];');
  });
});

describe('HTTP: the web chat page and its files, served by our own server', () => {
  const server = listeningTestApp({ STATE_TTL_DAYS: '12', CALLBACK_RETENTION_DAYS: '45' });

  it('GET / serves the chat page with a strict Content-Security-Policy and no third-party scripts', async () => {
    const res = await fetch(`${server.base}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).to.include("script-src 'self'");
    expect(csp).to.include("connect-src 'self'");
    expect(csp).to.not.include('unsafe-eval');
    // The full page is framed by this server only; other sites embed /embed (EMBED_ORIGINS).
    expect(csp).to.include("frame-ancestors 'self'");
    expect(csp).to.not.match(/frame-ancestors[^;]*https?:/);
    const html = await res.text();
    expect(html).to.include('lang="en-GB"');
    expect(html).to.include('This is an automated assistant, not a person');
    expect(html).to.include('href="/privacy"');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).to.deep.equal(['/vendor/webchat.js', '/static/chat.js']);
  });

  it('GET /embed and /?embed=1 serve the compact page (no page header shown), framed by this server alone when EMBED_ORIGINS is empty', async () => {
    for (const url of ['/embed', '/?embed=1']) {
      const res = await fetch(`${server.base}${url}`);
      expect(res.status, url).to.equal(200);
      expect(res.headers.get('content-security-policy'), url).to.match(/frame-ancestors 'self'(;|$)/);
      const html = await res.text();
      expect(html, url).to.include('<html lang="en-GB" class="embed">');
      expect(html, url).to.include('This is an automated assistant, not a person');
    }
    expect(await (await fetch(`${server.base}/`)).text()).to.include('class="full"');
  });

  it('GET /embed.js serves the launcher with no site allowed, its stylesheet, and a favicon', async () => {
    const js = await fetch(`${server.base}/embed.js`);
    expect(js.status).to.equal(200);
    expect(js.headers.get('content-type')).to.match(/^text\/javascript/);
    expect(js.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
    const body = await js.text();
    expect(body).to.include('var ALLOWED = [];');
    expect((await fetch(`${server.base}/static/embed.css`)).headers.get('content-type')).to.match(/^text\/css/);
    const icon = await fetch(`${server.base}/favicon.ico`);
    expect(icon.status).to.equal(200);
    expect(icon.headers.get('content-type')).to.equal('image/x-icon');
    expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4).toString('hex')).to.equal('00000100');
    const example = await fetch(`${server.base}/embed/example`);
    expect(example.status, 'the development example page').to.equal(200);
    expect(await example.text()).to.include('<script src="/embed.js"');
  });

  it('GET /privacy says the retention periods in force', async () => {
    const res = await fetch(`${server.base}/privacy`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.include('has not been used for 12 days');
    expect(html).to.not.match(/\{\{[A-Z_]+\}\}/);
    expect(html).to.include('deleted 45 days after it was made');
  });

  it('GET /vendor/webchat.js serves the Web Chat bundle, gzipped when asked, with an ETag', async () => {
    const res = await fetch(`${server.base}/vendor/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/javascript/);
    // The length header is the size sent (gzip); fetch hands us the unpacked text.
    expect(Number(res.headers.get('content-length'))).to.be.lessThan(1_500_000);
    const body = await res.text();
    expect(body.length).to.be.greaterThan(3_000_000);
    expect(body).to.include('renderWebChat');
    const etag = res.headers.get('etag') as string;
    const again = await fetch(`${server.base}/vendor/webchat.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).to.equal(304);
  });

  it('GET /static/chat.js and /static/chat.css serve the page’s own files; other paths are 404', async () => {
    expect((await fetch(`${server.base}/static/chat.js`)).status).to.equal(200);
    expect((await fetch(`${server.base}/static/chat.css`)).headers.get('content-type')).to.match(/^text\/css/);
    expect((await fetch(`${server.base}/static/../package.json`)).status).to.not.equal(200);
    expect((await fetch(`${server.base}/static/secret.txt`)).status).to.equal(404);
    expect((await fetch(`${server.base}/vendor/SOURCE.md`)).status).to.equal(404);
  });

  it('GET /api/chat-config tells the page to use the local Direct Line endpoint when no app id is set', async () => {
    expect(await (await fetch(`${server.base}/api/chat-config`)).json()).to.deep.equal({ mode: 'local', directLinePath: '/v3/directline' });
  });

  it('/api/directline/token answers 503 with a JSON message when DIRECT_LINE_SECRET is not set', async () => {
    const res = await fetch(`${server.base}/api/directline/token`, { method: 'POST' });
    expect(res.status).to.equal(503);
    expect(await res.json()).to.have.nested.property('error.code', 'NotConfigured');
  });

  it('serves gzip bodies that really are gzip', async () => {
    const http = await import('node:http');
    const raw = await new Promise<Buffer>((resolve, reject) => {
      http.get(`${server.base}/`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      });
    });
    expect(zlib.gunzipSync(raw).toString('utf8')).to.include('<!doctype html>');
  });
});

describe('HTTP: /api/directline/token exchanges DIRECT_LINE_SECRET with Azure (fake Azure)', () => {
  const SECRET = 'test-direct-line-secret-value';
  let server: restify.Server;
  let base: string;
  const calls: Array<{ url: string; init: RequestInit }> = [];
  let azure: (url: string, init: RequestInit) => Promise<Response> = async () => new Response('{}', { status: 500 });

  before(async () => {
    const config = loadConfig({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_DOMAIN: 'https://europe.directline.botframework.com/v3/directline', LOG_LEVEL: 'silent' });
    server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return azure(String(url), init ?? {});
    }) as typeof fetch;
    registerDirectLineTokenRoute(server, config, { fetch: fakeFetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (calls.length = 0));

  it('gets a token from the configured Direct Line service with the secret, and never sends the secret back', async () => {
    azure = async () => new Response(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }), { status: 200 });
    const res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const text = await res.text();
    expect(text).to.not.include(SECRET);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).to.include({ token: 'azure-token', conversationId: 'azure-conv', expires_in: 3600 });
    expect(body.userId).to.match(/^dl_/);
    expect(calls).to.have.length(1);
    expect(calls[0].url).to.equal('https://europe.directline.botframework.com/v3/directline/tokens/generate');
    expect(calls[0].init.method).to.equal('POST');
    expect((calls[0].init.headers as Record<string, string>).Authorization).to.equal(`Bearer ${SECRET}`);
    expect(JSON.parse(String(calls[0].init.body))).to.deep.equal({ user: { id: body.userId } });
  });

  it('GET works too (for simple embeds)', async () => {
    azure = async () => new Response(JSON.stringify({ conversationId: 'c', token: 't', expires_in: 1800 }), { status: 200 });
    expect((await fetch(`${base}/api/directline/token`)).status).to.equal(200);
  });

  it('answers 502 with a JSON message when Azure refuses, or does not answer', async () => {
    azure = async () => new Response(JSON.stringify({ error: { code: 'BadArgument', message: 'secret invalid' } }), { status: 403 });
    let res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
    expect(res.status).to.equal(502);
    expect(await res.json()).to.have.nested.property('error.code', 'TokenUnavailable');
    azure = async () => {
      throw new TypeError('fetch failed');
    };
    res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
    expect(res.status).to.equal(502);
    expect(await res.text()).to.not.include(SECRET);
  });
});
