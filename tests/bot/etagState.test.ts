import { expect } from 'chai';
import { MemoryStorage, TestAdapter, TurnContext, type Activity, type Storage, type StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobStateStorage, StateConflictError, isStateConflict } from '../../src/bot/BlobStateStorage';
import { EtagConversationState, EtagUserState } from '../../src/bot/EtagState';
import { CONFLICT_REPLY, ConsistentTurns } from '../../src/bot/ConsistentTurns';
import { Azurite } from '../support/Azurite';
import { StorageUsageStore } from '../../src/bot/StorageUsageStore';
import { TopicUsage } from '../../src/matching/TopicUsage';

describe('BlobStateStorage: strict eTags on Azure Blob Storage (azurite emulator)', function () {
  this.timeout(60_000);
  let blob: Azurite;
  before(async () => {
    blob = await Azurite.start('blob');
  });
  after(() => blob?.stop());

  it('creates an item only if nobody created it meanwhile, and writes it back only with the eTag it was read with', async () => {
    const one = new BlobStateStorage(blob.connectionString, 'strict');
    const two = new BlobStateStorage(blob.connectionString, 'strict');
    const created = { n: 1 } as Record<string, unknown>;
    await one.write({ 'webchat/conversations/c1/': created });
    expect(created.eTag, 'the new eTag is set on the written item').to.be.a('string');
    // The other instance also thought it was new: refused, not overwritten.
    const err = await two.write({ 'webchat/conversations/c1/': { n: 99 } }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(StateConflictError);
    expect(isStateConflict(err)).to.equal(true);

    const readByOne = (await one.read(['webchat/conversations/c1/']))['webchat/conversations/c1/'];
    const readByTwo = (await two.read(['webchat/conversations/c1/']))['webchat/conversations/c1/'];
    expect(readByOne).to.deep.include({ n: 1 });
    await two.write({ 'webchat/conversations/c1/': { ...readByTwo, n: 2 } });
    // One's copy is now stale.
    const stale = await one.write({ 'webchat/conversations/c1/': { ...readByOne, n: 3 } }).catch((e: unknown) => e);
    expect(stale).to.be.instanceOf(StateConflictError);
    expect((await one.read(['webchat/conversations/c1/']))['webchat/conversations/c1/']).to.deep.include({ n: 2 });
    // "*" writes whatever is there (the usage counters).
    await one.write({ 'webchat/conversations/c1/': { n: 4, eTag: '*' } });
    expect((await two.read(['webchat/conversations/c1/']))['webchat/conversations/c1/']).to.deep.include({ n: 4 });
    await one.delete(['webchat/conversations/c1/', 'never-written']);
    expect(await two.read(['webchat/conversations/c1/'])).to.deep.equal({});
  });

  it('names blobs as botbuilder-azure-blobs does: state written by BlobsStorage reads here, and back', async () => {
    const theirs = new BlobsStorage(blob.connectionString, 'compatible');
    const ours = new BlobStateStorage(blob.connectionString, 'compatible');
    const key = 'msteams/conversations/a:1 b/c?d/';
    await theirs.write({ [key]: { from: 'BlobsStorage' } });
    const read = await ours.read([key]);
    expect(read[key]).to.deep.include({ from: 'BlobsStorage' });
    await ours.write({ [key]: { ...read[key], from: 'BlobStateStorage' } });
    expect((await theirs.read([key]))[key]).to.deep.include({ from: 'BlobStateStorage' });
  });
});

/** A storage where "another instance" writes each key once, just before this one's write. */
class RacedStorage implements Storage {
  raced = 0;
  constructor(
    readonly inner: Storage,
    private readonly race: (key: string, current: Record<string, unknown> | undefined) => Record<string, unknown> | undefined,
    private readonly times = 1,
  ) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    for (const key of Object.keys(changes)) {
      if (this.raced >= this.times) break;
      const current = (await this.inner.read([key]))[key] as Record<string, unknown> | undefined;
      const theirs = this.race(key, current);
      if (theirs) {
        this.raced += 1;
        await this.inner.write({ [key]: { ...theirs, eTag: '*' } });
      }
    }
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

function turnContext(text: string, conversation = 'c1', user = 'u1'): { context: TurnContext; sent: Array<Partial<Activity>> } {
  const sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter(async () => undefined);
  const context = new TurnContext(adapter, {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: conversation } as Activity['conversation'],
    from: { id: user, name: 'U' },
    recipient: { id: 'bot', name: 'B' },
    serviceUrl: 'http://localhost',
  } as Activity);
  // What really left: the adapter's own queue (a handler registered here would also see the held, dropped sends).
  const original = adapter.sendActivities.bind(adapter);
  adapter.sendActivities = async (ctx, activities) => {
    sent.push(...activities);
    return original(ctx, activities);
  };
  return { context, sent };
}

describe('ConsistentTurns with eTag states: a turn another writer overtook is redone, never lost', () => {
  it('redoes the turn on the fresh state and sends only the redone turn\'s replies', async () => {
    const memory = new MemoryStorage();
    // Another instance appends "theirs" to the list between our read and our write.
    const raced = new RacedStorage(memory, (key, current) => (key.includes('/conversations/') && current ? { ...current, said: [...((current.said as string[]) ?? []), 'theirs'] } : undefined));
    const conversationState = new EtagConversationState(raced);
    const userState = new EtagUserState(raced);
    const said = conversationState.createProperty<string[]>('said');
    const turns = new ConsistentTurns({ conversationState, userState });
    const logic = async (context: TurnContext): Promise<void> => {
      const list = await said.get(context, []);
      list.push(context.activity.text);
      await said.set(context, list);
      await context.sendActivity(`I have ${list.join(', ')}`);
    };

    const first = turnContext('one');
    raced.raced = 1; // no race on the first (creating) turn
    await turns.run(first.context, logic);
    expect(first.sent.map((a) => a.text)).to.deep.equal(['I have one']);

    raced.raced = 0;
    const second = turnContext('two');
    await turns.run(second.context, logic);
    // The first attempt's "I have one, two" was held back and dropped; the redo saw "theirs".
    expect(second.sent.map((a) => a.text)).to.deep.equal(['I have one, theirs, two']);
    const stored = await memory.read(['test/conversations/c1/']);
    expect(stored['test/conversations/c1/']).to.deep.include({ said: ['one', 'theirs', 'two'] });
  });

  it('after the last attempt says plainly to send it again, and nothing else', async () => {
    const memory = new MemoryStorage();
    const always = new RacedStorage(memory, (key, current) => (current ? { ...current, bump: Math.random() } : undefined), Infinity);
    const conversationState = new EtagConversationState(always);
    const turns = new ConsistentTurns({ conversationState, userState: new EtagUserState(always), attempts: 3 });
    const counter = conversationState.createProperty<number>('n');
    const logic = async (context: TurnContext): Promise<void> => {
      await counter.set(context, (await counter.get(context, 0)) + 1);
      await context.sendActivity('counted');
    };
    await turns.run(turnContext('create').context, logic);
    const attempts: number[] = [];
    const turnsWatched = new ConsistentTurns({ conversationState, userState: new EtagUserState(always), attempts: 3, onConflict: (n) => attempts.push(n) });
    const { context, sent } = turnContext('again');
    await turnsWatched.run(context, logic);
    expect(attempts).to.deep.equal([1, 2, 3]);
    expect(sent.map((a) => a.text)).to.deep.equal([CONFLICT_REPLY]);
  });

  it('user state: this turn\'s change is merged over another conversation\'s change to the same user', async () => {
    const memory = new MemoryStorage();
    const raced = new RacedStorage(memory, (key, current) => (key.includes('/users/') && current ? { ...current, other: 'from another conversation' } : undefined));
    const conversationState = new EtagConversationState(raced);
    const userState = new EtagUserState(raced);
    const profile = userState.createProperty<{ area?: string }>('profile');
    const turns = new ConsistentTurns({ conversationState, userState });
    raced.raced = 1;
    await turns.run(turnContext('hi', 'c1').context, async (context) => {
      await profile.set(context, { area: 'Trafford' });
    });
    raced.raced = 0;
    await turns.run(turnContext('moved', 'c2').context, async (context) => {
      await profile.set(context, { area: 'Lancashire' });
    });
    expect((await memory.read(['test/users/u1/']))['test/users/u1/']).to.deep.include({ profile: { area: 'Lancashire' }, other: 'from another conversation' });
  });

  it('a turn that fails for another reason sends what it had said and throws as before', async () => {
    const conversationState = new EtagConversationState(new MemoryStorage());
    const turns = new ConsistentTurns({ conversationState, userState: new EtagUserState(new MemoryStorage()) });
    const { context, sent } = turnContext('boom');
    const err = await turns
      .run(context, async (c) => {
        await c.sendActivity('before');
        throw new Error('broken');
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).to.equal('broken');
    expect(sent.map((a) => a.text)).to.deep.equal(['before']);
  });
});

describe('StorageUsageStore: instances sharing the usage counts add to them, never overwrite them', () => {
  it('two instances counting at once leave the sum of both in storage', async () => {
    const memory = new MemoryStorage();
    const seed = new StorageUsageStore(memory);
    await seed.save({ senco: 2 });
    const a = new TopicUsage(new StorageUsageStore(memory), ['senco', 'ehcp']);
    const b = new TopicUsage(new StorageUsageStore(memory), ['senco', 'ehcp']);
    await Promise.all([a.record('senco'), b.record('senco'), a.record('ehcp'), b.record('ehcp'), b.record('ehcp')]);
    await a.record('senco');
    expect(await new StorageUsageStore(memory).load()).to.deep.equal({ senco: 5, ehcp: 3 });
  });

  it('on blob storage too, where a new item is created only once (azurite)', async function () {
    this.timeout(60_000);
    const blob = await Azurite.start('blob');
    try {
      const storages = [new BlobStateStorage(blob.connectionString, 'usage'), new BlobStateStorage(blob.connectionString, 'usage')];
      const usages = storages.map((s) => new TopicUsage(new StorageUsageStore(s), ['senco']));
      await Promise.all(Array.from({ length: 10 }, (_, i) => usages[i % 2].record('senco')));
      expect(await new StorageUsageStore(storages[0]).load()).to.deep.equal({ senco: 10 });
    } finally {
      await blob.stop();
    }
  });
});
