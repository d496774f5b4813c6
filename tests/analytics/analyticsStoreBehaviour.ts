import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { AnalyticsRetention } from '../../src/analytics/AnalyticsRetention';
import type { AnalyticsStore } from '../../src/analytics/AnalyticsStore';
import type { TurnRecord } from '../../src/analytics/TurnRecord';
import type { StoreFixture } from '../support/StoreFixture';

export type AnalyticsStoreFixture = StoreFixture<AnalyticsStore>;

export const turn = (over: Partial<TurnRecord> = {}): TurnRecord => ({ id: randomUUID(), at: '2026-11-20T10:00:00.000Z', channel: 'webchat', outcome: 'answer', ...over });

/** What every AnalyticsStore must do (SQLite, Azure Table Storage). */
export function analyticsStoreBehaviour(newFixture: () => Promise<AnalyticsStoreFixture>): void {
  let fixture: AnalyticsStoreFixture;
  let store: AnalyticsStore;
  beforeEach(async () => {
    fixture = await newFixture();
    store = await fixture.open();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('keeps every field of a record, and no field that was absent', async () => {
    const full = turn({ outcome: 'clarify', answerId: 'sen-support', confidence: 0.456, candidates: ['a', 'b'], area: 'Trafford', question: 'what is [name] on about', helpful: false, picked: 'b' });
    const bare = turn({ outcome: 'urgent', at: '2026-11-20T11:00:00.000Z' });
    await store.add(full);
    await store.add(bare);
    const listed = await store.list();
    expect(listed).to.deep.equal([full, bare]);
    expect(Object.keys(listed[1]).sort()).to.deep.equal(['at', 'channel', 'id', 'outcome']);
  });

  it('adds the pick and the "Was this helpful?" choice to an earlier turn, and says when there is no such turn', async () => {
    const r = turn({ outcome: 'clarify', candidates: ['x', 'y'] });
    await store.add(r);
    expect(await store.update(r.id, { picked: 'y' })).to.equal(true);
    expect(await store.update(r.id, { helpful: true })).to.equal(true);
    expect(await store.update(randomUUID(), { helpful: true })).to.equal(false);
    expect(await store.list()).to.deep.equal([{ ...r, picked: 'y', helpful: true }]);
  });

  it('lists oldest first, from a date when asked, and survives a restart', async () => {
    const a = turn({ at: '2026-11-21T09:00:00.000Z' });
    const b = turn({ at: '2026-11-19T09:00:00.000Z' });
    await store.add(a);
    await store.add(b);
    await store.close();
    store = await fixture.open();
    expect((await store.list()).map((r) => r.id)).to.deep.equal([b.id, a.id]);
    expect((await store.list({ since: new Date('2026-11-20T00:00:00Z') })).map((r) => r.id)).to.deep.equal([a.id]);
  });

  it('deletes records past ANALYTICS_RETENTION_DAYS and keeps the rest (expiry)', async () => {
    const old = turn({ at: '2026-08-01T12:00:00.000Z' });
    const recent = turn({ at: '2026-11-25T12:00:00.000Z' });
    await store.add(old);
    await store.add(recent);
    const retention = new AnalyticsRetention(store, 90, undefined, () => new Date('2026-12-01T12:00:00Z'));
    expect(retention.cutoff().toISOString()).to.equal('2026-09-02T12:00:00.000Z');
    expect(await retention.purge()).to.equal(1);
    expect((await store.list()).map((r) => r.id)).to.deep.equal([recent.id]);
    expect(await retention.purge()).to.equal(0);
  });

  it('refuses an outcome that is not one of the six', async () => {
    let failed: unknown;
    try {
      await store.add(turn({ outcome: 'maybe' as never }));
    } catch (err) {
      failed = err;
    }
    expect((failed as Error | undefined)?.message).to.match(/outcome must be one of/);
  });
}
