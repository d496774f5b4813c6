import type restify from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import { sendError } from './httpErrors';
import { isJsonObject } from './isJsonObject';
import { MAX_MESSAGE_TEXT } from './messageRoutes';
import { DirectLineTokens, type DirectLineGrant } from './DirectLineTokens';
import { DEFAULT_DIRECT_LINE_LIMITS, DirectLineConversations, type DirectLineConversation, type DirectLineLimits } from './DirectLineConversations';
import { StorageDirectLineStore, type DirectLineStore, type SavedConversation, type SentRecord, type StreamActivity } from './DirectLineStore';
import { isStateConflict } from '../bot/BlobStateStorage';
import { MemoryStorage } from 'botbuilder';
import crypto from 'node:crypto';

/** Where the local endpoint is mounted: Web Chat's `domain`. */
export const DIRECT_LINE_PATH = '/v3/directline';
/** The bot as the local endpoint's conversations see it. */
export const LOCAL_BOT = { id: 'sen-support-assistant', name: 'SEN support assistant', role: 'bot' } as const;
/** The channel turns run on: what Azure's Direct Line reports for Web Chat. */
export const LOCAL_CHANNEL_ID = 'webchat';
/** Never called: turns run with deliveryMode expectReplies, so replies come back from the turn. */
const LOCAL_SERVICE_URL = 'http://127.0.0.1/local-directline';

/** Activity types a client may post ("endOfConversation": the page's "Start again"). */
const CLIENT_TYPES = new Set(['message', 'event', 'typing', 'endOfConversation']);
/**
 * What the bot sends that reaches the client. Not its "typing": with expectReplies that would
 * arrive with the answer, after it; this endpoint puts its own on the stream while a turn runs.
 */
const SHOWN_REPLY_TYPES = new Set(['message', 'event', 'endOfConversation']);

export interface DirectLineDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger?: Logger;
  /** Signs the tokens; pass one with a key kept on disk so conversations survive a restart. */
  tokens?: DirectLineTokens;
  limits?: Partial<DirectLineLimits>;
  /** Where the activities are kept (default: memory only). Pass the durable store so they survive a restart. */
  store?: DirectLineStore;
}

/** How often idle conversations are deleted from the store. */
const PURGE_EVERY_MS = 10 * 60 * 1000;
/** Saves tried when another instance keeps saving the same conversation first (a shared store). */
const SAVE_ATTEMPTS = 5;
/**
 * A message another instance began and has not finished (a shared store: the page retried it
 * elsewhere) is waited for this long from when it began; after that the instance is taken to
 * have stopped, and this one runs it.
 */
const TURN_LEASE_MS = 15_000;
const LEASE_POLL_MS = 250;
/** The longest clientActivityID taken (Web Chat's are short random strings). */
const MAX_CLIENT_ACTIVITY_ID = 100;

/** The client's own id for a message (Web Chat's `channelData.clientActivityID`), if it gave one. */
function clientActivityId(body: Body): string | undefined {
  const channelData = body.channelData as Body | undefined;
  const id = channelData?.clientActivityID;
  return typeof id === 'string' && id && id.length <= MAX_CLIENT_ACTIVITY_ID ? id : undefined;
}

type Body = Record<string, unknown>;

