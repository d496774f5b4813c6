import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { listeningTestApp } from '../support/listeningApp';
import { activityText, submitActions } from '../support/activityText';

describe('HTTP: POST /api/messages with expectReplies (real listening server, no credentials)', () => {
  const server = listeningTestApp();

  let n = 0;
  function activity(extra: Partial<Activity>, conversation = 'http-conv-1'): Partial<Activity> {
    return {
      type: 'message',
      id: `a${++n}`,
      channelId: 'webchat',
      serviceUrl: 'http://localhost:1',
      deliveryMode: 'expectReplies',
      from: { id: 'http-user', name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
      conversation: { id: conversation } as Activity['conversation'],
      ...extra,
    };
  }

  async function post(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  async function replies(body: Partial<Activity>): Promise<Array<Partial<Activity>>> {
    const r = await post(body);
    expect(r.status).to.equal(200);
    return ((r.json.activities ?? []) as Array<Partial<Activity>>).filter((a) => a.type === 'message');
  }

  it('welcomes a person who joins', async () => {
    const got = await replies(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'http-user', name: 'User' }] }, 'http-welcome'));
    expect(got.map(activityText).join('\n')).to.match(/automated helper, not a person/);
  });

  it('answers a question', async () => {
    const got = await replies(activity({ text: 'what does the local offer have on it' }, 'http-answer'));
    expect(activityText(got[0])).to.match(/Local Offer/);
    expect(activityText(got[0])).to.match(/Source: /);
  });

  it('asks "Did you mean" when two answers are close, with "None of these"', async () => {
    const got = await replies(activity({ text: 'review' }, 'http-clarify'));
    const text = got.map(activityText).join('\n');
    expect(text).to.match(/Did you mean/);
    expect(text).to.include('[None of these]');
  });

  it('abstains plainly on what it does not know', async () => {
    const got = await replies(activity({ text: 'what time does the post office shut on sunday' }, 'http-none'));
    expect(activityText(got[0])).to.match(/don't have a checked answer/);
  });

  it('puts urgent help first', async () => {
    const got = await replies(activity({ text: "i don't want to be alive anymore" }, 'http-urgent'));
    expect(activityText(got[0])).to.match(/999/);
    expect(activityText(got[0])).to.match(/Samaritans/);
  });

  it('handles a card button press as an action', async () => {
    const first = await replies(activity({ text: 'what is the local offer' }, 'http-button'));
    const followUp = submitActions(first[0]).find((a) => a.data.action === 'showAnswer');
    expect(followUp, 'the answer card has a follow-up button').to.not.equal(undefined);
    const got = await replies(activity({ value: followUp?.data }, 'http-button'));
    expect(activityText(got[0])).to.include((followUp as { title: string }).title);
  });

  for (const [what, body] of [
    ['a body that is not JSON', '{not json'],
    ['an activity with no type', { channelId: 'webchat', conversation: { id: 'x' }, from: { id: 'u' }, deliveryMode: 'expectReplies' }],
    ['an activity with no conversation', { type: 'message', channelId: 'webchat', from: { id: 'u' }, deliveryMode: 'expectReplies' }],
    ['an activity with no from', { type: 'message', channelId: 'webchat', conversation: { id: 'x' }, deliveryMode: 'expectReplies' }],
    ['a JSON array', []],
    ['text that is not a string', { type: 'message', text: 42, channelId: 'webchat', conversation: { id: 'x' }, from: { id: 'u' }, deliveryMode: 'expectReplies' }],
    ['no serviceUrl and no expectReplies', { type: 'message', text: 'hi', channelId: 'webchat', conversation: { id: 'x' }, from: { id: 'u' } }],
  ] as const) {
    it(`answers 400 with a message, not a crash, for ${what}`, async () => {
      const r = await post(body);
      expect(r.status).to.equal(400);
      expect(JSON.stringify(r.json)).to.not.match(/\.ts:\d+|\.js:\d+|at Object\./);
    });
  }

  it('still answers after bad requests', async () => {
    const got = await replies(activity({ text: 'what is the local offer' }, 'http-after'));
    expect(activityText(got[0])).to.match(/Local Offer/);
  });
});
