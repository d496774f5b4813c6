import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { ChildServer } from '../support/ChildServer';
import { activityText, submitActions } from '../support/activityText';

const KEY = 'officer-key-for-kill-nine-test-0123';

/** One message over /api/messages (expectReplies); the bot's messages' text, or an error if it was not answered. */
async function say(base: string, conversation: string, text: string): Promise<{ text: string; replies: Array<Partial<Activity>> }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, channelId: 'webchat', conversation: { id: conversation }, from: { id: `user-${conversation}` }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies' }),
    signal: AbortSignal.timeout(20_000),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  const replies = (((await res.json()) as { activities?: Array<Partial<Activity>> }).activities ?? []).filter((a) => a.type === 'message');
  return { text: replies.map(activityText).join('\n'), replies };
}

/** A whole call-back request; resolves to the reference once the bot has said it was sent. */
async function callBack(base: string, conversation: string, name: string): Promise<string> {
  const script: Array<[string, RegExp]> = [
    ['can someone call me back', /Which council area/],
    ['Trafford', /contact you\?/],
    ['yes please', /Is that OK\?/],
    ['yes', /What name/],
    [name, /phone number or an email/],
    ['07700 900123', /best time/],
    ['weekday mornings', /what would you like help with/],
  ];
  for (const [text, expected] of script) {
    const r = await say(base, conversation, text);
    if (!expected.test(r.text)) throw new Error(`unexpected reply to "${text}": ${r.text.slice(0, 200)}`);
  }
  let r = await say(base, conversation, 'help with an annual review');
  for (let i = 0; i < 4; i++) {
    const sent = /Your reference is ([0-9A-F]{8})/.exec(r.text);
    if (sent) return sent[1];
    if (/Please check your request/.test(r.text)) r = await say(base, conversation, 'send');
    else if (/looked at/.test(r.text)) r = await say(base, conversation, 'no');
    else throw new Error(`unexpected reply: ${r.text.slice(0, 200)}`);
  }
  throw new Error('the request was never sent');
}

describe('Hardening: kill -9 mid-load, then a restart: every acknowledged request and conversation is still there', function () {
  this.timeout(180_000);
  let dataDir: string;
  let server: ChildServer | undefined;
  const env = () => ({ STATE_STORE: 'sqlite', CALLBACK_STORE: 'sqlite', DATA_DIR: dataDir, DEPLOYMENT_CONFIG: 'deployment.example.json', OFFICER_API_KEY: KEY, LOG_LEVEL: 'silent', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_TOKENS_PER_ADDRESS: '0', PORT: '3978' });

  before(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-kill9-'))));
  after(async () => {
    await server?.kill9();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('SQLite state (WAL, synchronous=NORMAL) and the SQLite call-back store', async () => {
    server = await ChildServer.start(env());
    const base = server.base;
    const requested = new Map<string, string>(); // name → reference, once the bot said "sent"
    const offered = new Map<string, string[]>(); // conversation → "Did you mean" titles, once answered
    let killed = false;
    /** Anything that went wrong while the server was up (after the kill, failures are expected). */
    const failedBeforeKill: string[] = [];
    const keepGoing = async (work: (round: number) => Promise<void>) => {
      for (let round = 0; !killed; round++) {
        try {
          await work(round);
        } catch (err) {
          if (!killed) failedBeforeKill.push((err as Error).message);
        }
      }
    };

    const callers = Array.from({ length: 16 }, (_, i) => keepGoing(async (round) => {
      const name = `Caller ${i} R${round}`;
      const reference = await callBack(base, `k9-callback-${i}-${round}`, name);
      if (!killed) requested.set(name, reference);
    }));
    const askers = Array.from({ length: 16 }, (_, i) => keepGoing(async (round) => {
      const conversation = `k9-dym-${i}-${round}`;
      const r = await say(base, conversation, 'review');
      const titles = r.replies.flatMap((a) => submitActions(a).map((b) => b.title)).filter((t) => t !== 'None of these');
      if (!/Did you mean/.test(r.text) || titles.length < 2) throw new Error(`no "Did you mean": ${r.text.slice(0, 200)}`);
      if (!killed) offered.set(conversation, titles);
    }));

    // Mid-load: once several requests and conversations are acknowledged, with turns still in flight.
    const started = Date.now();
    while ((requested.size < 6 || offered.size < 6) && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 20));
    expect(requested.size, 'requests acknowledged before the kill').to.be.at.least(6);
    expect(offered.size, '"Did you mean" acknowledged before the kill').to.be.at.least(6);
    killed = true;
    const before = { requests: new Map(requested), conversations: new Map(offered) };
    await server.kill9();
    await Promise.all([...callers, ...askers]);
    expect(failedBeforeKill, 'turns that failed while the server was up').to.deep.equal([]);

    server = await ChildServer.start(env());
    const list = await fetch(`${server.base}/api/requests`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(list.status).to.equal(200);
    const stored = ((await list.json()) as { requests: Array<{ id: string; name: string }> }).requests;
    const storedNames = new Map(stored.map((r) => [r.name, r.id.replace(/-/g, '').slice(0, 8).toUpperCase()]));
    for (const [name, reference] of before.requests) {
      expect(storedNames.get(name), `the acknowledged request of ${name}`).to.equal(reference);
    }
    // Each acknowledged "Did you mean" is still waiting for its answer: "2" picks the second.
    for (const [conversation, titles] of before.conversations) {
      const r = await say(server.base, conversation, '2');
      expect(r.text, conversation).to.include(titles[1]);
    }
  });
});
