import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';
import { answerOfferingGuide } from '../support/guideOffer';
import { adaptiveCard } from '../support/activityText';

describe('Conversation: the "do we need a diagnosis?" guide (real bot, real knowledge base)', () => {
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('told a diagnosis is needed first, no assessment sought: need not diagnosis, no paying, the routes by area (webchat)', () =>
    new Transcript(app, 'webchat')
      .userSays('help me work out if we need a diagnosis')
      .botReplies(/two quick questions/)
      .botReplies(/said your child needs a diagnosis/)
      .userSays('yeh the school said he needs one first')
      .botReplies(/already being sought/)
      .userSays('not yet')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply)).to.not.equal(undefined);
        expect(text).to.match(/^Your child does not need a diagnosis to get help/);
        expect(text).to.include('does not need a diagnosis to get support from their school');
        expect(text).to.include('If you have been told to get a diagnosis first');
        expect(text).to.include('In Lancashire, targeted support can be accessed with or without a diagnosis.');
        expect(text).to.include('You should not be asked to pay for a private assessment.');
      })
      .botReplies((_r, text) => {
        expect(text).to.match(/^Routes to a diagnostic assessment/);
        expect(text).to.include('depends on where you live');
        expect(text).to.include('In Lancashire,');
        expect(text).to.include('In Buckinghamshire, referrals for an autism or ADHD assessment go through the Single Point of Access');
        expect(text).to.include('The GP must make the referral');
      })
      .botReplies((_r, text) => {
        expect(text).to.match(/^What a private diagnosis can and cannot do/);
        expect(text).to.include('usually be accepted as part of an EHC needs assessment');
        expect(text).to.include('Asking for an EHC needs assessment will not speed up an autism or ADHD diagnostic assessment.');
      })
      .botReplies(/You can ask me another question at any time/)
      .run());

  it('not told, already on the waiting list: support while waiting (msteams)', () =>
    new Transcript(app, 'msteams')
      .userSays('can you take me through whether my daughter needs a diagnosis')
      .botReplies(/two quick questions/)
      .botReplies((reply) => expect(reply.suggestedActions?.actions).to.have.length(3))
      .userSays('nope')
      .botReplies(/already being sought/)
      .userSays("we're on the waiting list")
      .botReplies((_r, text) => {
        expect(text).to.match(/^Support does not wait for a diagnosis/);
        expect(text).to.not.include('If you have been told to get a diagnosis first');
      })
      .botReplies((_r, text) => {
        expect(text).to.match(/^While you wait/);
        expect(text).to.include('usually with an appointment within 4 to 6 weeks');
        expect(text).to.include('share them with the school');
        expect(text).to.not.include('Single Point of Access');
      })
      .botReplies(/What a private diagnosis can and cannot do/)
      .botReplies(/another question/)
      .run());

  it('unsure on both, with a question mid-way and an unreadable answer (test channel)', () =>
    new Transcript(app, 'test')
      .userSays('help me work out whether a diagnosis is needed')
      .botReplies(/two quick questions/)
      .botReplies((_r, text) => expect(text).to.include('You can say "Yes", "No" or "Not sure"'))
      .userSays('no idea tbh')
      .botReplies(/already being sought/)
      .userSays('what is right to choose for adhd assessments?')
      .botReplies(/Right to Choose|right to choose/)
      .botReplies('Shall we carry on where we were?')
      .botReplies(/already being sought/)
      .userSays('banana')
      .botReplies(/^Sorry, I didn't catch that\. Is an assessment for a diagnosis already being sought/)
      .userSays('dunno')
      .botReplies((_r, text) => {
        expect(text).to.include('If you have been told to get a diagnosis first');
      })
      .botReplies(/Routes to a diagnostic assessment/)
      .botReplies(/private diagnosis/)
      .run());

  for (const channel of ['webchat', 'msteams']) {
    it(`is offered inside the answer on whether a diagnosis is needed, four buttons at most (${channel})`, () =>
      new Transcript(app, channel)
        .userSays('does my child need a diagnosis to get sen support')
        .botReplies(answerOfferingGuide(/diagnosis/i))
        .botSaysNothingMore()
        .userSays('yes please')
        .botReplies(/two quick questions/)
        .run());
  }
});
