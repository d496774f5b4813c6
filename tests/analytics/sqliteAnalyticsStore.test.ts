import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { analyticsStoreBehaviour, turn } from './analyticsStoreBehaviour';
import { SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import { AnalyticsRetention } from '../../src/analytics/AnalyticsRetention';
import type { AnalyticsStore } from '../../src/analytics/AnalyticsStore';

describe('SqliteAnalyticsStore: turn records on disk (DATA_DIR/analytics.sqlite)', () => {
  describe('behaves as every AnalyticsStore must', () => {
    analyticsStoreBehaviour(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analytics-'));
      const opened: AnalyticsStore[] = [];
      return {
        async open() {
          const s = SqliteAnalyticsStore.inDataDir(dir);
          opened.push(s);
          return s;
        },
        async dispose() {
          for (const s of opened) await s.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    });
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
