import { expect } from 'chai';
import { DirectLineConversation, DirectLineConversations, type DirectLineLimits } from '../../src/server/DirectLineConversations';

const limits: DirectLineLimits = { maxConversations: 3, maxActivitiesKept: 4, idleMs: 60_000, maxPendingTurns: 2 };

let counter = 0;
/** A new conversation in `store`, which must have room for it. */
function make(store: DirectLineConversations): DirectLineConversation {
  counter += 1;
  const c = store.create(`conv-${counter}`, `user_${counter}`);
  if (!c) throw new Error('the store refused a new conversation');
  return c;
}

describe('DirectLineConversations: the local endpoint keeps bounded memory', () => {
  let clock = 1_000_000;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('keeps at most maxConversations, dropping the least recently used one nobody has typed in', () => {
    const store = new DirectLineConversations(limits, now);
    const [a, b, c] = [make(store), make(store), make(store)];
    store.get(a.id); // a is now the most recently used
    const d = make(store);
    expect(store.size).to.equal(3);
    expect(store.has(b.id), 'b was least recently used').to.equal(false);
    expect(store.has(a.id) && store.has(c.id) && store.has(d.id)).to.equal(true);
  });

  it('never drops a conversation in use to make room for a new one: the new one is refused', () => {
    const store = new DirectLineConversations(limits, now);
    const inUse = [make(store), make(store), make(store)];
    for (const c of inUse) c.active = true;
    expect(store.create('newcomer', 'user_new'), 'a new conversation is refused').to.equal(undefined);
    expect(inUse.every((c) => store.has(c.id)), 'every conversation in use is kept').to.equal(true);
    // One coming back from the store may take the place of the least recently used in use (the store keeps that one).
    store.get(inUse[0].id);
    const back = store.restore('back', { userId: 'user_back', started: true, seq: 3, active: true, lastActive: clock, entries: [], sent: {} });
    expect(back?.id).to.equal('back');
    expect(store.has(inUse[1].id)).to.equal(false);
    expect(store.has(inUse[0].id) && store.has(inUse[2].id)).to.equal(true);
  });

  it('drops idle conversations first when full, and says which went', () => {
    const dropped: string[] = [];
    const store = new DirectLineConversations(limits, now, (id) => dropped.push(id));
    const old = make(store);
    old.active = true;
    clock += 61_000;
    const [b, c] = [make(store), make(store)];
    b.active = true;
    c.active = true;
    expect(make(store).id).to.be.a('string');
    expect(store.has(old.id)).to.equal(false);
    expect(dropped).to.deep.equal([old.id]);
  });

  it('takes a snapshot with the entries added since the last one, and restores from it', () => {
    const store = new DirectLineConversations(limits, now);
    const c = make(store);
    c.append({ type: 'message', text: 'a' });
    c.recordSent('client-1', { id: `${c.id}|0000001`, done: true });
    const first = c.takeSnapshot(clock);
    expect(first.added.map((e) => e.activity.text)).to.deep.equal(['a']);
    c.append({ type: 'message', text: 'b' });
    const second = c.takeSnapshot(clock);
    expect(second.added.map((e) => e.activity.text)).to.deep.equal(['b']);
    const back = DirectLineConversation.fromSaved(c.id, second.saved, limits, clock);
    expect(back.activitiesAfter(1).activities.map((a) => a.text)).to.deep.equal(['b']);
    expect(back.sent('client-1')).to.deep.equal({ id: `${c.id}|0000001`, done: true });
    expect(back.append({ type: 'message' }).id).to.equal(`${c.id}|0000003`);
  });

  it('keeps at most maxActivitiesKept activities, and watermarks go on counting', () => {
    const store = new DirectLineConversations(limits, now);
    const c = make(store);
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
    const c = make(store);
    clock += 59_000;
    expect(store.get(c.id)).to.equal(c);
    clock += 61_000;
    expect(store.get(c.id)).to.equal(undefined);
    expect(store.has(c.id)).to.equal(false);
  });

  it('revives a conversation numbering on from the client’s watermark, or from the clock without one', () => {
    const store = new DirectLineConversations(limits, now);
    const withMark = store.revive('conv-a', 'user_a', 12, true) as DirectLineConversation;
    expect(withMark.append({ type: 'message' }).id).to.equal('conv-a|0000013');
    const noMark = store.revive('conv-b', 'user_b', undefined, true) as DirectLineConversation;
    expect(Number(noMark.append({ type: 'message' }).id.split('|')[1])).to.equal(clock + 1);
  });

  it('runs one conversation’s turns one at a time, in order, and refuses more than maxPendingTurns', async () => {
    const store = new DirectLineConversations(limits, now);
    const c = make(store);
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
    const c = make(store);
    const failed = c.enqueue(async () => {
      throw new Error('boom');
    });
    let caught: unknown;
    await failed?.catch((e: unknown) => (caught = e));
    expect((caught as Error).message).to.equal('boom');
    expect(await c.enqueue(async () => 'next')).to.equal('next');
  });
});
