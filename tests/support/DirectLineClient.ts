import { expect } from 'chai';
import type { Activity as BotActivity } from 'botbuilder';
import { activityText } from './activityText';

type Json = Record<string, unknown>;
/** An activity as the local Direct Line endpoint streams it. */
export type StreamedActivity = Json & { id: string; type: string; from: { id: string; role?: string }; channelData?: Json; replyToId?: string };

/** What a person reads in a streamed activity. */
export const streamedText = (a: StreamedActivity | undefined): string => activityText((a ?? {}) as unknown as Partial<BotActivity>);

/** The bot's messages among streamed activities. */
export const botMessages = (activities: StreamedActivity[]): StreamedActivity[] => activities.filter((a) => a.from.role === 'bot' && a.type === 'message');

/**
 * A Direct Line 3.0 client as Web Chat uses it with `webSocket: false` (token, conversation,
 * POST activity, GET activities with a watermark), pointed at one server. `at` gives the same
 * conversation (token, watermark) through another server: a page whose requests reach another
 * instance.
 */
export class DirectLineClient {
  token = '';
  conversationId = '';
  userId = '';
  watermark: string | undefined;

  constructor(readonly base: string) {}

  /** The same conversation, token and watermark, through the server at `base`. */
  at(base: string): DirectLineClient {
    const other = new DirectLineClient(base);
    Object.assign(other, { token: this.token, conversationId: this.conversationId, userId: this.userId, watermark: this.watermark });
    return other;
  }

  async call(method: string, url: string, body?: unknown, token: string | null = this.token): Promise<{ status: number; json: Json }> {
    const res = await fetch(`${this.base}/v3/directline${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Json };
  }

  /** A token, then the conversation; resolves to the status of starting it (201 for a new one). */
  async start(): Promise<number> {
    const gen = await this.call('POST', '/tokens/generate', undefined, null);
    expect(gen.status, JSON.stringify(gen.json)).to.equal(200);
    this.token = gen.json.token as string;
    this.userId = gen.json.userId as string;
    const conv = await this.call('POST', '/conversations');
    expect(conv.status, JSON.stringify(conv.json)).to.be.oneOf([200, 201]);
    this.conversationId = conv.json.conversationId as string;
    this.token = conv.json.token as string;
    return conv.status;
  }

  /** Posts a message; resolves to the status and the id the server gave it. */
  async say(text: string, clientActivityID = `c-${Math.random().toString(36).slice(2)}`): Promise<{ status: number; id?: string; json: Json }> {
    const r = await this.call('POST', `/conversations/${this.conversationId}/activities`, { type: 'message', text, channelData: { clientActivityID } });
    return { ...r, id: typeof r.json.id === 'string' ? r.json.id : undefined };
  }

  /** One GET of the activities after the watermark (all with `since` null); moves the watermark on. */
  async poll(since: string | null | undefined = this.watermark): Promise<StreamedActivity[]> {
    const q = since ? `?watermark=${since}` : '';
    const r = await this.call('GET', `/conversations/${this.conversationId}/activities${q}`);
    expect(r.status, JSON.stringify(r.json)).to.equal(200);
    this.watermark = r.json.watermark as string;
    return r.json.activities as StreamedActivity[];
  }

  /** Everything kept for the conversation, as a reloaded page reads it (the watermark stays). */
  async history(): Promise<StreamedActivity[]> {
    const r = await this.call('GET', `/conversations/${this.conversationId}/activities`);
    expect(r.status, JSON.stringify(r.json)).to.equal(200);
    return r.json.activities as StreamedActivity[];
  }

  /** "Start again", as the page sends it: the end of this conversation. */
  end(): Promise<{ status: number; json: Json }> {
    return this.call('POST', `/conversations/${this.conversationId}/activities`, { type: 'endOfConversation', from: { id: this.userId, role: 'user' } });
  }

  /** Polls (as Web Chat does, every 100 ms here) until a bot message matches `pattern`; resolves to everything collected meanwhile. */
  async pollUntil(pattern: RegExp, timeoutMs = 60_000): Promise<StreamedActivity[]> {
    const collected: StreamedActivity[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      collected.push(...(await this.poll()));
      if (botMessages(collected).some((a) => pattern.test(streamedText(a)))) return collected;
      if (Date.now() > deadline) throw new Error(`no bot message matching ${pattern} within ${timeoutMs} ms; collected:\n${botMessages(collected).map(streamedText).join('\n---\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
