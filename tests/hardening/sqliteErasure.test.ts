import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/bot/SqliteStorage';
import { SqliteCallbackStore } from '../../src/callbacks/SqliteCallbackStore';
import { CallbackRetention } from '../../src/callbacks/CallbackRetention';
import type { CallbackRequest } from '../../src/callbacks/CallbackRequest';
import type { CallbackStore } from '../../src/callbacks/CallbackStore';
import { runRequestsCli } from '../../src/cli/requests';

/** Every byte of the database and its WAL and shared-memory files, as Latin-1 text to search. */
function rawBytes(file: string): string {
  return ['', '-wal', '-shm']
    .map((suffix) => `${file}${suffix}`)
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

describe('Hardening: deleted personal data is gone from the SQLite files (raw bytes)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-erasure-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const NAME = 'Zebedee Quuxworth';
  const PHONE = '07700 900987';

  it('bot state: a call-back draft overwritten and a conversation deleted leave no trace once checkpointed', async () => {
    const file = path.join(dir, 'bot-state.sqlite');
    const storage = new SqliteStorage(file, 86_400_000);
    await storage.write({ 'webchat/conversations/c1/': { dialogState: { draft: { name: NAME, contact: PHONE } }, eTag: '*' } });
    await storage.write({ 'webchat/conversations/c2/': { dialogState: { draft: { name: `${NAME} II`, contact: PHONE } }, eTag: '*' } });
    expect(rawBytes(file), 'written: the draft is in the files').to.include(NAME);
    // The draft is cleared (request cancelled) in one conversation; the other is deleted.
    await storage.write({ 'webchat/conversations/c1/': { dialogState: {}, eTag: '*' } });
    await storage.delete(['webchat/conversations/c2/']);
    expect(storage.checkpoint()).to.equal(true);
    const raw = rawBytes(file);
    expect(raw).to.not.include(NAME);
    expect(raw).to.not.include(PHONE);
    expect(fs.statSync(`${file}-wal`).size, 'the WAL is truncated').to.equal(0);
    expect(await storage.read(['webchat/conversations/c1/'])).to.have.property('webchat/conversations/c1/');
    storage.close();
    expect(rawBytes(file)).to.not.include(NAME);
  });

  it('call-back requests: a deleted request\'s name and phone are in neither the database nor the WAL', async () => {
    const file = path.join(dir, SqliteCallbackStore.FILE_NAME);
    const store = new SqliteCallbackStore(file);
    const kept = await store.create({ area: 'Trafford', name: 'Kept Person', contact: '07700 900111', contactKind: 'phone', bestTime: 'mornings', summary: 'annual review' });
    const gone = await store.create({ area: 'Trafford', name: NAME, contact: PHONE, contactKind: 'phone', bestTime: 'any time', summary: 'refused assessment' });
    expect(rawBytes(file)).to.include(NAME);
    expect(await store.delete(gone.id)).to.equal(true);
    const raw = rawBytes(file);
    expect(raw).to.not.include(NAME);
    expect(raw).to.not.include(PHONE);
    expect(raw, 'the other request is still there').to.include('Kept Person');
    expect((await store.get(kept.id))?.name).to.equal('Kept Person');
    await store.close();
  });

  it('call-back requests: control characters typed into a field are not stored', async () => {
    const store = new SqliteCallbackStore(path.join(dir, SqliteCallbackStore.FILE_NAME));
    const r = await store.create({ area: 'Trafford', name: 'Sam\u001b[31m Red\u001b[0m\u0007', contact: '07700 900123', contactKind: 'phone', bestTime: 'after\n3pm\t\u009b2J', summary: 'hello\u202eevil', topics: ['SEN\u0000 support'] });
    const stored = await store.get(r.id);
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/;
    for (const v of [stored?.name, stored?.bestTime, stored?.summary, ...(stored?.topics ?? [])]) expect(v).to.not.match(control);
    expect(stored?.name).to.equal('Sam[31m Red[0m');
    expect(stored?.bestTime).to.equal('after 3pm 2J');
    await store.close();
  });

  it('`npm run requests -- show` never prints control characters, even from a request stored before they were stripped', async () => {
    const raw: CallbackRequest = {
      id: '00000000-0000-4000-8000-000000000001', area: 'Trafford\u001b]0;owned\u0007', createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z',
      status: 'new', name: 'Sam\u001b[2J\u001b[H', contact: '07700 900123', contactKind: 'phone', bestTime: 'any\rtime', summary: 'x\u009b31m', topics: ['a\u0000b'],
    };
    const store = { get: async () => raw, list: async () => [raw] } as unknown as CallbackStore;
    const out: string[] = [];
    for (const args of [['show', raw.id], ['list']]) {
      expect(await runRequestsCli(args, store, new CallbackRetention(store, 30), { out: (l) => out.push(l), err: (l) => out.push(l) })).to.equal(0);
    }
    // eslint-disable-next-line no-control-regex
    for (const line of out) expect(line).to.not.match(/[\u0000-\u001f\u007f-\u009f]/);
    expect(out.join('\n')).to.include('Sam[2J[H');
  });
});
