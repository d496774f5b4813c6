import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';
import { adaptiveCard } from '../support/activityText';

/** The understanding issue's headline journeys, through the real bot and knowledge base. */
describe('Conversation: people as they really write (real bot, real knowledge base, sentence model)', function () {
  this.timeout(60_000);
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
    expect(app.services.answers.matching).to.equal('semantic');
  });
  after(() => app.close());

  it('"should we ask for an EHCP" after a year on SEN support: the when-to answer first, with the EHC check offered in the same reply', () =>
    new Transcript(app, 'webchat')
      .userSays('my sons been on sen support for a year and nothing is changing should we ask for an ehcp')
      .botReplies((reply, text) => {
        // Answered outright, or first among the "Did you mean" choices with the check beside them.
        const first = /^When should we ask for an EHC needs assessment\?/.test(text) || /Did you mean:\s*\[?When should we ask for an EHC needs assessment\?/.test(text);
        expect(first, text).to.equal(true);
        if (/Did you mean/.test(text)) expect(text).to.include("Check if it's time to ask for an EHC needs assessment");
      })
      .run());

  it('pressing the check offered with "Did you mean" starts it', () =>
    new Transcript(app, 'webchat')
      .userSays('my sons been on sen support for a year and nothing is changing should we ask for an ehcp')
      .botReplies(/./)
      .userPresses(/Check if it's time to ask for an EHC needs assessment|Yes, go through it/)
      .botReplies(/quick questions/)
      .run());

  it('an apology in front does not change the answer', () =>
    new Transcript(app, 'webchat')
      .userSays('sorry, what does a SENCO actually do?')
      .botReplies(/Who is the SENCO and what do they do\?/)
      .run());

  it('inside a guide, a question asked with filler is answered and the guide carries on', () =>
    new Transcript(app, 'webchat')
      .userSays('help me work out if we need a diagnosis')
      .botReplies(/two quick questions/)
      .botReplies(/said your child needs a diagnosis/)
      .userSays('sorry, quick question first - what does a SENCO actually do?')
      .botReplies(/Who is the SENCO and what do they do\?/)
      .botReplies(/carry on where we were/)
      .botReplies(/said your child needs a diagnosis/)
      .userSays('yes the school said he needs one first')
      .botReplies(/already being sought/)
      .run());

  it('inside a guide, a story told as an answer is asked again with its choices, never answered with an unrelated card', () =>
    new Transcript(app, 'webchat')
      .userSays('help me work out if we need a diagnosis')
      .botReplies(/two quick questions/)
      .botReplies(/said your child needs a diagnosis/)
      .userSays('school keep saying they cant do anything till hes seen by camhs and the waiting list is two years')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply), 'no knowledge-base card').to.equal(undefined);
        expect(text).to.match(/said your child needs a diagnosis/);
        expect(reply.suggestedActions?.actions?.length ?? 0).to.be.greaterThan(1);
      })
      .run());
});
