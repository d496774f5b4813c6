import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type restify from 'restify';
import type { Config } from '../config/Config';
import { REPO_ROOT } from '../knowledge/paths';
import type { Logger } from './logger';
import { sendError } from './httpErrors';
import { registerDirectLineTokenRoute } from './directLineToken';
import { DIRECT_LINE_PATH } from './DirectLineEndpoint';

export const PUBLIC_DIR = path.join(REPO_ROOT, 'public');
export const WEBCHAT_BUNDLE = path.join(PUBLIC_DIR, 'vendor', 'webchat.js');

export interface WebChatRouteDeps {
  logger?: Logger;
  /** Where the page's files are (default ./public). */
  publicDir?: string;
  /** The fetch the token exchange calls Azure with (tests pass a fake). */
  fetch?: typeof fetch;
}

/** A file as served: bytes, gzip bytes, type and ETag, read once. */
interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  cache: string;
}

function asset(body: Buffer, type: string, cache: string): Asset {
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  // Only worth it for text of some size; the Web Chat bundle goes from 3.9 MB to about 1 MB.
  const gzip = body.length > 1024 ? zlib.gzipSync(body, { level: 9 }) : undefined;
  return { body, gzip, type, etag, cache };
}

/** What the privacy notice says about retention, from the settings in force. */
export function privacyFacts(config: Config): Record<string, string> {
  const transit = config.microsoftAppId
    ? "The chat's messages travel through Microsoft's Azure Bot Service (Direct Line), which holds them only to deliver them, under Microsoft's terms for that service."
    : 'This service keeps the messages of a conversation in its own store, so that your browser can collect them and a reloaded page shows the conversation again, even after the service restarts. ' +
      (config.stateStore === 'blob'
        ? `When you press "Start again" they are deleted at once, with where you were in the conversation; otherwise once the conversation has not been used for an hour, and at the latest after ${config.stateTtlDays} days.`
        : 'When you press "Start again" they are deleted at once, with where you were in the conversation; otherwise once the conversation has not been used for an hour.');
  return {
    STATE_TTL_DAYS: String(config.stateTtlDays),
    CALLBACK_RETENTION_DAYS: String(config.callbackRetentionDays),
    TRANSIT_NOTE: transit,
    ANALYTICS_RETENTION_DAYS: String(config.analyticsRetentionDays),
    QUESTIONS_NOTE: config.logQuestions
      ? 'They also keep the question you asked, with names, phone numbers, email addresses, postcodes, NHS numbers and dates taken out first; never a message about someone being at risk.'
      : 'They do not include what you typed.',
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`The page template has an unknown placeholder ${whole}`);
    return values[name].replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
  });
}

/**
 * The Content-Security-Policy of the pages: nothing from other sites but Azure's Direct Line in
 * production. `embeddable` (the compact page /embed): the sites in EMBED_ORIGINS may frame it;
 * every other page may be framed by this server only.
 */
