import net from 'node:net';
import type restify from 'restify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from './logger';
import { sendError } from './httpErrors';

/** The limits in force (RATE_LIMIT_* and TRUST_PROXY_HOPS in Config). 0 turns a limit off. */
export interface RequestLimits {
  /** Requests a minute from one client address to the limited routes. */
  perAddressPerMinute: number;
  /** Messages a minute into one conversation (/api/messages, a Direct Line conversation's activities). */
  perConversationPerMinute: number;
  /** Chat tokens a minute for one client address (/api/directline/token, /v3/directline/tokens/generate). */
  tokensPerAddressPerMinute: number;
  /** How many proxies in front of the server add to X-Forwarded-For (App Service: 1). 0: the header is ignored. */
  trustProxyHops: number;
}

/** The routes limited per client address: everything that runs a turn or mints a token. */
const LIMITED = /^\/(api\/messages|api\/answers|api\/directline\/token|v3\/directline\/)/;
const TOKEN_ROUTES = /^\/(api\/directline\/token|v3\/directline\/tokens\/generate)\/?$/;
const DIRECT_LINE_ACTIVITIES = /^\/v3\/directline\/conversations\/([^/]+)\/activities\/?$/;

/** Body types accepted: JSON only. A body of any other type is refused (415) before it is read. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function hasBody(req: restify.Request): boolean {
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding']) return true;
  return length !== undefined && length !== '0';
}

/**
 * Refuses, before a byte of it is read, a request body that is not JSON: multipart uploads
 * (which restify's bodyParser would have written to TMPDIR, up to 200 MB each, before any
 * authentication), octet-stream and form-encoded bodies. Every route that takes a body takes JSON.
 */
export function refuseNonJsonBodies(formRoutes: readonly string[] = []): restify.RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const type = String(req.headers['content-type'] ?? '');
    if (JSON_TYPE.test(type)) return next();
    // A page's own form (the officers' key for /officers/report) is the one other body taken.
    if (req.method === 'POST' && /^application\/x-www-form-urlencoded\b/i.test(type) && formRoutes.includes(req.getPath())) return next();
    // The body is not read: close the connection after answering rather than drain an upload.
    res.header('Connection', 'close');
    sendError(res, 415, 'UnsupportedMediaType', 'Send the body as JSON, with "Content-Type: application/json".');
    return next(false);
  };
}

/**
 * HEAD is answered wherever GET is: the request is routed as a GET, and Node sends no body for
 * it (the response was created for a HEAD), only the headers, Content-Length included.
 */
export function headAsGet(): restify.RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'HEAD') req.method = 'GET';
    next();
  };
}

/** The client's address: the socket's, or with `hops` trusted proxies, the one the nearest of them saw. */
export function clientAddress(req: restify.Request, hops: number): string {
  const socket = req.socket?.remoteAddress ?? 'unknown';
  if (hops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Each proxy appends the address it saw: the entry `hops` from the end is the one a client cannot forge.
  const entry = list[list.length - hops];
  if (!entry) return socket;
  return withoutPort(entry);
}

function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  // App Service writes "203.0.113.7:54321"; a bare IPv6 address has several colons.
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  if (v4) return v4[1];
  return net.isIP(entry) ? entry : entry.slice(0, 64);
}

function limiter(points: number): RateLimiterMemory | undefined {
  return points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : undefined;
}

/**
 * Rate limits (rate-limiter-flexible, in memory: each App Service instance counts its own):
 * per client address on every route that runs a turn or mints a token, a tighter one on token
 * mints (each /api/directline/token spends an Azure Direct Line token), and per conversation on
 * the messages posted into it. Over a limit: 429 with Retry-After, in the JSON error shape.
 */
export class RateLimits {
  private readonly perAddress: RateLimiterMemory | undefined;
  private readonly tokens: RateLimiterMemory | undefined;
  private readonly perConversation: RateLimiterMemory | undefined;

  constructor(private readonly limits: RequestLimits, private readonly logger?: Logger) {
    this.perAddress = limiter(limits.perAddressPerMinute);
    this.tokens = limiter(limits.tokensPerAddressPerMinute);
    this.perConversation = limiter(limits.perConversationPerMinute);
  }

  /** Per client address (and for token routes, per address on tokens). Runs before the body is read. */
  byAddress(): restify.RequestHandler {
    return (req, res, next) => {
      const path = req.getPath();
      if (!LIMITED.test(path)) return next();
      const address = clientAddress(req, this.limits.trustProxyHops);
      const checks: Array<Promise<unknown>> = [];
      if (this.perAddress) checks.push(this.perAddress.consume(address));
      if (this.tokens && TOKEN_ROUTES.test(path)) checks.push(this.tokens.consume(address));
      if (checks.length === 0) return next();
      Promise.all(checks).then(
        () => next(),
        (rejected: unknown) => this.refuse(res, next, rejected, 'address'),
      );
    };
  }

  /** Per conversation, on messages posted into one. Runs after the body is parsed. */
  byConversation(): restify.RequestHandler {
    return (req, res, next) => {
      if (!this.perConversation || req.method !== 'POST') return next();
      const path = req.getPath();
      let conversation: string | undefined;
      if (path === '/api/messages') {
        const id = (req.body as { conversation?: { id?: unknown } } | undefined)?.conversation?.id;
        conversation = typeof id === 'string' ? `m:${id.slice(0, 200)}` : undefined;
      } else {
        const m = DIRECT_LINE_ACTIVITIES.exec(path);
        conversation = m ? `d:${m[1].slice(0, 200)}` : undefined;
      }
      if (!conversation) return next();
      this.perConversation.consume(conversation).then(
        () => next(),
        (rejected: unknown) => this.refuse(res, next, rejected, 'conversation'),
      );
    };
  }

  private refuse(res: restify.Response, next: restify.Next, rejected: unknown, scope: 'address' | 'conversation'): void {
    if (!(rejected instanceof RateLimiterRes)) {
      // The in-memory limiter does not fail; if it ever did, the request goes ahead.
      next();
      return;
    }
    const seconds = Math.max(1, Math.ceil(rejected.msBeforeNext / 1000));
    this.logger?.warn({ scope, retryAfter: seconds }, 'rate limit reached');
    res.header('Retry-After', String(seconds));
    sendError(res, 429, 'TooManyRequests', `Too many requests: please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
    next(false);
  }
}

/** Hosts a Bot Framework channel posts replies from (the serviceUrl of an activity). */
export const BOT_FRAMEWORK_SERVICE_HOSTS = ['*.botframework.com', 'smba.trafficmanager.net', '*.trafficmanager.net', '*.botframework.azure.us', '*.botframework.us'];
/** This machine: the Bot Framework Emulator and test connectors. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** Whether a serviceUrl names an allowed host ("*.example.org" allows its subdomains); http only to loopback. */
export function serviceUrlAllowed(serviceUrl: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(host))) return false;
  if (url.username || url.password) return false;
  return hosts.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p;
  });
}
