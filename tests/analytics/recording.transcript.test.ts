import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import type { TurnRecord } from '../../src/analytics/TurnRecord';
import { createTestApp, Transcript } from '../support/Transcript';

/** The real bot and knowledge base, recording into a store the test reads. */
async function appRecording(env: Record<string, string> = {}): Promise<{ app: AppServer; store: SqliteAnalyticsStore }> {
  const store = new SqliteAnalyticsStore(':memory:');
  const app = await createTestApp({ DEPLOYMENT_CONFIG: 'none', ...env }, { analytics: store });
  return { app, store };
}

const last = async (store: SqliteAnalyticsStore): Promise<TurnRecord> => {
  const all = await store.list();
  return all[all.length - 1];
};

describe('Recording turns for the officers (no message text unless LOG_QUESTIONS)', function () {
  this.timeout(30_000);

  describe('by default (LOG_QUESTIONS unset)', () => {
    let app: AppServer;
    let store: SqliteAnalyticsStore;
    before(async () => ({ app, store } = await appRecording()));
    after(async () => {
      await app.close();
      await store.close();
    });
    beforeEach(async () => void (await store.purgeOlderThan(new Date(Date.now() + 60_000))));

    it('an answer: time, channel, outcome, answer id, confidence; no question text; "No" on "Was this helpful?" lands on that turn', async () => {
      await new Transcript(app, 'webchat').userSays('what is sen support').botReplies(/What is SEN support/).run();
      const r = await last(store);
      expect(r).to.include({ channel: 'webchat', outcome: 'answer', answerId: 'what-is-sen-support' });
      expect(r.confidence).to.be.a('number').within(0.32, 1);
      expect(Date.now() - Date.parse(r.at)).to.be.within(0, 30_000);
      expect(r).to.not.have.property('question');
      expect(JSON.stringify(await store.list())).to.not.include('sen support');

      await new Transcript(app, 'webchat').userSays('what is sen support').botReplies(/What is SEN support/).userPresses('No').botReplies(/sorry that didn't help/).run();
      const rows = await store.list();
      expect(rows.map((x) => x.helpful)).to.deep.equal([undefined, false]);
    });

    it('"Yes" on "Was this helpful?" is thanked and recorded as helpful', async () => {
      await new Transcript(app, 'webchat').userSays('what is the local offer').botReplies(/Local Offer/i).userPresses('Yes').botReplies('Thank you for letting me know.').run();
      expect(await last(store)).to.include({ answerId: 'local-offer', helpful: true });
    });

    it('"Did you mean": the candidates offered, then which one the person picked', async () => {
      await new Transcript(app, 'webchat').userSays('review').botReplies(/Did you mean/).run();
      const clarify = await last(store);
      expect(clarify.outcome).to.equal('clarify');
      const offered = clarify.candidates as string[];
      expect(offered.length).to.be.within(2, 3);
      const secondTitle = app.services.kb.get(offered[1])?.title as string;
      await store.purgeOlderThan(new Date(Date.now() + 60_000));
      await new Transcript(app, 'webchat').userSays('review').botReplies(/Did you mean/).userPresses(secondTitle).botReplies(secondTitle).run();
      const [asked, shown] = await store.list();
      expect(asked).to.include({ outcome: 'clarify', picked: offered[1] });
      expect(shown).to.include({ outcome: 'answer', answerId: offered[1] });
    });

    it('"None of these" is recorded as the pick, and the hand-off that follows with its area', async () => {
      await new Transcript(app, 'webchat')
        .userSays('review')
        .botReplies(/Did you mean/)
        .userPresses('None of these')
        .botRepliesWith(/Which council area/)
        .userSays('Trafford')
        .botRepliesWith(/Trafford/)
        .run();
      const rows = await store.list();
      expect(rows[0]).to.include({ outcome: 'clarify', picked: 'none' });
      expect(rows[rows.length - 1]).to.include({ outcome: 'hand-off', area: 'Trafford' });
    });

    it('an abstention: outcome none and its confidence, no text', async () => {
      await new Transcript(app, 'webchat').userSays('who won the football last night').botRepliesWith(/don't have a checked answer/).run();
      const r = await last(store);
      expect(r.outcome).to.equal('none');
      expect(r).to.not.have.property('question');
      expect(r).to.not.have.property('answerId');
    });
  });

  describe('with LOG_QUESTIONS=true', () => {
    let app: AppServer;
    let store: SqliteAnalyticsStore;
    before(async () => ({ app, store } = await appRecording({ LOG_QUESTIONS: 'true' })));
    after(async () => {
      await app.close();
      await store.close();
    });
    beforeEach(async () => void (await store.purgeOlderThan(new Date(Date.now() + 60_000))));

    it('keeps the question, with names, phone numbers and emails taken out', async () => {
      await new Transcript(app, 'webchat')
        .userSays("hi I'm Sarah Thompson, ring 07700 900123 or sarah@example.com. who won the football last night")
        .botRepliesWith(/don't have a checked answer/)
        .run();
      const r = await last(store);
      expect(r.outcome).to.equal('none');
      expect(r.question).to.equal("hi I'm [name], ring [phone] or [email]. who won the football last night");
    });

    it('records nothing of an urgent message but the time, the channel and "urgent", even mid-dialog', async () => {
      await new Transcript(app, 'webchat').userSays('my son says he wants to kill himself').botReplies(/999/).run();
      await new Transcript(app, 'webchat').userSays('talk to someone').botRepliesWith(/Which council area/).userSays('I took an overdose an hour ago').botRepliesWith(/999/).run();
      const rows = await store.list();
      const urgent = rows.filter((x) => x.outcome === 'urgent');
      expect(urgent).to.have.length(2);
      for (const u of urgent) expect(Object.keys(u).sort()).to.deep.equal(['at', 'channel', 'id', 'outcome']);
      expect(JSON.stringify(rows)).to.not.match(/kill|overdose/);
    });
  });
});
