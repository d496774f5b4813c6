import type restify from 'restify';
import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';
import type { SenSupportBot } from '../bot/SenSupportBot';
import type { Logger } from './logger';
import { sendError } from './httpErrors';
import { isJsonObject } from './isJsonObject';
import { serviceUrlAllowed } from './requestLimits';
import { isVerifiedCaller, VERIFIED_CALLER } from '../bot/verifiedCaller';

type ProcessActivity = (authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) => Promise<InvokeResponse | undefined>;

export interface MessageRouteOptions {
  /** SERVICE_URL_HOSTS in force: where the bot may send replies. */
  serviceUrlHosts: readonly string[];
}


/** Longest message text the bot accepts; longer is refused with 400 (it is not a question). */
export const MAX_MESSAGE_TEXT = 5000;

/** What is wrong with an activity, in words for the sender; undefined when it can be processed. */
export function activityProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'The body must be a JSON Bot Framework activity.';
  if (typeof body.type !== 'string' || !body.type) return 'The activity needs a "type", such as "message".';
  if (typeof body.channelId !== 'string' || !body.channelId) return 'The activity needs a "channelId".';
  if (!isJsonObject(body.conversation) || typeof body.conversation.id !== 'string' || !body.conversation.id) return 'The activity needs "conversation": { "id": … }.';
  if (!isJsonObject(body.from) || typeof body.from.id !== 'string' || !body.from.id) return 'The activity needs "from": { "id": … }.';
  if (body.text !== undefined && typeof body.text !== 'string') return '"text" must be a string.';
  if (typeof body.text === 'string' && body.text.length > MAX_MESSAGE_TEXT) return `"text" is too long: at most ${MAX_MESSAGE_TEXT} characters.`;
  if (body.deliveryMode !== 'expectReplies' && (typeof body.serviceUrl !== 'string' || !/^https?:\/\//.test(body.serviceUrl))) {
    return 'The activity needs a "serviceUrl" for the replies, or "deliveryMode": "expectReplies".';
  }
  return undefined;
}

/**
 * POST /api/messages — the Bot Framework endpoint (CloudAdapter; authentication on when
 * MicrosoftAppId is set). The activity is processed here rather than by adapter.process, so that
 * every failure gets the JSON error shape and no detail: a refused token is 401, logged once
 * (structured, no stack), and a reply that cannot be delivered is 502. Replies go only to
 * allowed serviceUrl hosts.
 */
export function registerMessageRoutes(server: restify.Server, adapter: CloudAdapter, bot: SenSupportBot, logger: Logger, options: MessageRouteOptions = { serviceUrlHosts: [] }): void {
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const problem = activityProblem(req.body);
    if (problem) return sendError(res, 400, 'BadActivity', problem);
    const activity = req.body as Record<string, unknown>;
    for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
      // As the adapter's own validateAndFixActivity does.
      if (typeof activity[field] === 'string') {
        activity[`raw${field[0].toUpperCase()}${field.slice(1)}`] = activity[field];
        activity[field] = new Date(activity[field] as string);
      }
    }
    const auth = req.headers.authorization;
    let refusedServiceUrl = false;
    try {
      // processActivity is protected in the typings; adapter.process would answer errors itself, in plain text with their details.
      const process = (adapter as unknown as { processActivity: ProcessActivity }).processActivity.bind(adapter);
      const invokeResponse = await process(typeof auth === 'string' ? auth : '', activity as unknown as Activity, async (context: TurnContext) => {
        // After authentication (a request without a valid token is 401 whatever it names), before any reply.
        // Nothing is sent there, not even an error message.
        if (context.activity.deliveryMode !== 'expectReplies' && !serviceUrlAllowed(String(context.activity.serviceUrl), options.serviceUrlHosts)) {
          refusedServiceUrl = true;
          return;
        }
        // Verified only by the adapter's Bot Framework authentication (its token's claims), never
        // by where the request came from: with authentication off, nothing is.
        context.turnState.set(VERIFIED_CALLER, isVerifiedCaller(context.turnState.get(context.adapter.BotIdentityKey)));
        await bot.run(context);
      });
      if (refusedServiceUrl) return sendError(res, 400, 'ServiceUrlNotAllowed', 'The activity\'s "serviceUrl" is not a host this bot sends replies to (SERVICE_URL_HOSTS).');
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body as object);
      else res.end();
    } catch (err) {
      const e = err as Error;
      // botframework-connector's AuthenticationError carries statusCode 401 (or 403 for a bad app id).
      const status = (err as { statusCode?: unknown })?.statusCode;
      if (e?.constructor?.name === 'AuthenticationError' || status === 401 || status === 403) {
        // Once, structured, without the stack or the token.
        logger.warn({ failure: { type: 'AuthenticationError', message: String(e.message ?? '').split('\n')[0].slice(0, 200) }, channel: String(activity.channelId).slice(0, 40) }, 'activity refused: authentication failed');
        if (!res.headersSent) sendError(res, 401, 'Unauthorized', 'The request does not carry a valid Bot Framework token.');
        return;
      }
      logger.error({ err: { type: e?.name, message: String(e?.message ?? err).split('\n')[0].slice(0, 200) } }, 'activity not processed');
      if (!res.headersSent) sendError(res, 502, 'ActivityNotProcessed', 'The activity could not be processed. Please try again.');
    }
  });
}
