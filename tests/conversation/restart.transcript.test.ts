import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, Transcript } from '../support/Transcript';
import { SqliteStorage } from '../../src/bot/SqliteStorage';

describe('Conversation: what the user entrusted survives a restart (SQLite state)', () => {
  it('a "Did you mean" left unanswered is still there after the server restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-'));
    const env = { STATE_STORE: 'sqlite', DATA_DIR: dataDir };
    const first = await createTestApp(env);
    let offered: string[] = [];
    await new Transcript(first, 'webchat', 'user-r', 'conv-restart')
      .userSays('review')
      .botReplies(/Did you mean/)
      .then((reply) => {
        offered = (reply?.attachments?.[0]?.content as { body: Array<{ actions?: Array<{ title: string }> }> }).body
          .flatMap((b) => b.actions ?? [])
          .map((a) => a.title)
          .filter((t) => t !== 'None of these');
      })
      .run();
    await first.close();
    expect(offered.length).to.be.greaterThan(1);

    const second = await createTestApp(env);
    await new Transcript(second, 'webchat', 'user-r', 'conv-restart')
      .userSays('2')
      .botReplies((_r, text) => expect(text).to.include(offered[1]))
      .run();
    await second.close();
  });
});

describe('Conversation state is kept for a limited time (STATE_TTL_DAYS)', () => {
  it('state untouched for longer than the time to live is neither read nor kept', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const storage = new SqliteStorage(':memory:', 30 * 86_400_000, () => now);
    await storage.write({ 'webchat/conversations/c1': { dialogState: { x: 1 } } });
    expect(Object.keys(await storage.read(['webchat/conversations/c1']))).to.have.length(1);
    now += 31 * 86_400_000;
    expect(Object.keys(await storage.read(['webchat/conversations/c1']))).to.have.length(0);
    expect(storage.purgeExpired()).to.equal(1);
    storage.close();
  });
});
