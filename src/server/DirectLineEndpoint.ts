import type restify from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import { sendError } from './httpErrors';
import { isJsonObject } from './isJsonObject';
import { MAX_MESSAGE_TEXT } from './messageRoutes';
import { DirectLineTokens, type DirectLineGrant } from './DirectLineTokens';
import { DEFAULT_DIRECT_LINE_LIMITS, DirectLineConversations, type DirectLineConversation, type DirectLineLimits } from './DirectLineConversations';

/** Where the local endpoint is mounted: Web Chat's `domain`. */
export const DIRECT_LINE_PATH = '/v3/directline';
/** The bot as the local endpoint's conversations see it. */
export const LOCAL_BOT = { id: 'sen-support-assistant', name: 'SEN support assistant', role: 'bot' } as const;
/** The channel turns run on: what Azure's Direct Line reports for Web Chat. */
export const LOCAL_CHANNEL_ID = 'webchat';
/** Never called: turns run with deliveryMode expectReplies, so replies come back from the turn. */
const LOCAL_SERVICE_URL = 'http://127.0.0.1/local-directline';

/** Activity types a client may post; everything the bot sends of these types reaches the client. */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
const SHOWN_REPLY_TYPES = new Set(['message', 'event', 'typing', 'endOfConversation']);

export interface DirectLineDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger?: Logger;
  /** Signs the tokens; pass one with a key kept on disk so conversations survive a restart. */
  tokens?: DirectLineTokens;
  limits?: Partial<DirectLineLimits>;
}

type Body = Record<string, unknown>;

/** What is wrong with an activity a client posted, in words for the client; undefined when fine. */
export function clientActivityProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'The body must be a JSON activity.';
  if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) return 'The activity "type" must be "message", "event" or "typing".';
  if (body.text !== undefined && typeof body.text !== 'string') return '"text" must be a string.';
  if (typeof body.text === 'string' && body.text.length > MAX_MESSAGE_TEXT) return `"text" is too long: at most ${MAX_MESSAGE_TEXT} characters.`;
  if (body.type === 'message' && !(typeof body.text === 'string' && body.text.trim()) && body.value === undefined) return 'A message needs "text" or a "value".';
  if (body.type === 'event' && (typeof body.name !== 'string' || !body.name || body.name.length > 200)) return 'An event needs a "name" (at most 200 characters).';
  if (body.attachments !== undefined && !(Array.isArray(body.attachments) && body.attachments.length === 0)) return 'Attachments are not accepted.';
  if (body.channelData !== undefined && !isJsonObject(body.channelData)) return '"channelData" must be an object.';
  if (body.locale !== undefined && (typeof body.locale !== 'string' || body.locale.length > 35)) return '"locale" must be a language tag such as "en-GB".';
  if (body.entities !== undefined && !(Array.isArray(body.entities) && body.entities.length <= 10 && body.entities.every(isJsonObject))) return '"entities" must be a short list of objects.';
  return undefined;
}

