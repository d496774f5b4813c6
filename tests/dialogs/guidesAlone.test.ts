import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { GuideContent } from '../../src/knowledge/GuideContent';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { AnswerService } from '../../src/matching/AnswerService';
import { SafetyDetector } from '../../src/safety/SafetyDetector';
import { AnswerCards } from '../../src/bot/AnswerCards';
import { DiagnosisGuideDialog } from '../../dialogs/guides/DiagnosisGuideDialog';
import { EhcAssessmentCheckDialog } from '../../dialogs/guides/EhcAssessmentCheckDialog';
import type { GuideDeps } from '../../dialogs/guides/GuideDialog';
import { activityText } from '../support/activityText';

/** The guides on their own, with the real knowledge base and wording, and a known area. */
describe('Guides on their own (DialogTestClient): the person\'s area and the result', () => {
  const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR);
  const answers = new AnswerService(kb, new AnswerMatcher(kb), new SafetyDetector());
  const base: Omit<GuideDeps, 'area'> = { answers, cards: new AnswerCards(answers), content: GuideContent.fromFolder(DEFAULT_KNOWLEDGE_DIR) };

  async function say(client: DialogTestClient, text: string): Promise<string[]> {
    const out: string[] = [];
    let reply = await client.sendActivity(text);
    while (reply) {
      out.push(activityText(reply as Partial<Activity>));
      reply = client.getNextReply();
    }
    return out;
  }

  it('in Buckinghamshire, gives Buckinghamshire\'s route and not Lancashire\'s', async () => {
    const client = new DialogTestClient('webchat', new DiagnosisGuideDialog({ ...base, area: async () => 'Buckinghamshire' }));
    await say(client, 'hi');
    await say(client, 'no');
    const replies = (await say(client, 'no')).join('\n');
    expect(replies).to.include('In Buckinghamshire, referrals for an autism or ADHD assessment go through the Single Point of Access');
    expect(replies).to.not.include('In Lancashire, if development is delayed');
  });

  it('in an area the sources do not describe, says so rather than guessing', async () => {
    const client = new DialogTestClient('webchat', new DiagnosisGuideDialog({ ...base, area: async () => 'Trafford' }));
    await say(client, 'hi');
    await say(client, 'no');
    const replies = (await say(client, 'no')).join('\n');
    expect(replies).to.include("I don't have the referral route for Trafford");
    expect(replies).to.not.include('In Buckinghamshire, referrals');
    expect(replies).to.not.include('In Lancashire, if development is delayed');
  });

  it('the EHC check ends with { handoff: true } when the offer is accepted, { handoff: false } when declined', async () => {
    for (const [answer, handoff] of [['yes please', true], ['no thanks', false]] as const) {
      const client = new DialogTestClient('webchat', new EhcAssessmentCheckDialog({ ...base, now: () => new Date('2026-11-23T12:00:00Z') }));
      await say(client, 'hi');
      await say(client, 'no');
      await say(client, 'none of these');
      await say(client, 'no'); // severe or complex needs?
      await say(client, answer);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      expect(client.dialogTurnResult.result).to.deep.equal({ handoff });
    }
  });

  it('reads "since September" against its clock: in March, last September', async () => {
    const client = new DialogTestClient('webchat', new EhcAssessmentCheckDialog({ ...base, now: () => new Date('2027-03-25T12:00:00Z') }));
    await say(client, 'hi');
    await say(client, 'yeah since sept');
    await say(client, 'yes twice');
    await say(client, 'yes');
    await say(client, 'no progress at all');
    await say(client, 'none of these');
    const replies = (await say(client, 'no')).join('\n'); // severe or complex needs? no
    // Six and a half months of support, two reviews, no progress: time to consider a request.
    expect(replies).to.include('The support has been in place since September 2026.');
    expect(replies).to.include('consider asking for an EHC needs assessment now');
  });
});