export function contentSecurityPolicy(config: Config, embeddable = false): string {
  const connect = ["'self'"];
  if (config.microsoftAppId) connect.push(new URL(config.directLineDomain).origin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat styles itself with <style> elements it writes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...(embeddable ? config.embedOrigins : [])].join(' ')}`,
  ].join('; ');
}

function send(req: restify.Request, res: restify.Response, file: Asset, headers: Record<string, string> = {}): void {
  res.header('Content-Type', file.type);
  res.header('Cache-Control', file.cache);
  res.header('ETag', file.etag);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  if (file.gzip) res.header('Vary', 'Accept-Encoding');
  const match = req.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((m) => m.trim() === file.etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? (file.gzip as Buffer) : file.body;
  if (gzip) res.header('Content-Encoding', 'gzip');
  res.header('Content-Length', String(body.length));
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The web chat: GET / (the chat page; `/?embed=1` and GET /embed the compact page for iframes
 * and the embed.js panel), GET /embed.js and /static/embed.css (the launcher and panel for other
 * sites), GET /favicon.ico, GET /embed/example (development only), GET /privacy (the privacy notice, with the retention
 * periods in force), GET /static/chat.css and /static/chat.js, GET /vendor/webchat.js (the Web
 * Chat bundle, from our own server), GET /api/chat-config (how the page connects) and
 * /api/directline/token (production token exchange). The local Direct Line endpoint is mounted
 * separately (mountDirectLine), only without an app id.
 */
export function registerWebChatRoutes(server: restify.Server, config: Config, deps: WebChatRouteDeps = {}): void {
  const dir = deps.publicDir ?? PUBLIC_DIR;
  const read = (name: string) => fs.readFileSync(path.join(dir, name));
  const html = 'text/html; charset=utf-8';
  const revalidate = 'no-cache';
  const page = (embed: boolean) => asset(Buffer.from(fill(read('index.html').toString('utf8'), { PAGE_CLASS: embed ? 'embed' : 'full' })), html, revalidate);
  const pages = {
    index: page(false),
    embed: page(true),
    embedJs: asset(Buffer.from(read('embed.js').toString('utf8').replace('/*EMBED_ORIGINS*/ []', JSON.stringify(config.embedOrigins))), 'text/javascript; charset=utf-8', revalidate),
    embedCss: asset(read('embed.css'), 'text/css; charset=utf-8', revalidate),
    favicon: asset(read('favicon.ico'), 'image/x-icon', 'public, max-age=86400'),
    faviconSvg: asset(read('favicon.svg'), 'image/svg+xml', 'public, max-age=86400'),
    privacy: asset(Buffer.from(fill(read('privacy.html').toString('utf8'), privacyFacts(config))), html, revalidate),
    css: asset(read('chat.css'), 'text/css; charset=utf-8', revalidate),
    js: asset(read('chat.js'), 'text/javascript; charset=utf-8', revalidate),
  };
  const pageHeaders = { 'Content-Security-Policy': contentSecurityPolicy(config) };
  const embedHeaders = { 'Content-Security-Policy': contentSecurityPolicy(config, true) };
  // embed.js runs on other sites: they may load it (and its stylesheet) from here, and read them
  // (accessibility checkers such as axe-core read a page's stylesheets with fetch; both are public).
  const crossOrigin = { 'Cross-Origin-Resource-Policy': 'cross-origin', 'Access-Control-Allow-Origin': '*' };

  let bundle: Asset | undefined;
  const webChatBundle = (): Asset | undefined => {
    if (!bundle && fs.existsSync(path.join(dir, 'vendor', 'webchat.js'))) {
      // The file name does not carry the version, so browsers check back daily.
      bundle = asset(read(path.join('vendor', 'webchat.js')), 'text/javascript; charset=utf-8', 'public, max-age=86400');
    }
    return bundle;
  };

  server.get('/', async (req: restify.Request, res: restify.Response) => {
    // "/?embed=1" is the compact page too.
    if ((req.query ?? {}).embed === '1') return send(req, res, pages.embed, embedHeaders);
    send(req, res, pages.index, pageHeaders);
  });
  server.get('/embed', async (req: restify.Request, res: restify.Response) => send(req, res, pages.embed, embedHeaders));
  server.get('/embed.js', async (req: restify.Request, res: restify.Response) => send(req, res, pages.embedJs, crossOrigin));
  server.get('/static/embed.css', async (req: restify.Request, res: restify.Response) => send(req, res, pages.embedCss, crossOrigin));
  server.get('/favicon.ico', async (req: restify.Request, res: restify.Response) => send(req, res, pages.favicon));
  server.get('/static/favicon.svg', async (req: restify.Request, res: restify.Response) => send(req, res, pages.faviconSvg));
  if (!config.microsoftAppId) {
    // Development (no app id): an example of a council page that embeds the chat.
    server.get('/embed/example', async (req: restify.Request, res: restify.Response) => {
      const host = String(req.headers.host ?? `localhost:${config.port}`).replace(/[^A-Za-z0-9.:[\]-]/g, '');
      send(req, res, asset(Buffer.from(fill(read('embed-example.html').toString('utf8'), { BOT_ORIGIN: `http://${host}` })), html, revalidate), pageHeaders);
    });
  }
  server.get('/privacy', async (req: restify.Request, res: restify.Response) => send(req, res, pages.privacy, pageHeaders));
  server.get('/static/chat.css', async (req: restify.Request, res: restify.Response) => send(req, res, pages.css));
  server.get('/static/chat.js', async (req: restify.Request, res: restify.Response) => send(req, res, pages.js));
  server.get('/vendor/webchat.js', async (req: restify.Request, res: restify.Response) => {
    const file = webChatBundle();
    if (!file) {
      deps.logger?.error('public/vendor/webchat.js is missing: run `node scripts/fetch-webchat.mjs`');
      return sendError(res, 503, 'WebChatMissing', 'The chat window is not installed on this server yet.');
    }
    send(req, res, file);
  });

  server.get('/api/chat-config', async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    if (!config.microsoftAppId) {
      res.json({ mode: 'local', directLinePath: DIRECT_LINE_PATH });
    } else {
      res.json({ mode: 'azure', directLineDomain: config.directLineDomain, available: !!config.directLineSecret });
    }
  });

  registerDirectLineTokenRoute(server, config, { logger: deps.logger, fetch: deps.fetch });
}
