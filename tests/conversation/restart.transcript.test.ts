import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { didYouMeanSurvivesRestart } from '../support/restartChecks';
import { SqliteStorage } from '../../src/bot/SqliteStorage';

describe('Conversation: what the user entrusted survives a restart (SQLite state)', () => {
  it('a "Did you mean" left unanswered is still there after the server restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-'));
    await didYouMeanSurvivesRestart({ STATE_STORE: 'sqlite', DATA_DIR: dataDir }, { user: 'user-r', conversation: 'conv-restart' });
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
