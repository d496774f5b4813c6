import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';
import { answerOfferingGuide } from '../support/guideOffer';
import { adaptiveCard } from '../support/activityText';

/** The facts of the summary card's FactSet, as title → value. */
function summaryFacts(reply: Partial<Activity> | undefined): Record<string, string> {
  const card = reply && adaptiveCard(reply);
  expect(card, 'the summary is an Adaptive Card').to.not.equal(undefined);
  const set = (card?.body as Array<{ type: string; facts?: Array<{ title: string; value: string }> }>).find((b) => b.type === 'FactSet');
  return Object.fromEntries((set?.facts ?? []).map((f) => [f.title, f.value]));
}

function buttons(reply: Partial<Activity>): string[] {
  return (reply.suggestedActions?.actions ?? []).map((a) => a.title as string);
}

/** The person asks for the check in the usual words, and is asked the first question. */
function checkStarted(app: AppServer): Transcript {
  return new Transcript(app, 'webchat')
    .userSays('help me work out if we should ask for an EHCP')
    .botReplies(/a few quick questions/)
    .botReplies(/SEN support/);
}

/** Every outcome says the family can ask the council themselves, at any time. */
const ASK_YOURSELF = 'you can ask the local authority for an EHC needs assessment yourself, at any time';

const PROMISE = /will (get|be given|be issued) an? (ehc )?plan|guarantee|the (council|local authority) will (agree|say yes|assess)/i;

