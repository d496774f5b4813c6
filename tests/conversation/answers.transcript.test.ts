import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';
import { adaptiveCard } from '../support/activityText';

describe('Conversation: questions and answers (real bot, real knowledge base)', () => {
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  for (const channel of ['webchat', 'msteams', 'test']) {
    it(`welcomes a person who joins, on ${channel}`, () =>
      new Transcript(app, channel)
        .userJoins()
        .botReplies(/automated helper, not a person/)
        .then((reply) => expect(reply?.attachments?.[0]?.content ?? reply?.text).to.satisfy(Boolean))
        .run());
  }

  it('welcome says what it can do, has a privacy line and the way to SENDIASS', () =>
    new Transcript(app, 'webchat')
      .userJoins()
      .botReplies((_r, text) => {
        expect(text).to.match(/Privacy/);
        expect(text).to.match(/SENDIASS/);
        expect(text).to.match(/Talk to someone/);
      })
      .run());

  it('answers a parent in their own words with a card: title, answer, source, follow-ups, feedback, talk to someone', () =>
    new Transcript(app, 'webchat')
      .userSays('wat is sen suport?')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply)).to.not.equal(undefined);
        expect(text).to.match(/SEN support/i);
        expect(text).to.match(/Source: /);
        expect(text).to.include('[Yes]');
        expect(text).to.include('[No]');
        expect(text).to.include('[Talk to someone]');
      })
      .run());

  it('gives plain text with the source where a channel has no cards', () =>
    new Transcript(app, 'sms')
      .userSays('what is the local offer')
      .botReplies((reply, text) => {
        expect(reply.attachments ?? []).to.have.length(0);
        expect(text).to.match(/Local Offer/);
        expect(text).to.match(/Sources?: /);
      })
      .run());

  it('handles a follow-up button as an action, not as typed text', () =>
    new Transcript(app, 'webchat')
      .userSays('what is sen support')
      .botReplies(/Source: /)
      .then((reply) => expect(reply?.attachments).to.have.length(1))
      // A follow-up, from the card's "More options".
      .userPresses(/graduated approach/)
      .botReplies(/Source: /)
      .run());

  it('says plainly when it does not know and offers a person', () =>
    new Transcript(app, 'webchat')
      .userSays('who won the football last night')
      .botReplies(/don't have a checked answer/)
      .run());

  it('puts urgent help first', () =>
    new Transcript(app, 'webchat')
      .userSays('my son says he wants to kill himself')
      .botReplies((_r, text) => {
        expect(text).to.match(/999/);
        expect(text).to.match(/116 123/);
        expect(text).to.match(/0800 1111/);
        expect(text).to.match(/85258/);
        expect(text).to.match(/0800 068 4141/);
        expect(text).to.match(/111/);
      })
      .run());

  it('"help" lists what it can do and "start over" starts over', () =>
    new Transcript(app, 'webchat')
      .userSays('help')
      .botReplies(/Here is what I can do/)
      .userSays('start over')
      .botReplies(/starting over/)
      .botReplies(/automated helper/)
      .run());
});
