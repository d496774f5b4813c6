import { expect } from 'chai';
import { CallbackValidationError, type NewCallbackRequest } from '../../src/callbacks/CallbackRequest';
import { CallbackRetention } from '../../src/callbacks/CallbackRetention';
import type { CallbackStore } from '../../src/callbacks/CallbackStore';
import { sample } from './sample';
import type { StoreFixture } from '../support/StoreFixture';

export type CallbackStoreFixture = StoreFixture<CallbackStore>;

/**
 * What every CallbackStore must do, whatever keeps the requests. Called inside a `describe` for
 * each implementation (SQLite, Azure Table Storage) with a way to make empty storage per test.
 */
export function callbackStoreBehaviour(newFixture: () => Promise<CallbackStoreFixture>): void {
  let fixture: CallbackStoreFixture;
  let store: CallbackStore;
  beforeEach(async () => {
    fixture = await newFixture();
    store = await fixture.open();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('creates a request with a random id, status new and the time it was made', async () => {
    const before = Date.now();
    const r = await store.create(sample());
    expect(r.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.status).to.equal('new');
    expect(Date.parse(r.createdAt)).to.be.within(before, Date.now());
    expect(r.updatedAt).to.equal(r.createdAt);
    expect(r).to.include({ area: 'Trafford', name: 'Sam Parent', contact: '07700 900123', contactKind: 'phone', bestTime: 'weekday mornings' });
    expect(r.topics).to.equal(null);
    expect(await store.get(r.id)).to.deep.equal(r);
    expect((await store.create(sample())).id).to.not.equal(r.id);
  });

  it('keeps the topics only when the user agreed to share them', async () => {
    const withTopics = await store.create(sample({ topics: ['What is SEN support?', 'EHC needs assessment'] }));
    expect((await store.get(withTopics.id))?.topics).to.deep.equal(['What is SEN support?', 'EHC needs assessment']);
    const without = await store.create(sample());
    expect((await store.get(without.id))?.topics).to.equal(null);
  });

  it('trims what the user typed and keeps characters that need escaping as they are', async () => {
    const r = await store.create(sample({ name: "  Siân O'Neil  ", summary: 'School said "no" & won\'t <assess>' }));
    expect((await store.get(r.id))?.name).to.equal("Siân O'Neil");
    expect((await store.get(r.id))?.summary).to.equal('School said "no" & won\'t <assess>');
  });

  it('survives closing and reopening the store (a restart): the write was durable when create returned', async () => {
    const r = await store.create(sample({ contactKind: 'email', contact: 'sam@example.org' }));
    await store.close();
    store = await fixture.open();
    expect(await store.get(r.id)).to.deep.equal(r);
    expect(await store.list()).to.deep.equal([r]);
  });

  it('lists newest first, filters by status, updates the status and deletes', async () => {
    let t = Date.parse('2026-11-01T09:00:00Z');
    await store.close();
    store = await fixture.open(() => new Date((t += 60_000)));
    const a = await store.create(sample({ name: 'A' }));
    const b = await store.create(sample({ name: 'B' }));
    expect((await store.list()).map((r) => r.name)).to.deep.equal(['B', 'A']);
    const updated = await store.updateStatus(a.id, 'contacted');
    expect(updated?.status).to.equal('contacted');
    expect(updated?.createdAt).to.equal(a.createdAt);
    expect(Date.parse(updated?.updatedAt ?? '')).to.be.greaterThan(Date.parse(a.updatedAt));
    expect(await store.get(a.id)).to.deep.equal(updated);
    expect((await store.list({ status: 'contacted' })).map((r) => r.id)).to.deep.equal([a.id]);
    expect((await store.list({ status: 'new' })).map((r) => r.id)).to.deep.equal([b.id]);
    expect(await store.list({ status: 'closed' })).to.deep.equal([]);
    expect(await store.delete(b.id)).to.equal(true);
    expect(await store.delete(b.id)).to.equal(false);
    expect(await store.get(b.id)).to.equal(undefined);
    expect((await store.list()).map((r) => r.id)).to.deep.equal([a.id]);
  });

  it('orders requests made in the same millisecond by id', async () => {
    const at = new Date('2026-11-01T09:00:00Z');
    await store.close();
    store = await fixture.open(() => at);
    const made = [await store.create(sample()), await store.create(sample()), await store.create(sample())];
    expect((await store.list()).map((r) => r.id)).to.deep.equal(made.map((r) => r.id).sort());
  });

  it('answers undefined or false for ids that do not exist or are not ids, and creates nothing', async () => {
    expect(await store.get('00000000-0000-4000-8000-000000000000')).to.equal(undefined);
    expect(await store.get("1' OR '1'='1")).to.equal(undefined);
    expect(await store.updateStatus('00000000-0000-4000-8000-000000000000', 'closed')).to.equal(undefined);
    expect(await store.updateStatus('nope', 'closed')).to.equal(undefined);
    expect(await store.delete('00000000-0000-4000-8000-000000000000')).to.equal(false);
    expect(await store.delete('nope')).to.equal(false);
    expect(await store.list()).to.deep.equal([]);
  });

  it('refuses a request with a missing or over-long field, naming the field and not its value', async () => {
    for (const [over, field] of [
      [{ name: '  ' }, 'name'],
      [{ contact: '' }, 'contact'],
      [{ summary: 'x'.repeat(501) }, 'summary'],
      [{ contactKind: 'fax' }, 'contactKind'],
      [{ topics: ['ok', ''] }, 'topics[1]'],
    ] as const) {
      try {
        await store.create(sample(over as Partial<NewCallbackRequest>));
        expect.fail(`accepted a bad ${field}`);
      } catch (err) {
        expect(err).to.be.instanceOf(CallbackValidationError);
        expect((err as Error).message).to.include(field);
        expect((err as Error).message).to.not.include('07700');
      }
    }
    expect(await store.list()).to.deep.equal([]);
    for (const bad of [() => store.updateStatus('00000000-0000-4000-8000-000000000000', 'done' as 'closed'), () => store.list({ status: 'done' as 'closed' })]) {
      try {
        await bad();
        expect.fail('accepted a bad status');
      } catch (err) {
        expect(err).to.be.instanceOf(CallbackValidationError);
      }
    }
  });

  it('purges requests made before a date, keeps the rest, and counts what went (more than one batch)', async () => {
    let now = new Date('2026-11-01T12:00:00Z');
    await store.close();
    store = await fixture.open(() => now);
    const old: string[] = [];
    for (let i = 0; i < 105; i += 1) old.push((await store.create(sample({ name: `Old ${i}` }))).id);
    now = new Date('2026-11-02T12:00:00Z');
    const edge = await store.create(sample({ name: 'Edge' }));
    now = new Date('2026-11-03T12:00:00Z');
    const recent = await store.create(sample({ name: 'Recent' }));
    expect(await store.purgeOlderThan(new Date('2026-11-02T12:00:00Z'))).to.equal(105);
    expect((await store.list()).map((r) => r.id)).to.deep.equal([recent.id, edge.id]);
    expect(await store.get(old[0] as string)).to.equal(undefined);
    expect(await store.purgeOlderThan(new Date('2026-11-02T12:00:00Z'))).to.equal(0);
  });

  it('CallbackRetention deletes requests older than the period and keeps newer ones, at start, logging counts only', async () => {
    let now = new Date('2026-11-01T12:00:00Z');
    await store.close();
    store = await fixture.open(() => now);
    const old = await store.create(sample({ name: 'Old' }));
    now = new Date('2026-11-20T12:00:00Z');
    const recent = await store.create(sample({ name: 'Recent' }));
    now = new Date('2026-12-02T12:00:00Z'); // 31 days after the first, 12 after the second
    const logged: object[] = [];
    const retention = new CallbackRetention(store, 30, { info: (o) => logged.push(o), error: () => undefined }, () => now);
    expect(retention.cutoff().toISOString()).to.equal('2026-11-02T12:00:00.000Z');
    expect(await retention.start()).to.equal(1);
    retention.stop();
    expect(await store.get(old.id)).to.equal(undefined);
    expect(await store.get(recent.id)).to.not.equal(undefined);
    expect(logged).to.deep.equal([{ removed: 1, retentionDays: 30 }]);
  });
}
