import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { CALLBACK_STATUSES, isCallbackStatus, UUID } from '../callbacks/CallbackRequest';
import type { CallbackStore } from '../callbacks/CallbackStore';
import { sendError } from './httpErrors';
import { isJsonObject } from './isJsonObject';

export interface OfficerRouteDeps {
  store: CallbackStore;
  /** OFFICER_API_KEY; unset: every route answers 503 "not configured". */
  apiKey?: string;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** True when the Authorization header carries the key; compares in constant time. */
export function bearerMatches(header: string | undefined, key: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  // Always compare, so a missing header takes the same time as a wrong key.
  return timingSafeEqual(digest(m ? m[1] : ''), digest(key)) && !!m;
}

/**
 * The officers' API over callback requests. Every route needs `Authorization: Bearer <OFFICER_API_KEY>`.
 *   GET    /api/requests[?status=new|contacted|closed]  { requests: [...] } newest first
 *   GET    /api/requests/:id                            the request
 *   PATCH  /api/requests/:id  { "status": "contacted" }  the updated request
 *   DELETE /api/requests/:id                            204
 * Answers carry personal data: they are never cached and never logged.
 */
export function registerOfficerRoutes(server: restify.Server, deps: OfficerRouteDeps): void {
  type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;
  const guarded = (handler: Handler): Handler => async (req, res) => {
    res.header('Cache-Control', 'no-store');
    if (!deps.apiKey) return sendError(res, 503, 'NotConfigured', 'The officers\' API is not configured: set OFFICER_API_KEY on the server.');
    if (!bearerMatches(req.header('authorization') || undefined, deps.apiKey)) {
      res.header('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'Unauthorized', 'Send the officers\' API key as "Authorization: Bearer <key>".');
    }
    return handler(req, res);
  };
  const idOf = (req: restify.Request, res: restify.Response): string | undefined => {
    const id = String((req.params as Record<string, unknown>)?.id ?? '');
    if (UUID.test(id)) return id.toLowerCase();
    sendError(res, 400, 'BadId', 'The request id must be a UUID, as listed by GET /api/requests.');
    return undefined;
  };
  const statuses = CALLBACK_STATUSES.join(', ');

  server.get('/api/requests', guarded(async (req, res) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(query).filter((k) => k !== 'status');
    if (unknown.length > 0) return sendError(res, 400, 'BadQuery', `Unknown parameter "${unknown[0]}": the only filter is status.`);
    if (query.status !== undefined && !isCallbackStatus(query.status)) return sendError(res, 400, 'BadStatus', `status must be one of ${statuses}.`);
    const requests = await deps.store.list(isCallbackStatus(query.status) ? { status: query.status } : {});
    res.json({ requests });
  }));

  server.get('/api/requests/:id', guarded(async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    const found = await deps.store.get(id);
    if (!found) return sendError(res, 404, 'NotFound', 'There is no request with that id (it may have been deleted after the retention period).');
    res.json(found);
  }));

  server.patch('/api/requests/:id', guarded(async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    const body: unknown = req.body;
    if (!isJsonObject(body)) return sendError(res, 400, 'BadBody', `Send a JSON object such as {"status": "contacted"}.`);
    const keys = Object.keys(body);
    if (keys.length !== 1 || keys[0] !== 'status') return sendError(res, 400, 'BadBody', `The body takes one field, status (${statuses}).`);
    const status = (body as { status: unknown }).status;
    if (!isCallbackStatus(status)) return sendError(res, 400, 'BadStatus', `status must be one of ${statuses}.`);
    const updated = await deps.store.updateStatus(id, status);
    if (!updated) return sendError(res, 404, 'NotFound', 'There is no request with that id.');
    res.json(updated);
  }));

  server.del('/api/requests/:id', guarded(async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    if (!(await deps.store.delete(id))) return sendError(res, 404, 'NotFound', 'There is no request with that id.');
    res.status(204);
    res.end();
  }));
}
