import { expect } from 'chai';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { createTestApp } from '../support/Transcript';
import type { AppServer } from '../../src/server/createServer';

/** MemoryStorage that counts what is written. */
class CountingStorage extends MemoryStorage {
  writes: string[][] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(Object.keys(changes));
    return super.write(changes);
  }
}

describe('Throughput: one state write per turn, none for state that did not change', function () {
  this.timeout(30_000);
  const storage = new CountingStorage();
  let app: AppServer;
  let base: string;
  before(async () => {
    app = await createTestApp({}, { storage });
    base = await app.listen(0);
  });
  after(() => app.close());

  const say = (conversation: string, text: string) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, channelId: 'webchat', conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies' }),
    });

  it('an answered question writes the conversation only: no empty user profile, no usage counter per turn', async () => {
    storage.writes = [];
    expect((await say('w1', 'what is sen support')).status).to.equal(200);
    expect(storage.writes).to.have.length(1);
    expect(storage.writes[0]).to.have.length(1);
    expect(storage.writes[0][0]).to.match(/conversations\/w1/);
  });

  it('a turn that changes nothing writes nothing; the usage counts are written once for many answers, on close at the latest', async () => {
    storage.writes = [];
    // A typing activity reaches the bot and changes no state.
    await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'typing', channelId: 'webchat', conversation: { id: 'w1' }, from: { id: 'u-w1' }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies' }) });
    expect(storage.writes).to.deep.equal([]);
    for (const q of ['what is an ehcp', 'what is the local offer', 'what does a senco do']) await say(`w-${q}`, q);
    expect(storage.writes.flat().filter((k) => k.startsWith('usage/'))).to.deep.equal([]);
    await app.close();
    expect(storage.writes.flat().filter((k) => k.startsWith('usage/'))).to.deep.equal(['usage/topics']);
  });
});
