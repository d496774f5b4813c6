import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { CallbackValidationError, type NewCallbackRequest } from '../../src/callbacks/CallbackRequest';
import { sample } from './sample';
import { CallbackRetention } from '../../src/callbacks/CallbackRetention';
import { SqliteCallbackStore } from '../../src/callbacks/SqliteCallbackStore';

describe('SqliteCallbackStore: callback requests on disk', () => {
  let dir: string;
  let file: string;
  let store: SqliteCallbackStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callbacks-'));
    file = path.join(dir, 'callbacks.sqlite');
    store = new SqliteCallbackStore(file);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates a request with a random id, status new and the time it was made', async () => {
    const before = Date.now();
    const r = await store.create(sample());
    expect(r.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.status).to.equal('new');
    expect(Date.parse(r.createdAt)).to.be.within(before, Date.now());
    expect(r).to.include({ area: 'Trafford', name: 'Sam Parent', contact: '07700 900123', contactKind: 'phone', bestTime: 'weekday mornings' });
    expect(r.topics).to.equal(null);
    expect(await store.get(r.id)).to.deep.equal(r);
    expect((await store.create(sample())).id).to.not.equal(r.id);
  });

  it('keeps the topics only when the user agreed to share them', async () => {
    const withTopics = await store.create(sample({ topics: ['What is SEN support?', 'EHC needs assessment'] }));
    expect((await store.get(withTopics.id))?.topics).to.deep.equal(['What is SEN support?', 'EHC needs assessment']);
  });

  it('survives closing and reopening the file (a restart)', async () => {
    const r = await store.create(sample({ contactKind: 'email', contact: 'sam@example.org' }));
    await store.close();
    store = new SqliteCallbackStore(file);
    expect(await store.get(r.id)).to.deep.equal(r);
  });

  it('writes durably: WAL journal with synchronous FULL', async () => {
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
  });

  it('lists newest first, filters by status, updates the status and deletes', async () => {
    let t = Date.parse('2026-11-01T09:00:00Z');
    await store.close();
    store = new SqliteCallbackStore(file, () => new Date((t += 60_000)));
    const a = await store.create(sample({ name: 'A' }));
    const b = await store.create(sample({ name: 'B' }));
    expect((await store.list()).map((r) => r.name)).to.deep.equal(['B', 'A']);
    const updated = await store.updateStatus(a.id, 'contacted');
    expect(updated?.status).to.equal('contacted');
    expect(Date.parse(updated?.updatedAt ?? '')).to.be.greaterThan(Date.parse(a.updatedAt));
    expect((await store.list({ status: 'contacted' })).map((r) => r.id)).to.deep.equal([a.id]);
    expect((await store.list({ status: 'new' })).map((r) => r.id)).to.deep.equal([b.id]);
    expect(await store.delete(b.id)).to.equal(true);
    expect(await store.delete(b.id)).to.equal(false);
    expect(await store.get(b.id)).to.equal(undefined);
  });

  it('answers undefined or false for ids that do not exist or are not ids', async () => {
    expect(await store.get('00000000-0000-4000-8000-000000000000')).to.equal(undefined);
    expect(await store.get("1' OR '1'='1")).to.equal(undefined);
    expect(await store.updateStatus('nope', 'closed')).to.equal(undefined);
    expect(await store.delete('nope')).to.equal(false);
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
    try {
      await store.updateStatus('00000000-0000-4000-8000-000000000000', 'done' as 'closed');
      expect.fail('accepted a bad status');
    } catch (err) {
      expect(err).to.be.instanceOf(CallbackValidationError);
    }
  });
});

describe('CallbackRetention: requests are deleted after the retention period', () => {
  it('deletes requests older than the period and keeps newer ones, at start', async () => {
    let now = new Date('2026-11-01T12:00:00Z');
    const store = new SqliteCallbackStore(':memory:', () => now);
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
    expect(JSON.stringify(logged)).to.not.include('Old').and.not.include('07700');
    await store.close();
  });

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
