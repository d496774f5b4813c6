import crypto from 'node:crypto';
import type restify from 'restify';
import type { Config } from '../config/Config';
import type { Logger } from './logger';
import { sendError } from './httpErrors';
import { isJsonObject } from './isJsonObject';

/** How long the server waits for Azure's Direct Line service. */
export const TOKEN_EXCHANGE_TIMEOUT_MS = 10_000;

export interface DirectLineTokenDeps {
  logger?: Logger;
  /** The fetch to call Azure with (tests pass a fake). */
  fetch?: typeof fetch;
}

/**
 * POST or GET /api/directline/token — production web chat: exchanges DIRECT_LINE_SECRET with
 * Azure's Direct Line service (POST …/tokens/generate) for a token for one new conversation,
 * and answers `{ token, conversationId, expires_in, userId }`. The secret stays on the server.
 * 503 when DIRECT_LINE_SECRET is not set; 502 when Azure does not give a token.
 */
export function registerDirectLineTokenRoute(server: restify.Server, config: Config, deps: DirectLineTokenDeps = {}): void {
  const doFetch = deps.fetch ?? fetch;
  const handler = async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    const secret = config.directLineSecret;
    if (!secret) {
      return sendError(res, 503, 'NotConfigured', 'The web chat is not set up on this server (DIRECT_LINE_SECRET is not set).');
    }
    // A random id per visitor: Direct Line binds the token to it, and Web Chat is told it.
    const userId = `dl_${crypto.randomBytes(12).toString('base64url')}`;
    let status = 0;
    try {
      const response = await doFetch(`${config.directLineDomain}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(TOKEN_EXCHANGE_TIMEOUT_MS),
      });
      status = response.status;
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok && isJsonObject(body) && typeof body.token === 'string' && typeof body.conversationId === 'string') {
        const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 1800;
        res.json({ token: body.token, conversationId: body.conversationId, expires_in: expiresIn, userId });
        return;
      }
    } catch (err) {
      deps.logger?.warn({ err: { name: (err as Error).name } }, 'Direct Line token exchange failed');
      return sendError(res, 502, 'TokenUnavailable', 'The chat service did not answer. Please try again in a minute.');
    }
    // The status only: Azure's body could echo what we sent.
    deps.logger?.warn({ upstreamStatus: status }, 'Direct Line token exchange refused');
    sendError(res, 502, 'TokenUnavailable', 'The chat service did not give a token. Please try again in a minute.');
  };
  server.post('/api/directline/token', handler);
  server.get('/api/directline/token', handler);
}
