import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { createTestApp } from '../support/Transcript';
import { listeningTestApp } from '../support/listeningApp';
import type { Activity as BotActivity } from 'botbuilder';
import { activityText } from '../support/activityText';

type Json = Record<string, unknown>;
type Activity = Json & { id: string; type: string; from: { id: string; role?: string }; channelData?: Json; replyToId?: string };

/** A Direct Line 3.0 client, as Web Chat uses it with webSocket: false. */
class Client {
  token = '';
  conversationId = '';
  userId = '';
  watermark: string | undefined;

  constructor(readonly base: string) {}

  async call(method: string, url: string, body?: unknown, token: string | null = this.token): Promise<{ status: number; json: Json }> {
    const res = await fetch(`${this.base}/v3/directline${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Json };
  }

  async start(): Promise<number> {
    const gen = await this.call('POST', '/tokens/generate', undefined, null);
    expect(gen.status).to.equal(200);
    this.token = gen.json.token as string;
    this.userId = gen.json.userId as string;
    const conv = await this.call('POST', '/conversations');
    this.conversationId = conv.json.conversationId as string;
    this.token = conv.json.token as string;
    return conv.status;
  }

  async say(text: string, clientActivityID = `c-${Math.random()}`): Promise<{ status: number; json: Json }> {
    return this.call('POST', `/conversations/${this.conversationId}/activities`, {
      type: 'message',
      text,
      from: { id: 'someone-else', name: 'Forged' },
      channelData: { clientActivityID },
    });
  }

  /** New activities since the last poll. */
  async poll(): Promise<Activity[]> {
    const q = this.watermark ? `?watermark=${this.watermark}` : '';
    const r = await this.call('GET', `/conversations/${this.conversationId}/activities${q}`);
    expect(r.status).to.equal(200);
    this.watermark = r.json.watermark as string;
    return r.json.activities as Activity[];
  }
}

/** What a person reads in a streamed activity. */
const textOf = (a: Activity | undefined): string => activityText((a ?? {}) as unknown as Partial<BotActivity>);
const fromBot = (acts: Activity[]) => acts.filter((a) => a.from.role === 'bot' && a.type === 'message');

describe('HTTP: the local Direct Line endpoint (Web Chat without Azure)', () => {
  const server = listeningTestApp();

  it('starts a conversation with 201 and the welcome in the stream', async () => {
    const c = new Client(server.base);
    expect(await c.start()).to.equal(201);
    expect(c.conversationId).to.be.a('string').and.not.equal('');
    const first = await c.poll();
    expect(fromBot(first).map(textOf).join('\n')).to.match(/automated helper, not a person/);
    expect(first.every((a) => a.id.startsWith(`${c.conversationId}|`))).to.equal(true);
    // Starting it again is not a new conversation: 200 and no second welcome.
    expect((await c.call('POST', '/conversations')).status).to.equal(200);
    expect(await c.poll()).to.deep.equal([]);
  });

  it('echoes the message with its clientActivityID, as the user the token names, then the answer', async () => {
    const c = new Client(server.base);
    await c.start();
    await c.poll();
    const sent = await c.say('what is sen support', 'client-42');
    expect(sent.status).to.equal(200);
    const acts = await c.poll();
    const echo = acts.find((a) => a.channelData?.clientActivityID === 'client-42') as Activity;
    expect(echo, 'the message comes back on the stream').to.not.equal(undefined);
    expect(echo.id).to.equal(sent.json.id);
    expect(echo.from).to.deep.equal({ id: c.userId, role: 'user' });
    const replies = fromBot(acts);
    expect(textOf(replies[0])).to.match(/What is SEN support\?/);
    expect(textOf(replies[0])).to.match(/Source: /);
    expect(replies[0].replyToId).to.equal(echo.id);
    expect(await c.poll(), 'the watermark moves on').to.deep.equal([]);
  });

  it('handles a card button (a message with a value) as an action', async () => {
    const c = new Client(server.base);
    await c.start();
    await c.say('what is the local offer');
    const answer = fromBot(await c.poll()).find((a) => /Source: /.test(textOf(a))) as Activity;
    const followUpId = server.app.services.answers.byId('local-offer')?.followUps[0] as string;
    const r = await c.call('POST', `/conversations/${c.conversationId}/activities`, { type: 'message', value: { action: 'showAnswer', id: followUpId } });
    expect(r.status).to.equal(200);
    expect(answer).to.not.equal(undefined);
    const got = fromBot(await c.poll());
    expect(textOf(got[0])).to.include(server.app.services.answers.title(followUpId));
  });

  it('refreshes a token; the new token works', async () => {
    const c = new Client(server.base);
    await c.start();
    const r = await c.call('POST', '/tokens/refresh');
    expect(r.status).to.equal(200);
    expect(r.json.conversationId).to.equal(c.conversationId);
    expect(r.json.expires_in).to.equal(1800);
    c.token = r.json.token as string;
    expect((await c.say('help')).status).to.equal(200);
  });

  it('refuses requests without a token (401) or with a forged one (403)', async () => {
    const c = new Client(server.base);
    await c.start();
    const noToken = await c.call('GET', `/conversations/${c.conversationId}/activities`, undefined, null);
    expect(noToken.status).to.equal(401);
    expect(noToken.json).to.have.nested.property('error.code', 'Unauthorized');
    const forged = c.token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await c.call('GET', `/conversations/${c.conversationId}/activities`, undefined, forged)).status).to.equal(403);
    expect((await c.call('POST', '/conversations', undefined, 'not-a-token')).status).to.equal(403);
    expect((await c.call('POST', '/tokens/refresh', undefined, null)).status).to.equal(401);
  });

  it('answers 404 for an unknown conversation and 403 for somebody else’s', async () => {
    const a = new Client(server.base);
    const b = new Client(server.base);
    await a.start();
    await b.start();
    expect((await a.call('GET', '/conversations/no-such-conversation/activities')).status).to.equal(404);
    expect((await a.call('POST', '/conversations/no-such-conversation/activities', { type: 'message', text: 'hi' })).status).to.equal(404);
    expect((await a.call('GET', `/conversations/${b.conversationId}/activities`)).status).to.equal(403);
    expect((await a.call('POST', `/conversations/${b.conversationId}/activities`, { type: 'message', text: 'hi' })).status).to.equal(403);
  });

  for (const [label, body] of [
    ['a body that is not JSON', 'this is not json'],
    ['an activity with no type', { text: 'hello' }],
    ['an invoke', { type: 'invoke', name: 'x' }],
    ['a message with neither text nor value', { type: 'message' }],
    ['text that is not a string', { type: 'message', text: 42 }],
    ['text over 5,000 characters', { type: 'message', text: 'a'.repeat(5001) }],
    ['an attachment', { type: 'message', text: 'hi', attachments: [{ contentType: 'image/png', contentUrl: 'blob:x' }] }],
    ['an event with no name', { type: 'event' }],
    ['channelData that is not an object', { type: 'message', text: 'hi', channelData: 'x' }],
  ] as const) {
    it(`answers 400 with a JSON message for ${label}`, async () => {
      const c = new Client(server.base);
      await c.start();
      const r = await c.call('POST', `/conversations/${c.conversationId}/activities`, body);
      expect(r.status).to.equal(400);
      // Our own errors are { error: { code, message } }; restify's body parser answers bad JSON as { code, message }.
      const message = (r.json.error as Json | undefined)?.message ?? r.json.message;
      expect(message).to.be.a('string').and.not.equal('');
      expect(JSON.stringify(r.json)).to.not.match(/at .*\.ts:\d+/);
    });
  }

  it('answers 400 for a watermark that is not one it gave', async () => {
    const c = new Client(server.base);
    await c.start();
    expect((await c.call('GET', `/conversations/${c.conversationId}/activities?watermark=abc`)).status).to.equal(400);
    expect((await c.call('GET', `/conversations/${c.conversationId}/activities?watermark=-1`)).status).to.equal(400);
  });

  it('accepts typing without running a turn', async () => {
    const c = new Client(server.base);
    await c.start();
    await c.poll();
    expect((await c.call('POST', `/conversations/${c.conversationId}/activities`, { type: 'typing' })).status).to.equal(200);
    expect(await c.poll()).to.deep.equal([]);
  });
});

describe('HTTP: a local web chat conversation survives a server restart (SQLite state, signing key on disk)', () => {
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'directline-restart-'));
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('carries on the same conversation, with its "Did you mean" choice, after a restart', async () => {
    const env = { STATE_STORE: 'sqlite', DATA_DIR: dataDir };
    const query = ['review', 'plan', 'assessment', 'funding', 'support', 'ehc'];
    let app = await createTestApp(env);
    let ambiguous = '';
    for (const q of query) if (!ambiguous && (await app.services.answers.ask(q)).outcome === 'clarify') ambiguous = q;
    expect(ambiguous, 'a short query gets "Did you mean"').to.be.a('string');
    const firstChoice = (await app.services.answers.ask(ambiguous)).results[0].answer.title;
    let c = new Client(await app.listen(0));
    await c.start();
    await c.say(ambiguous);
    expect(fromBot(await c.poll()).map(textOf).join('\n')).to.match(/Did you mean/);
    await app.close();

    app = await createTestApp(env);
    try {
      const { token, conversationId, watermark } = c;
      c = new Client(await app.listen(0));
      Object.assign(c, { token, conversationId, watermark });
      expect(await c.poll(), 'nothing new, and no error, after the restart').to.deep.equal([]);
      expect((await c.say('1')).status).to.equal(200);
      const acts = await c.poll();
      expect(acts.length, 'the echo and the answer arrive past the old watermark').to.be.greaterThan(1);
      expect(textOf(fromBot(acts)[0])).to.include(firstChoice);
    } finally {
      await app.close();
    }
  });
});

describe('HTTP: with MicrosoftAppId set, the local Direct Line endpoint is not there', () => {
  const server = listeningTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'test-password' });

  it('answers 404 to the Direct Line routes and tells the page to use Azure', async () => {
    expect((await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).status).to.equal(404);
    expect((await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST' })).status).to.equal(404);
    const config = (await (await fetch(`${server.base}/api/chat-config`)).json()) as Json;
    expect(config).to.deep.equal({ mode: 'azure', directLineDomain: 'https://directline.botframework.com/v3/directline', available: false });
  });
});