/** What is wrong with an activity a client posted, in words for the client; undefined when fine. */
export function clientActivityProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'The body must be a JSON activity.';
  if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) return 'The activity "type" must be "message", "event", "typing" or "endOfConversation".';
  if (body.text !== undefined && typeof body.text !== 'string') return '"text" must be a string.';
  if (typeof body.text === 'string' && body.text.length > MAX_MESSAGE_TEXT) return `"text" is too long: at most ${MAX_MESSAGE_TEXT} characters.`;
  if (body.type === 'message' && !(typeof body.text === 'string' && body.text.trim()) && body.value === undefined) return 'A message needs "text" or a "value".';
  if (body.type === 'event' && (typeof body.name !== 'string' || !body.name || body.name.length > 200)) return 'An event needs a "name" (at most 200 characters).';
  if (body.attachments !== undefined && !(Array.isArray(body.attachments) && body.attachments.length === 0)) return 'Attachments are not accepted.';
  if (body.channelData !== undefined && !isJsonObject(body.channelData)) return '"channelData" must be an object.';
  const cid = isJsonObject(body.channelData) ? body.channelData.clientActivityID : undefined;
  if (cid !== undefined && !(typeof cid === 'string' && cid.length > 0 && cid.length <= MAX_CLIENT_ACTIVITY_ID)) return `"channelData.clientActivityID" must be a string of at most ${MAX_CLIENT_ACTIVITY_ID} characters.`;
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
 * appended to the stream. The stream is saved to the durable store (DirectLineStore) before a
 * turn runs and after it, so replies not yet collected, and the history a reloaded page shows,
 * survive a restart; a send retried with the same clientActivityID is taken once. Tokens are
 * signed grants (DirectLineTokens); memory is bounded (DirectLineConversations).
 *
 * On a shared store (Blob Storage, several instances) any instance serves any request: each one
 * reads the conversation afresh, polls are answered from the store's copy (one numbering for
 * every instance), and a save another instance overtook is redone on the fresh copy, the
 * activities not yet saved appended after the other instance's.
 *
 * Routes: POST /v3/directline/tokens/generate, POST /v3/directline/tokens/refresh,
 * POST /v3/directline/conversations, GET /v3/directline/conversations/:id (resume),
 * POST and GET /v3/directline/conversations/:id/activities.
 */
export class DirectLineEndpoint {
  readonly tokens: DirectLineTokens;
  readonly conversations: DirectLineConversations;
  readonly store: DirectLineStore;
  private readonly purge: NodeJS.Timeout;

  constructor(private readonly deps: DirectLineDeps) {
    this.tokens = deps.tokens ?? new DirectLineTokens();
    const limits = { ...DEFAULT_DIRECT_LINE_LIMITS, ...deps.limits };
    this.store = deps.store ?? new StorageDirectLineStore(new MemoryStorage(), limits.idleMs);
    this.conversations = new DirectLineConversations(limits, Date.now, (id) => {
      // Idle here is not idle everywhere when the store is shared: reading it deletes it only if
      // the stored copy is idle too (no instance has saved a turn of it for the idle time).
      (this.store.shared ? this.store.load(id) : this.store.delete(id)).catch((err: unknown) => this.storeFailed(err));
    });
    this.purge = setInterval(() => {
      this.store.purgeIdle().catch((err: unknown) => this.storeFailed(err));
    }, PURGE_EVERY_MS).unref();
  }

  /** Stops the store's purge; the caller closes the store. */
  close(): void {
    clearInterval(this.purge);
  }

  mount(server: restify.Server): void {
    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (_req: restify.Request, res: restify.Response) => {
      // Nothing is kept until the conversation starts: a token costs the server no memory.
      const id = crypto.randomBytes(16).toString('base64url');
      const userId = `user_${crypto.randomBytes(12).toString('base64url')}`;
      res.json(this.tokenResponse(id, userId));
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
      let conversation: DirectLineConversation | undefined;
      try {
        conversation = (await this.current(grant.conversationId)) ?? this.conversations.create(grant.conversationId, grant.userId);
      } catch (err) {
        this.storeFailed(err);
        return sendError(res, 503, 'StoreUnavailable', 'The chat could not start just now. Please try again in a minute.');
      }
      if (!conversation) return this.busy(res);
      let status = 200;
      if (!conversation.started) {
        conversation.started = true;
        status = 201;
        const started = conversation;
        const joined = started.enqueue(() => this.begin(started));
        if (joined) await joined.catch((err: unknown) => this.turnFailed(err));
      }
      res.status(status);
      res.json(this.tokenResponse(conversation.id, conversation.userId));
    });

