import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, Transcript } from '../support/Transcript';
import { adaptiveCard } from '../support/activityText';
import type { AppServer } from '../../src/server/createServer';
import { SAFETY_LINE } from '../../src/safety/SafetyAssessment';

/** The safety routes as transcripts through the real bot and knowledge base, on Web Chat and Teams. */
describe('Conversation: urgent help, support contacts and the safety net (real bot)', function () {
  this.timeout(120_000);
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  const urgentCard = (title: RegExp) => (r: Parameters<Parameters<Transcript['then']>[0]>[0] & object, text: string) => {
    expect(adaptiveCard(r), 'the urgent card').to.not.equal(undefined);
    expect(r.text ?? '', 'no text beside the card').to.equal('');
    expect(text).to.match(title);
    expect(text).to.match(/999/);
  };
  const ehcCheckAt = (t: Transcript) => t.userSays('help me work out if we should ask for an EHCP').botReplies(/a few quick questions/).botReplies(/SEN support/).userSays('yes').botReplies(/How long/);

  for (const channel of ['webchat', 'msteams']) {
    describe(channel, () => {
      it('"Urgent help" gets the urgent card at once, from the start', () =>
        new Transcript(app, channel).userSays('Urgent help').botReplies(urgentCard(/Urgent help/)).run());

      it('"urgent" gets the urgent card at once in the middle of a guide, then the same question again', () =>
        ehcCheckAt(new Transcript(app, channel))
          .userSays('urgent')
          .botReplies(urgentCard(/Urgent help/))
          .botReplies(/How long has the support been in place/)
          .run());

      it('"Urgent help" gets the urgent card in the middle of the hand-off too', () =>
        new Transcript(app, channel)
          .userSays('talk to someone')
          .botRepliesWith(/Which council area/)
          .userSays('Urgent help')
          .botReplies(urgentCard(/Urgent help/))
          .run());

      it('an urgent message mid-guide is never taken as the answer ("tonight", "an hour ago")', () =>
        ehcCheckAt(new Transcript(app, channel))
          .userSays('he told me an hour ago he wants to die and he is going to do it tonight')
          .botReplies(urgentCard(/Urgent help/))
          .botReplies(/How long has the support been in place/)
          .run());

      it('a young person disclosing abuse mid-guide gets words written for them, 999 first', () =>
        ehcCheckAt(new Transcript(app, channel))
          .userSays('my stepdad hits me when mum goes out and he is home tonight')
          .botReplies((r, text) => {
            urgentCard(/If someone is hurting you/)(r as never, text);
            expect(text).to.match(/not your fault/);
            expect(text).to.match(/0800 1111/);
          })
          .run());

      it('an adult worried about a child gets the safeguarding route', () =>
        new Transcript(app, channel)
          .userSays('a pupil told me today that her mum\'s boyfriend hurts her and she is scared to go home')
          .botReplies((r, text) => {
            urgentCard(/Worried about a child/)(r as never, text);
            expect(text).to.match(/designated safeguarding lead/);
            expect(text).to.match(/0808 800 5000/);
            expect(text).to.match(/promise to keep it a secret/);
          })
          .run());

      it('a medical emergency gets 999, then NHS 111 for the rest', () =>
        new Transcript(app, channel)
          .userSays('my son is having a seizure and it has lasted more than five minutes')
          .botReplies((r, text) => {
            urgentCard(/A medical emergency/)(r as never, text);
            expect(text).to.match(/111/);
          })
          .run());

      it('support: a question about self-harm is answered, with the crisis contacts after it (no interruption)', () =>
        new Transcript(app, channel)
          .userSays('what should a school do to support a pupil who self-harms')
          .botReplies((_r, text) => expect(text).to.match(/Source: |Did you mean/))
          .botRepliesWith((_r, text) => {
            expect(text).to.match(/If you or someone else is struggling/);
            expect(text).to.match(/116 123/);
          })
          .run());

      it('the "no checked answer" reply ends with the safety line', () =>
        new Transcript(app, channel)
          .userSays('who won the football last night')
          .botReplies((_r, text) => expect(text).to.include(SAFETY_LINE))
          .run());

      it('a guide re-ask ends with the safety line', () =>
        ehcCheckAt(new Transcript(app, channel))
          .userSays('purple')
          .botReplies((_r, text) => {
            expect(text).to.match(/Sorry, I didn't catch that/);
            expect(text).to.include(SAFETY_LINE);
          })
          .run());
    });
  }

  it('an idiom is answered as a question, not interrupted', () =>
    new Transcript(app, 'webchat')
      .userSays('this ehcp waiting list is killing me, how long should it take')
      .botReplies((_r, text) => expect(text).to.not.match(/Urgent help – someone is at risk now/))
      .run());

  it('the Teams app offers "Urgent help" as a command, first, in every scope', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../teams/manifest.template.json'), 'utf8')) as {
      bots: Array<{ scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
    };
    const lists = manifest.bots[0].commandLists;
    expect(lists.flatMap((l) => l.scopes)).to.have.members(manifest.bots[0].scopes);
    for (const l of lists) expect(l.commands[0].title).to.equal('Urgent help');
  });
});
