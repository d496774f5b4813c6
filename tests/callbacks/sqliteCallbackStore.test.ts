import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { sample } from './sample';
import { callbackStoreBehaviour } from './callbackStoreBehaviour';
import { CallbackRetention } from '../../src/callbacks/CallbackRetention';
import type { CallbackStore } from '../../src/callbacks/CallbackStore';
import { SqliteCallbackStore } from '../../src/callbacks/SqliteCallbackStore';
import { sqliteStoreFixture } from '../support/StoreFixture';

describe('SqliteCallbackStore: callback requests on disk', () => {
  describe('behaves as every CallbackStore must', () => {
    callbackStoreBehaviour(async () => sqliteStoreFixture('callbacks-', (dir, now): CallbackStore => SqliteCallbackStore.inDataDir(dir, now)));
  });

  it('writes durably: WAL journal with synchronous FULL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callbacks-'));
    const file = path.join(dir, 'callbacks.sqlite');
    const store = new SqliteCallbackStore(file);
    try {
      const Database = (await import('better-sqlite3')).default;
      await store.create(sample());
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).to.equal('wal');
        expect(db.prepare('SELECT COUNT(*) AS n FROM callback_requests').get()).to.deep.equal({ n: 1 });
      } finally {
        db.close();
      }
      // synchronous is per connection: read it from the store's own connection.
      expect((store as unknown as { db: { pragma(s: string, o: object): unknown } }).db.pragma('synchronous', { simple: true })).to.equal(2);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CallbackRetention: requests are deleted after the retention period', () => {
  it('purges again on its timer', async () => {
    let now = new Date('2026-11-01T12:00:00Z');
    const store = new SqliteCallbackStore(':memory:', () => now);
    const retention = new CallbackRetention(store, 1, undefined, () => now);
    await retention.start(20);
    const r = await store.create(sample());
    now = new Date('2026-11-03T12:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 80));
    retention.stop();
    expect(await store.get(r.id)).to.equal(undefined);
    await store.close();
  });
});
