import { expect } from 'chai';
import { LoopbackHttpServer } from '../support/LoopbackHttpServer';
import { MemoryStorage, TestAdapter, type Activity, type Storage, type TurnContext } from 'botbuilder';
import { TypingIndicator } from '../../src/bot/TypingIndicator';
import { createTestApp } from '../support/Transcript';
import type { AppServer } from '../../src/server/createServer';

/** Waits until `check` holds, or fails after `ms` (never reads state right after an action). */
async function waitFor(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TestAdapter with the middleware, whose turn runs `logic`; `sent` is everything the bot sent, in order. */
function adapterWith(indicator: TypingIndicator, logic: (context: TurnContext, sent: Array<Partial<Activity>>) => Promise<void>) {
  const sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter((context) => logic(context, sent));
  adapter.use(indicator);
  // What reaches the adapter, in the order it does.
  const original = adapter.sendActivities.bind(adapter);
  adapter.sendActivities = async (context, activities) => {
    sent.push(...activities);
    return original(context, activities);
  };
  return { adapter, sent };
}

const types = (sent: Array<Partial<Activity>>) => sent.map((a) => a.type);

describe('TypingIndicator: "typing" while the bot works (adapter middleware)', () => {
  it('sends "typing" before a slow reply, and none after it', async () => {
    const { adapter, sent } = adapterWith(new TypingIndicator({ delayMs: 50, periodMs: 200 }), async (context, seen) => {
      // The bot is slow: it replies only once a "typing" has gone out (or gives up after 15 s).
      await waitFor(() => seen.some((a) => a.type === 'typing'), 'a typing activity during the turn').catch(() => undefined);
      await context.sendActivity('the answer');
      // The turn goes on after the reply (saving state, say): no "typing" may follow the answer.
      await pause(600);
    });
    await adapter.send('a slow question').startTest();
    await pause(500);
    const order = types(sent);
    expect(order[0]).to.equal('typing');
    expect(order.indexOf('message'), 'the reply comes after the typing').to.be.greaterThan(0);
    expect(order.slice(order.indexOf('message') + 1), 'nothing after the reply').to.deep.equal([]);
    const typing = sent[0];
    expect(typing.conversation?.id).to.equal(adapter.conversation.conversation.id);
    expect(typing.recipient?.id, 'to the user').to.equal(adapter.conversation.user?.id);
  });

  it('keeps sending "typing" while a long turn goes on', async () => {
    const { adapter, sent } = adapterWith(new TypingIndicator({ delayMs: 20, periodMs: 50 }), async (context, seen) => {
      await waitFor(() => seen.filter((a) => a.type === 'typing').length >= 3, 'three typing activities');
      await context.sendActivity('the answer');
    });
    await adapter.send('a long question').startTest();
    const order = types(sent);
    expect(order.filter((t) => t === 'typing').length).to.be.at.least(3);
    expect(order[order.length - 1]).to.equal('message');
  });

  it('sends none for an instant reply (the first waits for the delay)', async () => {
    const { adapter, sent } = adapterWith(new TypingIndicator({ delayMs: 300, periodMs: 1000 }), async (context) => {
      await context.sendActivity('the answer');
    });
    await adapter.send('a quick question').startTest();
    // Longer than the delay: a timer left running would have sent one by now.
    await pause(700);
    expect(types(sent)).to.deep.equal(['message']);
  });

  it('sends none for a turn that ends without a reply, nor for activities that are not messages', async () => {
    const { adapter, sent } = adapterWith(new TypingIndicator({ delayMs: 0, periodMs: 1000 }), async () => undefined);
    await adapter.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'User' }] }).startTest();
    await pause(200);
    expect(types(sent)).to.deep.equal([]);
  });

  it('sends none with deliveryMode expectReplies (the local Direct Line endpoint shows its own)', async () => {
    let buffered: Array<Partial<Activity>> = [];
    const { adapter, sent } = adapterWith(new TypingIndicator({ delayMs: 0, periodMs: 20 }), async (context) => {
      await pause(200);
      await context.sendActivity('the answer');
      buffered = context.bufferedReplyActivities;
    });
    await adapter.send({ type: 'message', text: 'a slow question', deliveryMode: 'expectReplies' }).startTest();
    // The reply is held for the turn's answer; a "typing" would have gone to the adapter.
    expect(types(buffered)).to.deep.equal(['message']);
    expect(types(sent)).to.deep.equal([]);
  });

  it('a "typing" that cannot be sent does not fail the turn', async () => {
    const errors: Error[] = [];
    const { adapter, sent } = adapterWith(new TypingIndicator({ delayMs: 0, periodMs: 1000, onError: (e) => errors.push(e) }), async (context) => {
      await waitFor(() => errors.length > 0, 'the failed typing');
      await context.sendActivity('the answer');
    });
    const original = adapter.sendActivities.bind(adapter);
    adapter.sendActivities = async (context, activities) => {
      if (activities.some((a) => a.type === 'typing')) throw new Error('connector down');
      return original(context, activities);
    };
    await adapter.send('hello').startTest();
    expect(errors.map((e) => e.message)).to.deep.equal(['connector down']);
    expect(types(sent)).to.deep.equal(['message']);
  });
});

