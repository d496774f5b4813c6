import { expect } from 'chai';
import { analyticsStoreBehaviour, turn } from './analyticsStoreBehaviour';
import { SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import { AnalyticsRetention } from '../../src/analytics/AnalyticsRetention';
import { sqliteStoreFixture } from '../support/StoreFixture';

describe('SqliteAnalyticsStore: turn records on disk (DATA_DIR/analytics.sqlite)', () => {
  describe('behaves as every AnalyticsStore must', () => {
    analyticsStoreBehaviour(async () => sqliteStoreFixture('analytics-', (dir) => SqliteAnalyticsStore.inDataDir(dir)));
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
