import restify from 'restify';
import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { BlobStateStorage } from '../../src/bot/BlobStateStorage';
import { mountDirectLine } from '../../src/server/DirectLineEndpoint';
import { StorageDirectLineStore } from '../../src/server/DirectLineStore';
import { DirectLineTokens } from '../../src/server/DirectLineTokens';
import { Azurite } from '../support/Azurite';
import { createTestApp } from '../support/Transcript';
import { botMessages, DirectLineClient, streamedText } from '../support/DirectLineClient';

const HOUR = 3_600_000;

/**
 * Two local Direct Line endpoints in this process sharing one blob container (azurite), as two
 * instances do, one bot behind both: what a conversation idle on one instance, or idle in the
 * store, does to the other.
 */
describe('The local Direct Line endpoint on a shared store: idle conversations (azurite)', function () {
  this.timeout(60_000);
  const blob = Azurite.forBlock('blob');
  let app: AppServer;
  const servers: restify.Server[] = [];
  const tokens = new DirectLineTokens();
  /** How far the stores' clock is ahead: moved on to make a stored copy idle. */
  let storeAhead = 0;

  before(async () => {
    app = await createTestApp({ DEPLOYMENT_CONFIG: 'none' });
  });
  after(async () => {
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await app.close();
  });

  /** An endpoint on the shared container; `memoryIdleMs` is how soon its memory drops a conversation. */
  async function instance(container: string, memoryIdleMs = HOUR): Promise<string> {
    const server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
    const store = new StorageDirectLineStore(new BlobStateStorage(blob.connectionString, container), HOUR, () => Date.now() + storeAhead, true);
    mountDirectLine(server, { adapter: app.adapter, bot: app.bot, tokens, store, limits: { idleMs: memoryIdleMs } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  it('a conversation idle in one instance\'s memory is not deleted from the store while another instance goes on with it', async () => {
    const a = await instance('idle-in-memory', 300);
    const b = await instance('idle-in-memory');
    const onA = new DirectLineClient(a);
    await onA.start();
    await onA.pollUntil(/automated helper/);
    const onB = onA.at(b);
    expect((await onB.say('what is sen support')).status).to.equal(200);
    expect(botMessages(await onB.poll()).map(streamedText).join('\n')).to.match(/What is SEN support\?/);

    // A has not served it for longer than its memory keeps one: it lets go of it…
    await new Promise((resolve) => setTimeout(resolve, 400));
    const history = await onA.poll(null);
    // …but the stored copy is in use (B saved a turn just now), so it is all still there.
    expect(botMessages(history).map(streamedText).join('\n')).to.match(/automated helper[\s\S]*What is SEN support\?/);
    expect((await onB.poll(null)).map((x) => x.id)).to.deep.equal(history.map((x) => x.id));
  });

  it('a conversation the store deleted as idle, still in an instance\'s memory, carries on there afresh: the next message is answered and saved', async () => {
    const a = await instance('idle-in-store');
    const b = await instance('idle-in-store');
    const onA = new DirectLineClient(a);
    await onA.start();
    await onA.pollUntil(/automated helper/);
    expect((await onA.say('what is sen support')).status).to.equal(200);
    await onA.poll();
    const onB = onA.at(b);
    await onB.poll(null);

    // Nobody has sent a message for longer than the idle time: the store deletes it when read.
    storeAhead = 2 * HOUR;
    expect(await onB.poll(), 'the page polling B sees nothing new').to.deep.equal([]);
    storeAhead = 0;
    // A still holds it in memory, with the version the store no longer has: its next message
    // starts the stream afresh (saved, not refused as a conflict five times).
    const sent = await onA.say('what does a senco do');
    expect(sent.status).to.equal(200);
    const after = await onA.poll();
    expect(botMessages(after).map(streamedText).join('\n')).to.match(/Who is the SENCO and what do they do\?/);
    // Once each: the message and the answer (replying to it); "typing" at most once (it is kept
    // in memory only, so a poll answered from the shared store's copy has none).
    expect(after.filter((x) => x.from.role === 'user').map(streamedText)).to.deep.equal(['what does a senco do']);
    expect(after.filter((x) => x.type === 'typing')).to.have.length.at.most(1);
    expect(botMessages(after).filter((x) => /Who is the SENCO/.test(streamedText(x)))).to.have.length(1);
    // And B, polling from its own watermark, reads what A saved.
    expect((await onB.poll()).map((x) => x.id)).to.deep.equal(after.map((x) => x.id));
  });
});
