import { expect } from 'chai';
import { DirectLineConversation, DirectLineConversations, type DirectLineLimits } from '../../src/server/DirectLineConversations';
import { TOKEN_TTL_SECONDS } from '../../src/server/DirectLineTokens';

const limits: DirectLineLimits = { maxConversations: 3, maxActivitiesKept: 4, idleMs: 60_000, maxPendingTurns: 2 };

describe('DirectLineConversations: a conversation its client ended ("Start again")', () => {
  it('leaves memory, and is refused for as long as a token for it can be valid, then forgotten', () => {
    let clock = 1_000_000;
    const store = new DirectLineConversations(limits, () => clock);
    const c = store.create('conv-ended', 'user_1') as DirectLineConversation;
    store.end(c.id);
    expect(store.has(c.id)).to.equal(false);
    expect(store.get(c.id)).to.equal(undefined);
    expect(store.hasEnded(c.id)).to.equal(true);
    expect(store.hasEnded('conv-other')).to.equal(false);
    clock += TOKEN_TTL_SECONDS * 1000 - 1;
    expect(store.hasEnded(c.id), 'a token issued just before the end is still valid').to.equal(true);
    clock += 2;
    expect(store.hasEnded(c.id), 'every token for it has expired').to.equal(false);
  });
});

describe('DirectLineConversation: "typing" is for the moment only', () => {
  it('is on the stream for a poll, never in what is saved, nor in the history a reloaded page reads', () => {
    const c = new DirectLineConversation('conv-t', 'user_1', limits, 0);
    c.append({ type: 'message', text: 'hello' });
    c.appendTyping({ type: 'typing' });
    expect(c.activitiesAfter(1).activities.map((a) => a.type), 'a poll during the turn').to.deep.equal(['typing']);
    const { saved, added } = c.takeSnapshot(0);
    expect(saved.entries.map((e) => e.activity.type)).to.deep.equal(['message']);
    expect(added.map((e) => e.activity.type)).to.deep.equal(['message']);
    c.append({ type: 'message', text: 'answer' });
    const history = c.activitiesAfter(undefined);
    expect(history.activities.map((a) => a.text), 'the history').to.deep.equal(['hello', 'answer']);
    expect(history.watermark, 'the numbering counts it').to.equal('3');
    expect(c.activitiesAfter(1).activities.map((a) => a.type), 'a poll that missed it gets it before the answer').to.deep.equal(['typing', 'message']);
  });
});
