import type restify from 'restify';

/** Answers a client error as JSON: `{ "error": { "code", "message" } }`. */
export function sendError(res: restify.Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}
