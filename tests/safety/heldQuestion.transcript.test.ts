import { expect } from 'chai';
import path from 'node:path';
import { createTestApp, Transcript } from '../support/Transcript';
import { adaptiveCard, submitActions } from '../support/activityText';
import type { AppServer } from '../../src/server/createServer';
import { BORDERLINE, BORDERLINE_DANGER, OneBorderlineMessage } from '../support/borderlineSafety';
import { createSafetyCheck } from '../../src/safety/loadSharedEmbedder';
import { ANSWER_HELD_TITLE, HELD_QUESTION_OFFER } from '../../src/bot/SafetyCards';

/**
 * When only the sentence model hears risk in a question, the urgent card comes first, as always,
 * and ends with a way on: "I'm safe: answer my question". Transcripts over the real bot and
 * knowledge base. The one fake: which message the semantic layer finds urgent (tests/support/
 * borderlineSafety.ts), so the test does not hang on the model's borderline scores.
 */
describe('Conversation: a question held back by the urgent card (real bot)', function () {
  this.timeout(120_000);
  let app: AppServer;
  before(async () => {
    const { detector } = await createSafetyCheck(path.resolve(__dirname, '../../knowledge'));
    app = await createTestApp({}, { safety: new OneBorderlineMessage(detector) });
  });
  after(() => app.close());

  const urgentWithOffer = (r: Parameters<Parameters<Transcript['then']>[0]>[0] & object, text: string) => {
    expect(adaptiveCard(r), 'the urgent card').to.not.equal(undefined);
    expect(text).to.match(/If someone is in danger now, call \[?999/);
    expect(text).to.include(HELD_QUESTION_OFFER);
    const buttons = submitActions(r);
    expect(buttons.map((b) => b.title), 'the way on is the card\'s only button, after the contacts').to.deep.equal([ANSWER_HELD_TITLE]);
    // 999 comes before the offer in the card.
    expect(text.indexOf('999')).to.be.below(text.indexOf(HELD_QUESTION_OFFER));
  };
  const answeredWithContacts = (t: Transcript) =>
    t
      .botReplies(/Thank you for telling me/)
      .botReplies(/What can I do if I disagree/)
      .botRepliesWith((_r, text) => {
        expect(text).to.match(/If you or someone else is struggling/);
        expect(text).to.match(/116 123/);
      });

  for (const channel of ['webchat', 'msteams']) {
    describe(channel, () => {
      it('the urgent card first, ending with "I\'m safe: answer my question"; pressed, the question is answered with the crisis contacts', () =>
        answeredWithContacts(new Transcript(app, channel).userSays(BORDERLINE).botReplies(urgentWithOffer).userPresses(ANSWER_HELD_TITLE)).run());

      it('typing "I\'m safe" does the same', () => answeredWithContacts(new Transcript(app, channel).userSays(BORDERLINE).botReplies(urgentWithOffer).userSays("I’m safe, please answer my question")).run());

      it('a phrase of risk gets the urgent card with no way past it', () =>
        new Transcript(app, channel)
          .userSays('i want to kill myself')
          .botReplies((r, text) => {
            expect(text).to.match(/999/);
            expect(text).to.not.include(HELD_QUESTION_OFFER);
            expect(submitActions(r)).to.have.length(0);
          })
          .userSays("I'm safe")
          .botReplies((_r, text) => expect(text).to.not.match(/Thank you for telling me\. Here is what I found/))
          .run());

      it('danger from another person, heard by the sentence model alone, has no way past it either (the one at risk may not be the writer)', () =>
        new Transcript(app, channel)
          .userSays(BORDERLINE_DANGER)
          .botReplies((r, text) => {
            expect(text).to.match(/999/);
            expect(text).to.not.include(HELD_QUESTION_OFFER);
            expect(submitActions(r)).to.have.length(0);
          })
          .run());

      it('"Urgent help" itself has no way past it', () =>
        new Transcript(app, channel)
          .userSays('Urgent help')
          .botReplies((r, text) => {
            expect(text).to.not.include(HELD_QUESTION_OFFER);
            expect(submitActions(r)).to.have.length(0);
          })
          .run());

      it('the question is held for the next turn only: pressed after another message, it asks for the question again', () =>
        new Transcript(app, channel)
          .userSays(BORDERLINE)
          .botReplies(urgentWithOffer)
          .userSays('what is sen support')
          .botRepliesWith(/What is SEN support/)
          .userPresses(ANSWER_HELD_TITLE)
          .botRepliesWith(/Please type your question again/)
          .run());
    });
  }

  it('where cards do not render, the plain text says how ("I\'m safe") and the typed words work', () =>
    new Transcript(app, 'sms')
      .userSays(BORDERLINE)
      .botReplies((r, text) => {
        expect(adaptiveCard(r)).to.equal(undefined);
        expect(text).to.match(/999/);
        expect(text).to.include(`${HELD_QUESTION_OFFER} Say "I'm safe" and I will.`);
      })
      .userSays("i'm safe")
      .botReplies(/Thank you for telling me/)
      .run());
});
