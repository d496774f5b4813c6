import { expect } from 'chai';
import { analyticsStoreBehaviour, turn } from './analyticsStoreBehaviour';
import { MAX_PENDING, SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import { AnalyticsRetention } from '../../src/analytics/AnalyticsRetention';
import { sqliteStoreFixture } from '../support/StoreFixture';

describe('SqliteAnalyticsStore: turn records on disk (DATA_DIR/analytics.sqlite)', () => {
  describe('behaves as every AnalyticsStore must', () => {
    analyticsStoreBehaviour(async () => sqliteStoreFixture('analytics-', (dir) => SqliteAnalyticsStore.inDataDir(dir)));
  });

  describe('records written together (one commit for many turns)', () => {
    it('a record is on disk a moment after it is added, for another reader of the file', async () => {
      const fixture = sqliteStoreFixture('analytics-', (dir) => SqliteAnalyticsStore.inDataDir(dir));
      const writer = await fixture.open();
      const reader = await fixture.open();
      for (let i = 0; i < 3; i++) await writer.add(turn({ id: `t${i}` }));
      const until = Date.now() + 5000;
      while ((await reader.list()).length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect((await reader.list()).map((r) => r.id).sort()).to.deep.equal(['t0', 't1', 't2']);
      await fixture.dispose();
    });

    it('closing writes what waits; so does reaching the most that may wait', async () => {
      const fixture = sqliteStoreFixture('analytics-', (dir) => SqliteAnalyticsStore.inDataDir(dir));
      const writer = await fixture.open();
      await writer.add(turn({ id: 'last' }));
      await writer.close();
      const reader = await fixture.open();
      expect((await reader.list()).map((r) => r.id)).to.deep.equal(['last']);
      const busy = await fixture.open();
      for (let i = 0; i < MAX_PENDING; i++) await busy.add(turn({ id: `b${String(i).padStart(3, '0')}` }));
      // No waiting: the last add wrote them all.
      expect((await reader.list()).length).to.equal(1 + MAX_PENDING);
      await fixture.dispose();
    });
  });

  it('a record that cannot be written (its id already kept) loses only itself, and the store tells its log', async () => {
    const told: string[] = [];
    const store = new SqliteAnalyticsStore(':memory:', (err) => told.push(err.message));
    await store.add(turn({ id: 'same' }));
    await store.add(turn({ id: 'same' }));
    await store.add(turn({ id: 'other' }));
    expect((await store.list()).map((r) => r.id).sort()).to.deep.equal(['other', 'same']);
    expect(told).to.have.length(1);
    expect(told[0]).to.match(/UNIQUE|constraint/i);
    await store.close();
  });

  it('purges again on its timer', async () => {
    let now = new Date('2026-11-01T12:00:00Z');
    const store = new SqliteAnalyticsStore(':memory:');
    const retention = new AnalyticsRetention(store, 1, undefined, () => now);
    await retention.start(20);
    await store.add(turn({ at: '2026-11-01T11:00:00.000Z' }));
    now = new Date('2026-11-03T12:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 80));
    retention.stop();
    expect(await store.list()).to.deep.equal([]);
    await store.close();
  });
});
