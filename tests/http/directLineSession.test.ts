import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { MemoryStorage, type Storage } from 'botbuilder';
import { createTestApp } from '../support/Transcript';
import type { AppServer } from '../../src/server/createServer';
import { DirectLineClient as Client, type StreamedActivity as Activity } from '../support/DirectLineClient';


async function waitFor<T>(get: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await get();
    if (got !== undefined) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('HTTP: the local Direct Line endpoint — "typing" while a turn runs, never kept (memory storage, as on Blob Storage)', () => {
  let app: AppServer;
  let base: string;
  let release: (() => void) | undefined;
  const memory = new MemoryStorage();
  // The bot's state read waits, while `release` is set, until the test lets it go: a slow turn.
  const storage: Storage = {
    read: async (keys) => {
      if (release && keys.some((k) => k.includes('/conversations/'))) await new Promise<void>((resolve) => (release = resolve));
      return memory.read(keys);
    },
    write: (changes) => memory.write(changes),
    delete: (keys) => memory.delete(keys),
  };
  const kept = async (id: string) => (await memory.read([`directline-activities/${id}`]))[`directline-activities/${id}`] as { entries: Array<{ activity: Activity }> } | undefined;

  before(async () => {
    app = await createTestApp({}, { storage });
    base = await app.listen(0);
  });
  after(() => app?.close());

  it('one "typing" on the stream while the turn runs (the bot sends none of its own), none in the store, and gone from the history once answered', async () => {
    const c = new Client(base);
    await c.start();
    await c.poll();
    release = () => undefined;
    const sent = c.say('what is the local offer');
    const during = await waitFor(async () => {
      const acts = await c.poll().catch(() => []);
      return acts.some((a) => a.type === 'typing') ? acts : undefined;
    }, 'typing on the stream');
    expect(during.filter((a) => a.type === 'typing'), 'one typing').to.have.length(1);
    expect(during.find((a) => a.type === 'typing')?.from.role).to.equal('bot');
    const stored = await kept(c.conversationId);
    expect(stored?.entries.map((e) => e.activity.type), 'the echo is kept, the typing is not').to.include('message').and.not.include('typing');
    const go = release;
    release = undefined;
    go?.();
    expect((await sent).status).to.equal(200);
    const after = await c.poll();
    expect(after.some((a) => a.type === 'message' && a.from.role === 'bot'), 'the answer').to.equal(true);
    expect(after.filter((a) => a.type === 'typing'), 'no second typing (none from the bot with its answer)').to.deep.equal([]);
    expect((await c.history()).map((a) => a.type), 'a reloaded page sees no typing').to.not.include('typing');
    expect((await kept(c.conversationId))?.entries.map((e) => e.activity.type)).to.not.include('typing');
  });

  it('"Start again" (endOfConversation) deletes the conversation\'s activities and the bot\'s state for it; its token no longer reads them', async () => {
    const c = new Client(base);
    await c.start();
    expect((await c.say('what is sen support')).status).to.equal(200);
    expect((await c.history()).some((a) => a.from.role === 'bot' && a.type === 'message')).to.equal(true);
    // ConversationState's key: channel, conversation id, and its (empty) namespace.
    const stateKey = `webchat/conversations/${c.conversationId}/`;
    expect(Object.keys(await memory.read([stateKey])), 'the bot kept state for it').to.deep.equal([stateKey]);
    expect(await kept(c.conversationId), 'the activities are in the store').to.not.equal(undefined);
    // The user's state (the area they gave, in a real chat): the user id is this chat's own.
    const userKey = `webchat/users/${c.userId}/`;
    await memory.write({ [userKey]: { userProfile: { area: 'example' } } });

    const ended = await c.end();
    expect(ended.status).to.equal(200);
    expect(await kept(c.conversationId), 'the activities are gone from the store').to.equal(undefined);
    expect(Object.keys(await memory.read([stateKey, userKey])), "the bot's state for it, and the chat user's, are gone").to.deep.equal([]);
    // The old token: refused, whatever it asks.
    const read = await c.call('GET', `/conversations/${c.conversationId}/activities`);
    expect(read.status).to.equal(404);
    expect(JSON.stringify(read.json)).to.not.match(/SEN support/);
    expect((await c.call('GET', `/conversations/${c.conversationId}`)).status).to.equal(404);
    expect((await c.call('POST', '/tokens/refresh')).status).to.equal(404);
    expect((await c.call('POST', '/conversations')).status).to.equal(404);
    expect((await c.say('hello again')).status).to.equal(404);

    // A new conversation starts as usual.
    const next = new Client(base);
    await next.start();
    expect((await next.poll()).some((a) => a.type === 'message')).to.equal(true);
  });
});

describe('HTTP: "Start again" deletes the conversation from the SQLite store', () => {
  let dataDir: string;
  let app: AppServer;
  let base: string;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'directline-end-'));
    app = await createTestApp({ STATE_STORE: 'sqlite', DATA_DIR: dataDir });
    base = await app.listen(0);
  });
  after(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function rows(id: string): { conversations: number; activities: number; typing: number } {
    const db = new Database(path.join(dataDir, 'directline.sqlite'), { readonly: true });
    try {
      const one = (sql: string) => (db.prepare(sql).get(id) as { n: number }).n;
      return {
        conversations: one('SELECT COUNT(*) AS n FROM dl_conversation WHERE id = ?'),
        activities: one('SELECT COUNT(*) AS n FROM dl_activity WHERE conversation_id = ?'),
        typing: one(`SELECT COUNT(*) AS n FROM dl_activity WHERE conversation_id = ? AND json_extract(activity, '$.type') = 'typing'`),
      };
    } finally {
      db.close();
    }
  }

  it('keeps no typing on disk, and after Start again no row of the conversation, nor a reader for it', async () => {
    const c = new Client(base);
    await c.start();
    expect((await c.say('what is an ehc plan')).status).to.equal(200);
    const before = rows(c.conversationId);
    expect(before.conversations).to.equal(1);
    expect(before.activities, 'the welcome, the question and the answer').to.be.at.least(3);
    expect(before.typing, 'no typing on disk').to.equal(0);
    expect((await c.end()).status).to.equal(200);
    expect(rows(c.conversationId)).to.deep.equal({ conversations: 0, activities: 0, typing: 0 });
    expect((await c.call('GET', `/conversations/${c.conversationId}/activities`)).status).to.equal(404);
  });
});