describe('Conversation: "should we request an EHC needs assessment?" check (real bot, real knowledge base)', () => {
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('consider a request now: "yeah since sept", a question mid-way and back, warning signs by number, summary for the SENCO, then the hand-off (webchat)', () =>
    new Transcript(app, 'webchat')
      .userSays('help me work out if we should ask for an EHCP')
      .botReplies(/a few quick questions/)
      .botReplies((reply, text) => {
        expect(text).to.match(/Is your child on SEN support/);
        expect(buttons(reply)).to.deep.equal(['Yes', 'No', 'Not sure']);
      })
      // "since sept" answers the next question too: how long is not asked.
      .userSays('yeah since sept')
      .botReplies(/Is there a written SEN support plan/)
      .botNeverSays(/How long has the support been in place/)
      .userSays('yes reviewed twice')
      .botReplies(/advice from a specialist/)
      .botNeverSays(/How many times has the plan been reviewed/)
      // A question for the knowledge base mid-way: answered, then back to where we were.
      .userSays('what is a senco?')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply)).to.not.equal(undefined);
        expect(text).to.match(/SENCO/);
        expect(text).to.match(/Source: /);
      })
      .botReplies('Shall we carry on where we were?')
      .botReplies(/advice from a specialist/)
      .userSays('the EP came in')
      .botReplies(/is your child making progress/)
      .userSays('not realy')
      .botReplies(/Have any of these happened\?\n1\. A part-time timetable/)
      .userSays('1 and 2')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply)).to.not.equal(undefined);
        expect(text).to.match(/Where this points: consider asking for an EHC needs assessment now/);
        expect(text).to.include('The plan has been reviewed twice.');
        expect(text).to.include('You said your child is making little or no progress.');
        expect(text).to.include('You mentioned a part-time timetable, or being taught mostly alone');
        expect(text).to.include('You mentioned exclusion');
        expect(text).to.match(/child's parent, by a young person .* or by the school or college/);
        expect(text).to.include('within 6 weeks of receiving the request');
        expect(text).to.include('There are two possible outcomes');
        expect(text).to.include('does not automatically lead to an EHC plan');
        expect(text).to.include(ASK_YOURSELF);
        expect(text).to.match(/Sources: /);
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((reply) => {
        const facts = summaryFacts(reply);
        expect(facts['On SEN support (SEN register, code K)']).to.equal('Yes');
        expect(facts['How long']).to.match(/^since September 20\d\d/);
        expect(facts['Times reviewed']).to.equal('twice');
        expect(facts['Specialist advice sought']).to.equal('Yes (educational psychologist)');
        expect(facts['Progress']).to.equal('making little or no progress');
        expect(facts['Warning signs']).to.match(/part-time timetable.*; exclusion/);
      })
      .botReplies((reply, text) => {
        expect(reply.textFormat).to.equal('plain');
        expect(text).to.include('Summary to share with the SENCO');
        expect(text).to.include('- On SEN support (SEN register, code K): Yes');
        expect(text).to.include('Evidence to gather:');
        expect(text).to.include('- Reviewed SEN support plans (so far: reviewed twice)');
        expect(text).to.include('so far: educational psychologist');
        expect(text).to.include('- Records of exclusions, part-time timetables and behaviour incidents');
        expect(text).to.include('it is not a decision');
        expect(text).to.not.match(PROMISE);
      })
      .botReplies(/SENDIASS\) gives free, impartial advice/)
      .botReplies((reply, text) => {
        expect(text).to.match(/talk this through with someone at your local SENDIASS/);
        expect(buttons(reply)).to.deep.equal(['Yes please', 'No thanks']);
      })
      // Accepting ends the check with { handoff: true }: the root takes the person to SENDIASS.
      .userSays('yes please')
      .botReplies(/SENDIASS/)
      .botNeverSays(/You can ask me another question at any time, or say "talk to someone" if you change your mind/)
      .run());

  it('consider a request now: a year and a half of support, numbers in words, going backwards (msteams, at most three buttons)', () =>
    new Transcript(app, 'msteams')
      .userSays('can you check whether we should apply for an ehcp')
      .botReplies(/a few quick questions/)
      .botReplies(/Is your child on SEN support/)
      .userSays('yep')
      .botReplies((reply, text) => {
        expect(text).to.match(/How long has the support been in place/);
        expect(buttons(reply)).to.deep.equal(['Less than a term', 'About two terms', 'A year or more']);
      })
      .userSays('a year and a half')
      .botReplies(/written SEN support plan/)
      .userSays('yes')
      .botReplies((reply, text) => {
        expect(text).to.match(/How many times has the plan been reviewed/);
        expect(buttons(reply).length).to.be.at.most(3);
      })
      .userSays('three')
      .botReplies(/advice from a specialist/)
      .userSays('SALT and OT')
      .botReplies(/making progress/)
      .userSays('hes going backwards if anything')
      .botReplies((reply) => expect(buttons(reply)).to.deep.equal(['None of these', 'Not sure']))
      .userSays('none of these')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies((_r, text) => {
        expect(text).to.match(/consider asking for an EHC needs assessment now/);
        expect(text).to.include('The support has been in place for 18 months.');
        expect(text).to.include('The plan has been reviewed 3 times.');
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((reply) => expect(summaryFacts(reply)['Specialist advice sought']).to.equal('Yes (speech and language therapist, occupational therapist)'))
      .botReplies(/same summary as plain text/)
      .botReplies(/SENDIASS/)
      .botReplies((reply) => expect(buttons(reply).length).to.be.at.most(3))
      .userSays('no thanks')
      .botReplies(/You can ask me another question at any time/)
      .run());

  it('keep reviewing: young support, one review, no specialist yet; common answers in words on the test channel', () =>
    new Transcript(app, 'test')
      .userSays('walk me through whether to ask for an ehc needs assessment')
      .botReplies(/a few quick questions/)
      .botReplies((reply, text) => {
        expect(text).to.include('You can say "Yes", "No" or "Not sure", or answer in your own words.');
        expect(reply.suggestedActions).to.equal(undefined);
      })
      .userSays('yes')
      .botReplies(/How long/)
      .userSays('about 6 months')
      .botReplies(/written SEN support plan/)
      .userSays('yes')
      .botReplies(/How many times/)
      .userSays('once')
      .botReplies(/specialist/)
      .userSays('no')
      .botReplies(/progress/)
      .userSays('a bit')
      .botReplies(/catching up, staying as far behind, or falling further behind/)
      .userSays('catching up slowly i think')
      .botReplies(/Have any of these happened/)
      .userSays('no')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: keep reviewing the support/);
        expect(text).to.include('The support has been in place for about 6 months, which is less than about two terms.');
        expect(text).to.include('The plan has been reviewed once.');
        expect(text).to.include('You said your child is making some progress.');
        expect(text).to.include('You said your child is catching up with others their age.');
        expect(text).to.include('There is no minimum time in law');
        expect(text).to.include("Sefton's guidance looks at progress after about 2 terms");
        expect(text).to.include('for its Element 2 funding');
        expect(text).to.not.match(/Give the support time/);
        expect(text).to.include('Ask the SENCO whether advice from a specialist');
        expect(text).to.include('Evidence to keep');
        expect(text).to.include(ASK_YOURSELF);
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((_r, text) => expect(text).to.match(/Where this points: Keep reviewing the support/))
      .botReplies((reply, text) => {
        expect(reply.textFormat).to.equal('plain');
        expect(text).to.include('- Specialist advice sought: No');
        expect(text).to.include('(none sought yet)');
      })
      .botReplies(/SENDIASS/)
      .botReplies(/You can say "Yes please" or "No thanks"/)
      .userSays('nah')
      .botReplies(/OK. You can ask me another question/)
      .run());

  it('keep reviewing: the support is working ("yes loads")', () =>
    new Transcript(app, 'webchat')
      .userSays('help me decide if we need an ehcna')
      .botReplies(/a few quick questions/)
      .botReplies(/SEN support/)
      .userSays('yeah since sept')
      .botReplies(/written SEN support plan/)
      .userSays('yes')
      .botReplies(/How many times/)
      .userSays('twice')
      .botReplies(/specialist/)
      .userSays('yes the ed psych')
      .botReplies(/progress/)
      .userSays('yes loads, shes doing really well')
      .botReplies(/Have any of these/)
      .userSays('none')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies((_r, text) => {
        expect(text).to.match(/keep reviewing the support/);
        expect(text).to.include('You said your child is making good progress.');
        expect(text).to.include('an assessment may not be needed now');
        expect(text).to.include(ASK_YOURSELF);
      })
      .run());

  it('start with SEN support: not on SEN support skips to the warning signs, and still says a parent can ask', () =>
    new Transcript(app, 'webchat')
      .userSays('help me work out if we should request an EHC needs assessment')
      .botReplies(/a few quick questions/)
      .botReplies(/SEN support/)
      .userSays('nope not yet')
      .botReplies(/Have any of these happened/)
      .userSays('none of them')
      .botReplies(/needs severe or complex/)
      .userSays('not really')
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: start with SEN support/);
        expect(text).to.include('You said your child is not on SEN support yet.');
        expect(text).to.include('Is my child on the SEN register? Should they be?');
        expect(text).to.include(ASK_YOURSELF);
        expect(text).to.include('there is no minimum time on SEN support first');
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((reply) => {
        const facts = summaryFacts(reply);
        expect(facts['On SEN support (SEN register, code K)']).to.equal('No');
        expect(facts['Warning signs']).to.equal('None');
        expect(facts['Severe or complex needs']).to.equal('No');
        expect(facts).to.not.have.property('How long');
      })
      .run());

  it('excluded and on a part-time timetable, not on SEN support: ask now, and ask for SEN support too (no SEN support gate)', () =>
    checkStarted(app)
      .userSays('no hes not')
      .botReplies(/Have any of these happened/)
      .userSays('1 and 2')
      .botNeverSays(/needs severe or complex/)
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: consider asking for an EHC needs assessment now/);
        expect(text).to.not.match(/start with SEN support/i);
        expect(text).to.include('You said your child is not on SEN support yet.');
        expect(text).to.include('You mentioned a part-time timetable, or being taught mostly alone.');
        expect(text).to.include('You mentioned exclusion (suspension), or being sent home early.');
        expect(text).to.include('Sending a child home without a formal exclusion is unlawful');
        expect(text).to.include('only be used in very exceptional cases');
        expect(text).to.include('Ask the school for SEN support now as well');
        expect(text).to.include('it must assess if your child has or may have SEN and may need an EHC plan');
        expect(text).to.include(ASK_YOURSELF);
        expect(text).to.include('Only the local authority decides whether to assess');
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((reply) => expect(summaryFacts(reply)['Warning signs']).to.match(/part-time timetable.*; exclusion/))
      .run());

  it('two years, six reviews and EP advice, "some progress" but falling further behind: ask now, not "give it time"', () =>
    checkStarted(app)
      .userSays('yes for about two years')
      .botReplies(/written SEN support plan/)
      .userSays('yes')
      .botReplies(/How many times/)
      .userSays('6')
      .botReplies(/specialist/)
      .userSays('yes an educational psychologist')
      .botReplies(/making progress/)
      .userSays('some progress, slowly')
      .botReplies(/catching up, staying as far behind, or falling further behind/)
      .userSays('honestly hes falling further behind every year')
      .botReplies(/Have any of these happened/)
      .userSays('none of these')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: consider asking for an EHC needs assessment now/);
        expect(text).to.include('The plan has been reviewed 6 times.');
        expect(text).to.include('You said your child is making some progress.');
        expect(text).to.include('You said your child is falling further behind others their age.');
        expect(text).to.not.match(/Give the support time|keep reviewing/i);
        expect(text).to.include(ASK_YOURSELF);
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((reply) => {
        const facts = summaryFacts(reply);
        expect(facts['Times reviewed']).to.equal('6 times');
        expect(facts['Compared with others their age']).to.equal('falling further behind others their age');
      })
      .run());

  it('the same two years and six reviews, catching up: keep reviewing, says there is no minimum time and that the family can ask', () =>
    checkStarted(app)
      .userSays('yes for about two years')
      .botReplies(/written SEN support plan/)
      .userSays('yes')
      .botReplies(/How many times/)
      .userSays('6')
      .botReplies(/specialist/)
      .userSays('yes the ep')
      .botReplies(/making progress/)
      .userSays('a bit')
      .botReplies(/catching up/)
      .userSays('yes shes catching up')
      .botReplies(/Have any of these happened/)
      .userSays('none')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: keep reviewing the support/);
        expect(text).to.include('There is no minimum time in law');
        expect(text).to.not.match(/Support takes time|Give the support time/);
        expect(text).to.include(ASK_YOURSELF);
      })
      .run());

  it('under six months of support with severe needs: ask now; time on support is not a bar', () =>
    checkStarted(app)
      .userSays('yes, for 2 months')
      .botReplies(/written SEN support plan/)
      .userSays('not yet')
      .botReplies(/specialist/)
      .userSays('no')
      .botReplies(/making progress/)
      .userSays('not really')
      .botReplies(/Have any of these happened/)
      .userSays('none of these')
      .botReplies(/needs severe or complex/)
      .userSays('yes very severe, she needs an adult with her all day')
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: consider asking for an EHC needs assessment now/);
        expect(text).to.include("You said your child's needs are severe or complex.");
        expect(text).to.include('does not have to spend a set time on SEN support first');
        expect(text).to.include('less than about two terms');
        expect(text).to.include('within 6 weeks of receiving the request');
        expect(text).to.include(ASK_YOURSELF);
        expect(text).to.not.match(PROMISE);
      })
      .botReplies((reply) => expect(summaryFacts(reply)['Severe or complex needs']).to.equal('Yes'))
      .run());

  it('under six months, little progress, nothing severe: keep reviewing, with "no minimum time in law" and the family can ask now', () =>
    checkStarted(app)
      .userSays('yes, for 2 months')
      .botReplies(/written SEN support plan/)
      .userSays('not yet')
      .botReplies(/specialist/)
      .userSays('no')
      .botReplies(/making progress/)
      .userSays('not really')
      .botReplies(/Have any of these happened/)
      .userSays('none of these')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies((_r, text) => {
        expect(text).to.match(/Where this points: keep reviewing the support/);
        expect(text).to.include('There is no minimum time in law: if your child');
        expect(text).to.include('not a condition');
        expect(text).to.include(ASK_YOURSELF);
      })
      .run());

  it('the summary gives "about 12 months" once, not "about 12 months (about 12 months)"', () =>
    checkStarted(app)
      .userSays('yes')
      .botReplies(/How long/)
      .userSays('about 12 months')
      .botReplies(/written SEN support plan/)
      .userSays('no')
      .botReplies(/specialist/)
      .userSays('no')
      .botReplies(/making progress/)
      .userSays('good progress')
      .botReplies(/Have any of these happened/)
      .userSays('none')
      .botReplies(/needs severe or complex/)
      .userSays('no')
      .botReplies(/Where this points/)
      .botReplies((reply) => {
        const howLong = summaryFacts(reply)['How long'];
        expect(howLong).to.match(/12 months/);
        expect(howLong).to.not.match(/months.*months/);
      })
      .run());

  it('an answer it cannot read is asked again with an example, twice, then skipping is offered', () =>
    checkStarted(app)
      .userSays('yes')
      .botReplies(/How long/)
      .userSays('ages')
      .botReplies((_r, text) => {
        expect(text).to.match(/^Sorry, I didn't catch that\. How long has the support been in place\?/);
        expect(text).to.include('For example "two terms", "since September", "about 6 months" or "a year and a half".');
      })
      .userSays('purple')
      .botReplies(/^Sorry, I didn't catch that\. How long/)
      .userSays('blah')
      .botReplies((reply, text) => {
        expect(text).to.match(/say "skip" to leave this question out/);
        expect(buttons(reply)[0]).to.equal('Skip this question');
      })
      .userSays('Skip this question')
      .botReplies(/written SEN support plan/)
      .run());

  it('offered a skip and still unreadable, it leaves the question out and moves on', () =>
    checkStarted(app)
      .userSays('hmm')
      .botReplies(/didn't catch that/)
      .userSays('erm')
      .botReplies(/didn't catch that/)
      .userSays('???')
      .botReplies(/say "skip"/)
      .userSays('pfff')
      .botReplies("I'll leave that question out.")
      .botReplies(/Have any of these happened/)
      .run());

  it('"back" returns to the previous question and "start again" to the first', () =>
    checkStarted(app)
      .userSays('back')
      .botReplies('This is the first question.')
      .botReplies(/Is your child on SEN support/)
      .userSays('yes')
      .botReplies(/How long/)
      .userSays('2 tearms')
      .botReplies(/written SEN support plan/)
      .userSays('go back')
      .botReplies(/How long has the support been in place/)
      .userSays('three terms')
      .botReplies(/written SEN support plan/)
      .userSays('start again')
      .botReplies("OK, let's start again from the first question.")
      .botReplies(/Is your child on SEN support/)
      .run());

  it('"cancel" mid-way stops the check; the next message is a question again', () =>
    checkStarted(app)
      .userSays('yes')
      .botReplies(/How long/)
      .userSays('cancel')
      .botReplies(/I've stopped that/)
      .userSays('what is the local offer')
      .botReplies((_r, text) => {
        expect(text).to.match(/Local Offer/);
        expect(text).to.not.match(/How long has the support/);
      })
      .run());

  it('an urgent message mid-way gets the urgent help first, then the same question again', () =>
    checkStarted(app)
      .userSays('yes')
      .botReplies(/How long/)
      .userSays('honestly he says he wants to kill himself')
      .botReplies((_r, text) => {
        expect(text).to.match(/999/);
        expect(text).to.match(/116 123/);
      })
      .botReplies(/How long has the support been in place/)
      .userSays('since january')
      .botReplies(/written SEN support plan/)
      .run());

  it('"help" mid-way shows what the assistant can do, then asks the question again', () =>
    checkStarted(app)
      .userSays('help')
      .botReplies(/Check if it's time to ask for an EHC needs assessment/)
      .botReplies(/Is your child on SEN support/)
      .run());

  for (const channel of ['webchat', 'msteams']) {
    it(`is offered inside the answer on when to request an assessment, and "yes" starts it (${channel})`, () =>
      new Transcript(app, channel)
        .userSays('when should i ask for an ehc needs assessment')
        .botReplies(answerOfferingGuide(/assessment/i))
        .botSaysNothingMore()
        .userSays('yes')
        .botReplies(/a few quick questions/)
        .botReplies(/Is your child on SEN support/)
        .run());

    it(`starts from the offer's "Yes, go through it" button in the answer card (${channel})`, () =>
      new Transcript(app, channel)
        .userSays('when should i ask for an ehc needs assessment')
        .botReplies(answerOfferingGuide(/assessment/i))
        .userPresses('Yes, go through it')
        .botReplies(/a few quick questions/)
        .botReplies(/Is your child on SEN support/)
        .run());
  }

  it('a follow-up button to an answer with no guide withdraws the offer: "yes" then does not start it', () =>
    new Transcript(app, 'webchat')
      .userSays('when should i ask for an ehc needs assessment')
      .botReplies(answerOfferingGuide(/assessment/i))
      .userPresses('What is the graduated approach (assess, plan, do, review)?')
      .botReplies((_reply, text) => {
        expect(text).to.match(/graduated approach/i);
        expect(text).to.not.include('go through your situation');
      })
      .userSays('yes')
      .botNeverSays(/a few quick questions/)
      .run());

  it('starts from the welcome menu button', () =>
    new Transcript(app, 'webchat')
      .userJoins()
      .botReplies(/Check if it's time to ask for an EHC needs assessment/)
      .userPresses("Check if it's time to ask for an EHC needs assessment")
      .botReplies(/a few quick questions/)
      .botReplies(/Is your child on SEN support/)
      .run());
});

describe('Conversation: an EHC check left half-way carries on after a restart (SQLite state)', () => {
  it('continues at the question it was on, with the answers so far', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-state-'));
    const env = { STATE_STORE: 'sqlite', DATA_DIR: dataDir };
    const first = await createTestApp(env);
    await new Transcript(first, 'webchat', 'user-g', 'conv-guide-restart')
      .userSays('help me work out if we should ask for an EHCP')
      .botReplies(/a few quick questions/)
      .botReplies(/SEN support/)
      .userSays('no')
      .botReplies(/Have any of these happened/)
      .run();
    await first.close();

    const second = await createTestApp(env);
    try {
      await new Transcript(second, 'webchat', 'user-g', 'conv-guide-restart')
        .userSays('2')
        .botReplies((_r, text) => {
          // Excluded, and not on SEN support: the family can ask now (no SEN support gate).
          expect(text).to.match(/consider asking for an EHC needs assessment now/);
          expect(text).to.include('You said your child is not on SEN support yet.');
          expect(text).to.include('You mentioned exclusion');
        })
        .run();
    } finally {
      await second.close();
    }
  });
});
