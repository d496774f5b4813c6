import { expect } from 'chai';
import { DirectLineConversations, type DirectLineLimits } from '../../src/server/DirectLineConversations';

const limits: DirectLineLimits = { maxConversations: 3, maxActivitiesKept: 4, idleMs: 60_000, maxPendingTurns: 2 };

describe('DirectLineConversations: the local endpoint keeps bounded memory', () => {
  let clock = 1_000_000;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('gives each conversation random ids for it and its user', () => {
    const store = new DirectLineConversations(limits, now);
    const a = store.create();
    const b = store.create();
    expect(a.id).to.not.equal(b.id);
    expect(a.userId).to.match(/^user_/);
    expect(a.userId).to.not.equal(b.userId);
  });

  it('keeps at most maxConversations, dropping the least recently used', () => {
    const store = new DirectLineConversations(limits, now);
    const [a, b, c] = [store.create(), store.create(), store.create()];
    store.get(a.id); // a is now the most recently used
    const d = store.create();
    expect(store.size).to.equal(3);
    expect(store.has(b.id), 'b was least recently used').to.equal(false);
    expect(store.has(a.id) && store.has(c.id) && store.has(d.id)).to.equal(true);
  });

  it('keeps at most maxActivitiesKept activities, and watermarks go on counting', () => {
    const store = new DirectLineConversations(limits, now);
    const c = store.create();
    for (let i = 1; i <= 6; i += 1) c.append({ type: 'message', text: `m${i}` });
    const all = c.activitiesAfter(undefined);
    expect(all.activities.map((a) => a.text)).to.deep.equal(['m3', 'm4', 'm5', 'm6']);
    expect(all.watermark).to.equal('6');
    expect(c.activitiesAfter(4).activities.map((a) => a.text)).to.deep.equal(['m5', 'm6']);
    expect(c.activitiesAfter(6)).to.deep.equal({ activities: [], watermark: '6' });
    expect(all.activities[0].id).to.equal(`${c.id}|0000003`);
  });

  it('drops a conversation idle for longer than idleMs', () => {
    const store = new DirectLineConversations(limits, now);
    const c = store.create();
    clock += 59_000;
    expect(store.get(c.id)).to.equal(c);
    clock += 61_000;
    expect(store.get(c.id)).to.equal(undefined);
    expect(store.has(c.id)).to.equal(false);
  });

  it('revives a conversation numbering on from the client’s watermark, or from the clock without one', () => {
    const store = new DirectLineConversations(limits, now);
    const withMark = store.revive('conv-a', 'user_a', 12, true);
    expect(withMark.append({ type: 'message' }).id).to.equal('conv-a|0000013');
    const noMark = store.revive('conv-b', 'user_b', undefined, true);
    expect(Number(noMark.append({ type: 'message' }).id.split('|')[1])).to.equal(clock + 1);
  });

  it('runs one conversation’s turns one at a time, in order, and refuses more than maxPendingTurns', async () => {
    const store = new DirectLineConversations(limits, now);
    const c = store.create();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const first = c.enqueue(async () => {
      await gate;
      order.push('first');
    });
    const second = c.enqueue(async () => {
      order.push('second');
    });
    expect(c.enqueue(async () => undefined), 'a third waiting turn is refused').to.equal(undefined);
    release();
    await Promise.all([first, second]);
    expect(order).to.deep.equal(['first', 'second']);
    expect(c.enqueue(async () => 'again'), 'room again once they ran').to.not.equal(undefined);
  });

  it('goes on after a turn that fails', async () => {
    const store = new DirectLineConversations(limits, now);
    const c = store.create();
    const failed = c.enqueue(async () => {
      throw new Error('boom');
    });
    let caught: unknown;
    await failed?.catch((e: unknown) => (caught = e));
    expect((caught as Error).message).to.equal('boom');
    expect(await c.enqueue(async () => 'next')).to.equal('next');
  });
});
