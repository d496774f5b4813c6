import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';
import { answerOfferingGuide } from '../support/guideOffer';
import { adaptiveCard } from '../support/activityText';

function buttons(reply: Partial<Activity>): string[] {
  return (reply.suggestedActions?.actions ?? []).map((a) => a.title as string);
}

describe('Conversation: the SEN support guide (real bot, real knowledge base)', () => {
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('a parent of a 7-year-old not yet on SEN support: typos, an unreadable age, the next step and what to take (webchat)', () =>
    new Transcript(app, 'webchat')
      .userSays('can you walk me through what sen support my son should get')
      .botReplies(/four quick questions/)
      .botReplies((reply, text) => {
        expect(text).to.match(/who is asking/);
        expect(buttons(reply)).to.deep.equal(['Parent or carer', 'Young person', 'School staff']);
      })
      .userSays('im his mum')
      .botReplies(/How old is your child, or what school year are they in\?/)
      .userSays('blue')
      .botReplies((_r, text) => {
        expect(text).to.match(/^Sorry, I didn't catch that\. How old is your child/);
        expect(text).to.include('For example "he\'s 7", "year 3", "14 years old", "in reception" or "at college".');
      })
      .userSays('hes seven')
      .botReplies(/Does the school already give your child SEN support/)
      .userSays('dunno')
      .botReplies(/What worries you most\?/)
      .userSays('he cant read and has meltdowns evry day')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply)).to.not.equal(undefined);
        expect(text).to.match(/^SEN support for your child at primary school/);
        expect(text).to.include('SEN support is help that is additional to or different from what most children of the same age get.');
        expect(text).to.include('From what you said, this touches on learning and cognition; social and emotional needs and mental wellbeing.');
        expect(text).to.include("Talk to your child's teacher or the SENCO");
        expect(text).to.include('SEN information report');
        expect(text).to.not.include('Rights from 16 to 25');
        expect(text).to.match(/Sources: /);
      })
      .botReplies((_r, text) => {
        expect(text).to.match(/^What to take to the meeting/);
        expect(text).to.include('a list of your concerns');
      })
      .botReplies((reply, text) => {
        expect(text).to.match(/You can also ask me about/);
        expect(buttons(reply).length).to.be.within(1, 3);
      })
      .botReplies(/You can ask me another question at any time/)
      .run());

  it('a parent whose child in year 9 is on SEN support: ask for the plan, reviews three times a year (msteams)', () =>
    new Transcript(app, 'msteams')
      .userSays('help me understand what sen support should look like')
      .botReplies(/four quick questions/)
      .botReplies((reply) => expect(buttons(reply).length).to.be.at.most(3))
      .userSays('Parent or carer')
      .botReplies(/How old is your child/)
      .userSays('yr 9')
      .botReplies(/Does the school already give your child SEN support/)
      .userSays('yes')
      .botReplies(/What worries you most/)
      .userSays('Reading and learning')
      .botReplies((_r, text) => {
        expect(text).to.match(/^SEN support for your child at secondary school/);
        expect(text).to.include('every teacher must meet a pupil');
        expect(text).to.include('Ask for a written copy of the SEN support plan');
        expect(text).to.include('at least three times a year');
      })
      .botReplies(/What to take to the meeting/)
      .botReplies(/You can ask me another question/)
      .run());

  it('a young person of 17 at college: their own rights from 16 (test channel, answers in words)', () =>
    new Transcript(app, 'test')
      .userSays('walk me through what sen support i should get at college')
      .botReplies(/four quick questions/)
      .botReplies((_r, text) => expect(text).to.include('You can say "Parent or carer", "Young person" or "School staff", or answer in your own words.'))
      .userSays('me, im the student')
      .botReplies(/How old are you, or what year are you in\?/)
      .userSays("i'm 17 and at colledge")
      .botReplies(/Does your school or college already give you SEN support/)
      .userSays('not really')
      .botReplies(/What do you find hardest/)
      .userSays('skip')
      .botReplies((_r, text) => {
        expect(text).to.match(/^SEN support for you at 16 or over/);
        expect(text).to.include('the school or college should involve them directly');
        expect(text).to.include('Rights from 16 to 25');
        expect(text).to.include('to ask the local authority for an EHC needs assessment themselves');
        expect(text).to.include('Talk to your teacher, tutor or the SENCO');
      })
      .botReplies(/What to take to the meeting/)
      .botReplies(/You can ask me another question/)
      .run());

  it('a SENCO asking about a pupil in reception: the school\'s next steps and what to bring', () =>
    new Transcript(app, 'msteams')
      .userSays('help me work out what SEN support a pupil needs')
      .botReplies(/four quick questions/)
      .botReplies(/who is asking/)
      .userSays('SENCO')
      .botReplies(/How old is the child or young person/)
      .userSays('in reception')
      .botReplies(/Is the child already on SEN support\?/)
      .userSays('no')
      .botReplies(/What are the main concerns\?/)
      .userSays('not talking much, speech delay')
      .botReplies((_r, text) => {
        expect(text).to.match(/^SEN support for the child or young person at nursery or in reception/);
        expect(text).to.include('early years setting');
        expect(text).to.include('Next steps for the school');
        expect(text).to.include('total hours or cost of the support');
      })
      .botReplies((_r, text) => {
        expect(text).to.match(/^What to bring to the meeting/);
        expect(text).to.include('reading age');
      })
      .botReplies(/You can also ask me about:[\s\S]*[Ss]peech/)
      .run());

  it('a social worker: the questions to ask the SENCO, and not suggesting a plan', () =>
    new Transcript(app, 'webchat')
      .userSays('help me work out what sen support a child should have')
      .botReplies(/four quick questions/)
      .botReplies(/who is asking/)
      .userSays("I'm a social worker")
      .botReplies(/How old is the child/)
      .userSays('14 years old')
      .botReplies(/Is the child already on SEN support at their school\?/)
      .userSays('not sure')
      .botReplies(/main concerns/)
      .userSays('not going to school, anxiety')
      .botReplies((_r, text) => {
        expect(text).to.match(/at secondary school/);
        expect(text).to.include("Sefton's guidance for social care suggests asking the SENCO");
        expect(text).to.include('Be careful not to suggest that a child will or should get an EHC plan.');
      })
      .botReplies(/What to bring to the meeting/)
      .botReplies((reply) => expect(buttons(reply).length).to.be.within(1, 3))
      .run());

  it('a knowledge question mid-way is answered, then the guide carries on; "stop" ends it', () =>
    new Transcript(app, 'webchat')
      .userSays('walk me through what sen support my child should get')
      .botReplies(/four quick questions/)
      .botReplies(/who is asking/)
      .userSays('dad')
      .botReplies(/How old is your child/)
      .userSays('does my child need a diagnosis to get support?')
      .botReplies((reply, text) => {
        expect(adaptiveCard(reply)).to.not.equal(undefined);
        expect(text).to.match(/diagnosis/i);
      })
      .botReplies('Shall we carry on where we were?')
      .botReplies(/How old is your child/)
      .userSays('nursery')
      .botReplies(/Does the nursery or school already give your child SEN support/)
      .userSays('stop')
      .botReplies(/I've stopped that/)
      .run());

  it('is offered inside the answer to "what is SEN support?" (in Teams too: at most four buttons)', () =>
    new Transcript(app, 'msteams')
      .userSays('what is sen support')
      .botReplies(answerOfferingGuide(/What is SEN support\?/))
      .botSaysNothingMore()
      .userSays('yes')
      .botReplies(/four quick questions/)
      .run());

  it('is offered inside the answer to "what is SEN support?", and "yes" starts it; a question at the free-text step is answered', () =>
    new Transcript(app, 'webchat')
      .userSays('what is sen support')
      .botReplies(answerOfferingGuide(/What is SEN support\?/))
      .botSaysNothingMore()
      .userSays('yes')
      .botReplies(/four quick questions/)
      .botReplies(/who is asking/)
      .userSays('parent')
      .botReplies(/How old/)
      .userSays('year 3')
      .botReplies(/SEN support/)
      .userSays('no')
      .botReplies(/What worries you most/)
      .userSays('what is a senco?')
      .botReplies(/SENCO/)
      .botReplies('Shall we carry on where we were?')
      .botReplies(/What worries you most/)
      .userSays('spelling')
      .botReplies(/at primary school/)
      .run());
});