function bearer(req: restify.Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function plain<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * A Direct Line 3.0–compatible endpoint for Web Chat (`webSocket: false`, polling), for running
 * without Azure: mount it only when no MicrosoftAppId is set. Each posted activity is echoed
 * into the conversation's stream (Web Chat waits for its own `channelData.clientActivityID`),
 * then run as a turn in process with `deliveryMode: expectReplies`, and the bot's replies are
 * appended to the stream. Tokens are signed grants (DirectLineTokens); memory is bounded
 * (DirectLineConversations).
 *
 * Routes: POST /v3/directline/tokens/generate, POST /v3/directline/tokens/refresh,
 * POST /v3/directline/conversations, POST and GET /v3/directline/conversations/:id/activities.
 */
export class DirectLineEndpoint {
  readonly tokens: DirectLineTokens;
  readonly conversations: DirectLineConversations;

  constructor(private readonly deps: DirectLineDeps) {
    this.tokens = deps.tokens ?? new DirectLineTokens();
    this.conversations = new DirectLineConversations({ ...DEFAULT_DIRECT_LINE_LIMITS, ...deps.limits });
  }

  mount(server: restify.Server): void {
    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (_req: restify.Request, res: restify.Response) => {
      const conversation = this.conversations.create();
      res.json(this.tokenResponse(conversation.id, conversation.userId));
    });

    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: restify.Request, res: restify.Response) => {
      const grant = this.authorise(req, res);
      if (!grant) return;
      this.conversations.get(grant.conversationId);
      res.json(this.tokenResponse(grant.conversationId, grant.userId));
    });

    server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: restify.Request, res: restify.Response) => {
      const grant = this.authorise(req, res);
      if (!grant) return;
      const conversation = this.conversations.get(grant.conversationId) ?? this.conversations.revive(grant.conversationId, grant.userId, undefined, false);
      let status = 200;
      if (!conversation.started) {
        conversation.started = true;
        status = 201;
        const joined = conversation.enqueue(() => this.runTurn(conversation, this.inbound(conversation, { type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }] })));
        if (joined) await joined.catch((err: unknown) => this.turnFailed(err));
      }
      res.status(status);
      res.json(this.tokenResponse(conversation.id, conversation.userId));
    });

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: restify.Request, res: restify.Response) => {
      const conversation = this.conversationFor(req, res, undefined);
      if (!conversation) return;
      const problem = clientActivityProblem(req.body);
      if (problem) return sendError(res, 400, 'BadArgument', problem);
      const body = req.body as Body;
      if (body.type === 'typing') {
        // Nobody else is in the conversation to see it, and the bot ignores it.
        res.json({ id: `${conversation.id}|typing` });
        return;
      }
      const activity = this.inbound(conversation, body);
      const turn = conversation.enqueue(async () => {
        const echoed = conversation.append(activity);
        await this.runTurn(conversation, { ...activity, id: echoed.id });
        return echoed.id;
      });
      if (!turn) return sendError(res, 429, 'TooManyRequests', 'Too many messages at once in this conversation; wait for the replies.');
      try {
        res.json({ id: await turn });
      } catch (err) {
        this.turnFailed(err);
        sendError(res, 502, 'BotError', 'The assistant could not handle that message. Please try again.');
      }
    });

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: restify.Request, res: restify.Response) => {
      const raw = (req.query ?? {}).watermark as unknown;
      if (raw !== undefined && raw !== '' && !(typeof raw === 'string' && /^\d{1,16}$/.test(raw))) {
        return sendError(res, 400, 'BadArgument', 'The watermark must be the one the last answer gave.');
      }
      const watermark = typeof raw === 'string' && raw !== '' ? Number(raw) : undefined;
      const conversation = this.conversationFor(req, res, watermark);
      if (!conversation) return;
      res.json(conversation.activitiesAfter(watermark));
    });
  }

  private tokenResponse(conversationId: string, userId: string) {
    const { token, expiresIn } = this.tokens.issue(conversationId, userId);
    // userId is not in Azure's answer; the page passes it to Web Chat as userID.
    return { conversationId, token, expires_in: expiresIn, userId };
  }

  /** The grant of the request's bearer token, or undefined after answering 401/403. */
  private authorise(req: restify.Request, res: restify.Response): DirectLineGrant | undefined {
    const token = bearer(req);
    if (!token) {
      sendError(res, 401, 'Unauthorized', 'Send the Direct Line token as "Authorization: Bearer <token>".');
      return undefined;
    }
    const grant = this.tokens.verify(token);
    if (!grant) {
      sendError(res, 403, 'TokenExpired', 'The token is not valid or has expired; get a new one.');
      return undefined;
    }
    return grant;
  }

  /** The conversation the URL names, when the token grants it; otherwise answers 401/403/404. */
  private conversationFor(req: restify.Request, res: restify.Response, watermark: number | undefined): DirectLineConversation | undefined {
    const grant = this.authorise(req, res);
    if (!grant) return undefined;
    const id = String(req.params.conversationId ?? '');
    if (id !== grant.conversationId) {
      if (this.conversations.has(id)) sendError(res, 403, 'Forbidden', 'The token is for another conversation.');
      else sendError(res, 404, 'NotFound', 'There is no such conversation.');
      return undefined;
    }
    // A valid token for a conversation memory no longer holds (a restart): carry on with it.
    return this.conversations.get(id) ?? this.conversations.revive(id, grant.userId, watermark, true);
  }

  /** The activity as the bot receives it, from what the client sent. */
  private inbound(conversation: DirectLineConversation, body: Body): Record<string, unknown> {
    const { type, text, value, name, locale, textFormat, channelData, entities, membersAdded } = body;
    return {
      type,
      ...(text !== undefined ? { text } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(locale !== undefined ? { locale } : {}),
      ...(textFormat === 'plain' || textFormat === 'markdown' ? { textFormat } : {}),
      ...(channelData !== undefined ? { channelData } : {}),
      ...(entities !== undefined ? { entities } : {}),
      ...(membersAdded !== undefined ? { membersAdded } : {}),
      timestamp: new Date().toISOString(),
      channelId: LOCAL_CHANNEL_ID,
      conversation: { id: conversation.id },
      // The user is who the token says, whatever the client claims.
      from: { id: conversation.userId, role: 'user' },
      recipient: { ...LOCAL_BOT },
    };
  }

  /** Runs one turn in process and appends the bot's replies to the stream. */
  private async runTurn(conversation: DirectLineConversation, activity: Record<string, unknown>): Promise<void> {
    // The turn's context is revoked when the turn ends: keep its reply buffer, which the
    // adapter fills because of expectReplies (with the error message too, if the turn fails).
    let replies: Array<Partial<Activity>> = [];
    const incoming = { ...activity, serviceUrl: LOCAL_SERVICE_URL, deliveryMode: 'expectReplies' } as unknown as Activity;
    // '' as the authorization header: authentication is off, as it is only mounted without an app id.
    await this.deps.adapter.processActivityDirect('', incoming, async (context) => {
      replies = context.bufferedReplyActivities;
      await this.deps.bot.run(context);
    });
    for (const reply of replies) {
      if (!reply.type || !SHOWN_REPLY_TYPES.has(reply.type)) continue;
      const out = plain(reply);
      delete out.serviceUrl;
      conversation.append({
        ...out,
        timestamp: new Date().toISOString(),
        channelId: LOCAL_CHANNEL_ID,
        conversation: { id: conversation.id },
        from: { ...LOCAL_BOT },
        recipient: { id: conversation.userId, role: 'user' },
        ...(typeof activity.id === 'string' ? { replyToId: activity.id } : {}),
      });
    }
  }

  private turnFailed(err: unknown): void {
    const e = err as Error;
    // Name and first line only: never the user's text, never a stack.
    this.deps.logger?.error({ err: { type: e?.name, message: String(e?.message ?? err).split('\n')[0] } }, 'local Direct Line turn failed');
  }
}

/** Mounts the local Direct Line endpoint on `server`. Only call it when no MicrosoftAppId is set. */
export function mountDirectLine(server: restify.Server, deps: DirectLineDeps): DirectLineEndpoint {
  const endpoint = new DirectLineEndpoint(deps);
  endpoint.mount(server);
  return endpoint;
}
