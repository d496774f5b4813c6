import { expect } from 'chai';
import { CallbackRetention } from '../../src/callbacks/CallbackRetention';
import { SqliteCallbackStore } from '../../src/callbacks/SqliteCallbackStore';
import { runRequestsCli } from '../../src/cli/requests';
import { sample } from './sample';

describe('npm run requests: the officers\' command line', () => {
  let now: Date;
  let store: SqliteCallbackStore;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => {
    out = [];
    err = [];
    return runRequestsCli(args, store, new CallbackRetention(store, 30, undefined, () => now), { out: (l) => out.push(l), err: (l) => err.push(l) });
  };
  beforeEach(() => {
    now = new Date('2026-11-01T09:00:00Z');
    store = new SqliteCallbackStore(':memory:', () => now);
  });
  afterEach(() => store.close());

  it('lists requests, newest first, without names or contact details', async () => {
    const a = await store.create(sample({ name: 'Alex Jones' }));
    now = new Date('2026-11-01T10:00:00Z');
    const b = await store.create(sample({ area: 'Lancashire', contactKind: 'email', contact: 'b@example.org' }));
    expect(await run('list')).to.equal(0);
    expect(out).to.have.length(2);
    expect(out[0]).to.include(b.id).and.include('Lancashire').and.include('by email');
    expect(out[1]).to.include(a.id).and.include('2026-11-01 09:00');
    expect(out.join('\n')).to.not.include('Alex').and.not.include('07700').and.not.include('b@example.org');
  });

  it('shows one request in full, then marks it contacted and closed', async () => {
    const r = await store.create(sample({ topics: ['What is SEN support?'] }));
    expect(await run('show', r.id)).to.equal(0);
    expect(out.join('\n')).to.include('Sam Parent').and.include('phone:       07700 900123').and.include('What is SEN support?');
    expect(await run('contacted', r.id)).to.equal(0);
    expect(out[0]).to.equal(`Request ${r.id} is now contacted.`);
    expect(await run('list', 'contacted')).to.equal(0);
    expect(out).to.have.length(1);
    expect(await run('close', r.id)).to.equal(0);
    expect((await store.get(r.id))?.status).to.equal('closed');
    expect(await run('list', 'new')).to.equal(0);
    expect(out).to.deep.equal(['No new requests.']);
  });

  it('deletes a request on request', async () => {
    const r = await store.create(sample());
    expect(await run('delete', r.id)).to.equal(0);
    expect(await store.get(r.id)).to.equal(undefined);
    expect(await run('delete', r.id)).to.equal(1);
    expect(err[0]).to.include('No request with id');
  });

  it('purges requests past the retention period', async () => {
    const old = await store.create(sample());
    now = new Date('2026-12-15T09:00:00Z');
    const recent = await store.create(sample());
    expect(await run('purge')).to.equal(0);
    expect(out[0]).to.match(/^Deleted 1 request\(s\) created before 2026-11-15T09:00:00.000Z\.$/);
    expect(await store.get(old.id)).to.equal(undefined);
    expect(await store.get(recent.id)).to.not.equal(undefined);
  });

  it('explains its usage for a bad command or argument (exit 2) and an unknown id (exit 1)', async () => {
    expect(await run()).to.equal(2);
    expect(err[0]).to.include('Usage: npm run requests');
    expect(await run('frobnicate')).to.equal(2);
    expect(err[0]).to.include('Unknown command "frobnicate"');
    expect(await run('show')).to.equal(2);
    expect(await run('list', 'pending')).to.equal(2);
    expect(await run('show', '00000000-0000-4000-8000-000000000000')).to.equal(1);
  });
});
