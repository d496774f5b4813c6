import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { SqliteDirectLineStore, StorageDirectLineStore, type DirectLineStore, type SavedConversation, type StreamEntry } from '../../src/server/DirectLineStore';
import { Azurite } from '../support/Azurite';

const IDLE_MS = 60_000;

function entry(seq: number, text: string): StreamEntry {
  return { seq, activity: { id: `conv|${String(seq).padStart(7, '0')}`, type: 'message', text } };
}

function conversation(entries: StreamEntry[], lastActive: number): SavedConversation {
  return { userId: 'user_a', started: true, seq: entries.at(-1)?.seq ?? 0, active: true, lastActive, entries, sent: { 'client-1': { id: 'conv|0000001', done: true } } };
}

/** What every store must do, run against each kind. */
function behaves(name: string, make: (now: () => number) => Promise<DirectLineStore>): void {
  describe(`DirectLineStore: ${name}`, function () {
    this.timeout(30_000);
    let clock = 1_000_000_000;
    const now = () => clock;
    let store: DirectLineStore;
    beforeEach(async () => {
      clock = 1_000_000_000;
      store = await make(now);
    });
    afterEach(() => store.close());

    it('gives back what was saved: the stream, its numbering, and the clientActivityIDs taken', async () => {
      const first = [entry(1, 'hello'), entry(2, 'answer')];
      await store.save('conv-a', conversation(first, clock), first);
      const more = [entry(3, 'again')];
      await store.save('conv-a', conversation([...first, ...more], clock), more);
      const back = await store.load('conv-a');
      expect(back?.entries.map((e) => e.activity.text)).to.deep.equal(['hello', 'answer', 'again']);
      expect(back?.seq).to.equal(3);
      expect(back?.sent).to.deep.equal({ 'client-1': { id: 'conv|0000001', done: true } });
      expect(await store.load('conv-unknown')).to.equal(undefined);
    });

    it('keeps only what memory keeps (older activities dropped there go here too)', async () => {
      const all = [entry(1, 'a'), entry(2, 'b'), entry(3, 'c')];
      await store.save('conv-b', conversation(all, clock), all);
      const kept = [entry(3, 'c'), entry(4, 'd')];
      await store.save('conv-b', conversation(kept, clock), [entry(4, 'd')]);
      expect((await store.load('conv-b'))?.entries.map((e) => e.activity.text)).to.deep.equal(['c', 'd']);
    });

    it('deletes a conversation not used for the idle time, and on request', async () => {
      const e = [entry(1, 'a')];
      await store.save('conv-c', conversation(e, clock), e);
      await store.save('conv-d', conversation(e, clock), e);
      clock += IDLE_MS + 1;
      await store.purgeIdle();
      expect(await store.load('conv-c'), 'idle: gone').to.equal(undefined);
      await store.delete('conv-d');
      expect(await store.load('conv-d')).to.equal(undefined);
    });
  });
}

behaves('SQLite', async (now) => new SqliteDirectLineStore(':memory:', IDLE_MS, now));
behaves('botbuilder MemoryStorage', async (now) => new StorageDirectLineStore(new MemoryStorage(), IDLE_MS, now));

describe('DirectLineStore: Azure Blob Storage (azurite emulator)', function () {
  this.timeout(60_000);
  const blob = Azurite.forBlock('blob');
  behaves('BlobsStorage', async (now) => new StorageDirectLineStore(new BlobsStorage(blob.connectionString, 'directline-test'), IDLE_MS, now));
});
