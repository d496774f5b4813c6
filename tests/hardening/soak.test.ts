import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { createTestApp } from '../support/Transcript';
import { activityText } from '../support/activityText';
import { FIVE_TURN_GUIDE, HANDOFF, ONE_TURN_QUESTIONS, type Script } from '../support/conversationScripts';
import type { AppServer } from '../../src/server/createServer';

describe('Soak: 200 simulated conversations at once, mixing questions, a guide and a hand-off (real listening server)', function () {
  this.timeout(180_000);
  let app: AppServer;
  let base: string;
  before(async () => {
    app = await createTestApp();
    base = await app.listen(0);
  });
  after(() => app.close());

  it('no 5xx, every conversation ends where its script expects, and the server is healthy after', async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const run = async (conversation: string, script: Script) => {
      for (const [text, expected] of script) {
        const res = await fetch(`${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text, channelId: 'webchat', conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies' }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const replies = (((await res.json()) as { activities?: Array<Partial<Activity>> }).activities ?? []).filter((a) => a.type === 'message');
        const said = replies.map(activityText).join('\n');
        if (res.status !== 200 || !expected.test(said)) {
          failures.push(`${conversation} "${text}": ${res.status} ${said.slice(0, 120)}`);
          return;
        }
      }
    };
    const scripts: Script[] = [...ONE_TURN_QUESTIONS, FIVE_TURN_GUIDE, HANDOFF];
    await Promise.all(Array.from({ length: 200 }, (_, i) => run(`soak-${i}`, scripts[i % scripts.length])));
    expect([...statuses.keys()].filter((s) => s >= 500), 'no 5xx').to.deep.equal([]);
    expect(failures, failures.slice(0, 5).join('\n')).to.deep.equal([]);
    expect(statuses.get(200)).to.equal([...Array(200).keys()].reduce((n, i) => n + scripts[i % scripts.length].length, 0));
    expect((await fetch(`${base}/healthz`)).status).to.equal(200);
  });
});