/** A stand-in for the Bot Connector (what Azure's Direct Line gives as serviceUrl): records what the bot posts. */
class FakeConnector extends LoopbackHttpServer {
  readonly posted: Array<Record<string, unknown>> = [];

  constructor() {
    super((_req, data, res) => {
      if (data) this.posted.push(JSON.parse(data) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${this.posted.length}` }));
    });
  }
}

describe('The server sends "typing" through the Bot Connector while a turn runs (as on Azure\'s Direct Line)', () => {
  const connector = new FakeConnector();
  let app: AppServer;
  let base: string;
  let slow = false;
  const memory = new MemoryStorage();
  // The bot's state is read slowly while `slow` is set: until the connector has had a "typing".
  const storage: Storage = {
    read: async (keys) => {
      if (slow) await waitFor(() => connector.posted.some((a) => a.type === 'typing'), 'a typing activity at the connector').catch(() => undefined);
      return memory.read(keys);
    },
    write: (changes) => memory.write(changes),
    delete: (keys) => memory.delete(keys),
  };

  before(async () => {
    await connector.start();
    app = await createTestApp({}, { storage });
    base = await app.listen(0);
  });
  after(async () => {
    await app?.close();
    await connector.stop();
  });

  async function post(text: string, conversation: string): Promise<number> {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `m-${conversation}`,
        text,
        channelId: 'webchat',
        serviceUrl: connector.url,
        from: { id: 'dl_user', name: 'User' },
        recipient: { id: 'bot', name: 'Bot' },
        conversation: { id: conversation },
      }),
    });
    return res.status;
  }

  it('a slow turn: "typing" reaches the connector before the answer, and nothing after it', async () => {
    connector.posted.length = 0;
    slow = true;
    try {
      expect(await post('what is the local offer', 'typing-slow')).to.equal(200);
    } finally {
      slow = false;
    }
    await waitFor(() => connector.posted.some((a) => a.type === 'message'), 'the answer at the connector');
    await pause(2500);
    const order = connector.posted.map((a) => a.type);
    expect(order[0]).to.equal('typing');
    expect(order.lastIndexOf('typing'), 'no typing after the answer').to.be.lessThan(order.indexOf('message'));
    expect((connector.posted[0].conversation as { id: string }).id).to.equal('typing-slow');
  });

  it('a quick turn: never a "typing" after the reply (none at all is shown with the TestAdapter above)', async () => {
    connector.posted.length = 0;
    // "help" needs no matching: the menu comes at once.
    expect(await post('help', 'typing-fast')).to.equal(200);
    await waitFor(() => connector.posted.some((a) => a.type === 'message'), 'the reply at the connector');
    await pause(700);
    // Whether it took longer than the 500 ms delay depends on the machine's load: a typing before the reply is right then.
    const order = connector.posted.map((a) => a.type);
    expect(order.lastIndexOf('typing')).to.be.lessThan(order.indexOf('message'));
  });
});
