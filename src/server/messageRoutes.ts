import type restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { SenSupportBot } from '../bot/SenSupportBot';
import type { Logger } from './logger';
import { sendError } from './httpErrors';
import { isJsonObject } from './isJsonObject';

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

/** POST /api/messages — the Bot Framework endpoint (CloudAdapter; authentication on when MicrosoftAppId is set). */
export function registerMessageRoutes(server: restify.Server, adapter: CloudAdapter, bot: SenSupportBot, logger: Logger): void {
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const problem = activityProblem(req.body);
    if (problem) return sendError(res, 400, 'BadActivity', problem);
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (err) {
      logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'activity not processed');
      if (!res.headersSent) sendError(res, 400, 'BadActivity', 'The activity could not be processed.');
    }
  });
}