    // Direct Line's reconnect: Web Chat given a conversationId (a reloaded page) asks this first.
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: restify.Request, res: restify.Response) => {
      const conversation = await this.conversationFor(req, res, undefined);
      if (!conversation) return;
      res.json(this.tokenResponse(conversation.id, conversation.userId));
    });

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: restify.Request, res: restify.Response) => {
      const problem = clientActivityProblem(req.body);
      const conversation = await this.conversationFor(req, res, undefined);
      if (!conversation) return;
      if (problem) return sendError(res, 400, 'BadArgument', problem);
      const body = req.body as Body;
      if (body.type === 'typing') {
        // Nobody else is in the conversation to see it, and the bot ignores it.
        res.json({ id: `${conversation.id}|typing` });
        return;
      }
      if (body.type === 'endOfConversation') return this.end(conversation, body, res);
      const clientId = clientActivityId(body);
      const seen = clientId ? conversation.sent(clientId) : undefined;
      // A retry of a message whose turn finished (its answer is on the stream): taken once.
      if (seen?.done) {
        res.json({ id: seen.id });
        return;
      }
      const activity = this.inbound(conversation, body);
      const turn = conversation.enqueue(() => this.takeMessage(conversation, activity, clientId));
      if (!turn) return sendError(res, 429, 'TooManyRequests', 'Too many messages at once in this conversation; wait for the replies.');
      try {
        res.json({ id: await turn });
      } catch (err) {
        this.turnFailed(err);
        // 500, not 502: the page retries 502-504 (a server restarting), and this would fail again.
        sendError(res, 500, 'BotError', 'The assistant could not handle that message. Please try again.');
      }
    });

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: restify.Request, res: restify.Response) => {
      const raw = (req.query ?? {}).watermark as unknown;
      if (raw !== undefined && raw !== '' && !(typeof raw === 'string' && /^\d{1,16}$/.test(raw))) {
        return sendError(res, 400, 'BadArgument', 'The watermark must be the one the last answer gave.');
      }
      const watermark = typeof raw === 'string' && raw !== '' ? Number(raw) : undefined;
      const conversation = await this.conversationFor(req, res, watermark);
      if (!conversation) return;
      res.json(conversation.activitiesAfter(watermark, this.store.shared));
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
    if (this.conversations.hasEnded(grant.conversationId)) {
      sendError(res, 404, 'ConversationEnded', 'This conversation has ended and was deleted; start a new one.');
      return undefined;
    }
    return grant;
  }

  /**
   * The conversation from memory, else as the store kept it (after a restart); undefined when
   * neither has it. On a shared store it is read afresh each time: another instance may have
   * added to it.
   */
  private async current(id: string): Promise<DirectLineConversation | undefined> {
    const inMemory = this.conversations.get(id);
    if (inMemory && !this.store.shared) return inMemory;
    const saved = await this.store.load(id);
    if (!saved) {
      if (!this.store.shared || !inMemory || inMemory.busy) return inMemory;
      // The shared store deleted it (idle): as when memory drops an idle one, it carries on
      // afresh (revived), not on a copy whose version the store no longer has.
      this.conversations.forget(id);
      return undefined;
    }
    // Another request may have brought it back while the store was read.
    const conversation = this.conversations.get(id);
    if (!conversation) return this.conversations.restore(id, saved);
    // A turn running here keeps its own copy until it saves; polls see the store's.
    if (conversation.busy) conversation.seen(saved);
    else conversation.sync(saved);
    return conversation;
  }

  /** In a turn: the store's copy of the conversation, taken as it is now (a shared store). */
  private async reread(conversation: DirectLineConversation): Promise<SavedConversation | undefined> {
    const saved = await this.store.load(conversation.id);
    if (saved) conversation.sync(saved);
    else conversation.lost();
    return saved;
  }

  /** The conversation's start (its conversationUpdate and the welcome), once, whichever instance gets there first. */
  private async begin(conversation: DirectLineConversation): Promise<void> {
    if (this.store.shared && (await this.reread(conversation))?.started) return;
    conversation.started = true;
    const replies = await this.runTurn(conversation, this.inbound(conversation, { type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }] }));
    this.appendReplies(conversation, replies, undefined);
    for (let attempt = 1; ; attempt += 1) {
      if (await this.saved(conversation, attempt)) return;
      // Another instance saved first: if it started the conversation, its welcome is the one.
      // (Where the store no longer has the conversation, this copy is saved as it is.)
      const stored = await this.reread(conversation);
      if (stored?.started) return;
      if (stored) {
        conversation.started = true;
        this.appendReplies(conversation, replies, undefined);
      }
    }
  }

  /**
   * A client's message: echoed to the stream (with "typing") and saved, run as a turn, its
   * replies saved. Taken once per clientActivityID; resolves to the echo's id. On a shared
   * store, a save another instance overtook is redone on its copy; where the store no longer
   * has the conversation (deleted as idle), this copy is saved as it is.
   */
  private async takeMessage(conversation: DirectLineConversation, activity: Record<string, unknown>, clientId: string | undefined): Promise<string> {
    let echoed!: StreamActivity;
    /** When this call began the message, to tell its own unfinished record from another instance's. */
    let begun: number | undefined;
    let append = true;
    if (this.store.shared) await this.reread(conversation);
    for (let attempt = 1; ; attempt += 1) {
      if (append) {
        let earlier = clientId ? conversation.sent(clientId) : undefined;
        // Begun on another instance and not finished: wait for it there (a shared store).
        if (clientId && earlier && !earlier.done && earlier.at !== begun && this.store.shared) earlier = await this.waitForOther(conversation, clientId, earlier);
        if (earlier?.done) return earlier.id;
        // A retry of a message whose turn did not finish (the server stopped during it): run it
        // again under the id it was given, without a second copy on the stream.
        echoed = (earlier && conversation.find(earlier.id)) || conversation.append(activity);
        conversation.active = true;
        begun = Date.now();
        if (clientId) conversation.recordSent(clientId, { id: echoed.id, done: false, at: begun });
        // In the store before the turn runs: a poll may hand the echo to the browser meanwhile.
        // The assistant is "typing" while the turn runs (Web Chat shows it until the reply): in
        // memory only, never in the store nor in a reloaded page's history.
        conversation.appendTyping(this.typing(conversation, echoed.id));
      }
      if (await this.saved(conversation, attempt)) break;
      // Another instance saved first: begin again on its copy.
      append = (await this.reread(conversation)) !== undefined;
    }
    const replies = await this.runTurn(conversation, { ...activity, ...echoed, id: echoed.id });
    append = true;
    for (let attempt = 1; ; attempt += 1) {
      if (append) {
        this.appendReplies(conversation, replies, echoed.id);
        if (clientId) conversation.recordSent(clientId, { id: echoed.id, done: true });
      }
      if (await this.saved(conversation, attempt)) return echoed.id;
      // Another instance saved first: the replies go after what it added.
      append = (await this.reread(conversation)) !== undefined;
    }
  }

  /** Waits, re-reading the store, until another instance finishes the message, or its time is up; the record then. */
  private async waitForOther(conversation: DirectLineConversation, clientId: string, record: SentRecord): Promise<SentRecord | undefined> {
    let current: SentRecord | undefined = record;
    while (current && !current.done && Date.now() - (current.at ?? 0) < TURN_LEASE_MS) {
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
      await this.reread(conversation);
      current = conversation.sent(clientId);
    }
    return current;
  }

  /** Saves; false when another instance saved first (a shared store: re-read and redo), up to SAVE_ATTEMPTS. */
  private async saved(conversation: DirectLineConversation, attempt: number): Promise<boolean> {
    try {
      await this.save(conversation);
      return true;
    } catch (err) {
      if (this.store.shared && isStateConflict(err) && attempt < SAVE_ATTEMPTS) {
        this.deps.logger?.warn({ attempt }, 'local Direct Line conversation saved by another instance first; save redone');
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
        return false;
      }
      throw err;
    }
  }

  /** The conversation the URL names, when the token grants it; otherwise answers 401/403/404/503. */
  private async conversationFor(req: restify.Request, res: restify.Response, watermark: number | undefined): Promise<DirectLineConversation | undefined> {
    const grant = this.authorise(req, res);
    if (!grant) return undefined;
    const id = String(req.params.conversationId ?? '');
    if (id !== grant.conversationId) {
      if (this.conversations.has(id)) sendError(res, 403, 'Forbidden', 'The token is for another conversation.');
      else sendError(res, 404, 'NotFound', 'There is no such conversation.');
      return undefined;
    }
    let conversation: DirectLineConversation | undefined;
    try {
      // Memory, else the store (after a restart), else a valid token for a conversation neither
      // holds (dropped when idle, or a memory store): carry on with it.
      conversation = (await this.current(id)) ?? this.conversations.revive(id, grant.userId, watermark, true);
    } catch (err) {
      this.storeFailed(err);
      sendError(res, 503, 'StoreUnavailable', 'The chat is not available just now. Please try again in a minute.');
      return undefined;
    }
    if (!conversation) this.busy(res);
    return conversation;
  }

  /**
   * The client ends the conversation ("Start again"): after the turns already queued, the bot is
   * told (it deletes its state for the conversation), then its activities are deleted from memory
   * and the store, and its tokens are refused from then on (404).
   */
  private async end(conversation: DirectLineConversation, body: Body, res: restify.Response): Promise<void> {
    const ended = conversation.enqueue(async () => {
      try {
        await this.runTurn(conversation, this.inbound(conversation, body));
      } finally {
        // Even if the bot's turn failed: what the endpoint kept goes.
        this.conversations.end(conversation.id);
        await this.store.delete(conversation.id);
      }
    });
    if (!ended) return sendError(res, 429, 'TooManyRequests', 'Too many messages at once in this conversation; wait for the replies, then start again.');
    try {
      await ended;
      res.json({ id: `${conversation.id}|end` });
    } catch (err) {
      this.storeFailed(err);
      sendError(res, 503, 'StoreUnavailable', 'The conversation could not be deleted just now. It will be deleted when it expires.');
    }
  }

  private typing(conversation: DirectLineConversation, replyToId: string): Record<string, unknown> {
    return {
      type: 'typing',
      timestamp: new Date().toISOString(),
      channelId: LOCAL_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { ...LOCAL_BOT },
      recipient: { id: conversation.userId, role: 'user' },
      replyToId,
    };
  }

  private busy(res: restify.Response): void {
    res.header('Retry-After', '30');
    sendError(res, 503, 'Busy', 'The chat is busy just now. Please try again in a minute.');
  }

  /** Writes what changed in the conversation to the store. */
  private async save(conversation: DirectLineConversation): Promise<void> {
    const { saved, added } = conversation.takeSnapshot(Date.now());
    try {
      conversation.committed(saved, await this.store.save(conversation.id, saved, added));
    } catch (err) {
      conversation.unsave(added);
      throw err;
    }
  }

  private storeFailed(err: unknown): void {
    const e = err as Error;
    this.deps.logger?.error({ err: { type: e?.name, message: String(e?.message ?? err).split('\n')[0] } }, 'local Direct Line store failed');
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

  /** Runs one turn in process; resolves to the bot's replies. */
  private async runTurn(conversation: DirectLineConversation, activity: Record<string, unknown>): Promise<Array<Partial<Activity>>> {
    // The turn's context is revoked when the turn ends: keep its reply buffer, which the
    // adapter fills because of expectReplies (with the error message too, if the turn fails).
    let replies: Array<Partial<Activity>> = [];
    const incoming = { ...activity, serviceUrl: LOCAL_SERVICE_URL, deliveryMode: 'expectReplies' } as unknown as Activity;
    // '' as the authorization header: authentication is off, as it is only mounted without an app id.
    await this.deps.adapter.processActivityDirect('', incoming, async (context) => {
      replies = context.bufferedReplyActivities;
      await this.deps.bot.run(context);
    });
    return replies;
  }

  /** Appends the replies a turn gave to the stream, as the bot's, in reply to `replyToId`. */
  private appendReplies(conversation: DirectLineConversation, replies: Array<Partial<Activity>>, replyToId: string | undefined): void {
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
        ...(replyToId ? { replyToId } : {}),
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
