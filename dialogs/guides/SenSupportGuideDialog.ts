import type { TurnContext } from 'botbuilder';
import { recognizeRole, type Role } from '../../src/recognition/RoleRecognizer';
import { recognizeChildAge, type ChildAge, type SchoolStage } from '../../src/recognition/ChildAgeRecognizer';
import { recognizeYesNo, type YesNo } from '../../src/recognition/YesNoRecognizer';
import { recognizeConcerns, NEED_AREA_LABELS, type ConcernTopic, type Concerns } from '../../src/recognition/ConcernRecognizer';
import { GuideDialog, type GuideDeps } from './GuideDialog';
import type { GuideQuestion } from './GuideQuestion';
import type { AdviceSection } from './GuideCards';
import { suggestionsActivity } from './guideActivities';

export const SEN_SUPPORT_GUIDE_ID = 'senSupportGuide';

export interface SenSupportAnswers {
  role: Role;
  age: ChildAge;
  onSenSupport: YesNo;
  concerns: Concerns;
}

type A = Partial<SenSupportAnswers>;

const STAGE_WORDS: Record<SchoolStage, string> = {
  'early-years': 'at nursery or in reception',
  primary: 'at primary school',
  secondary: 'at secondary school',
  'post-16': 'at 16 or over',
};

/** Knowledge-base answers that take a worry further. */
const TOPIC_ANSWERS: Record<ConcernTopic, string> = {
  speech: 'speech-and-language',
  behaviour: 'behaviour-and-distress',
  anxiety: 'emotional-wellbeing',
  attendance: 'school-avoidance',
  diagnosis: 'diagnosis-not-needed',
};

function staff(a: A): boolean {
  return a.role === 'school-staff' || a.role === 'professional';
}

function setting(a: A): string {
  if (a.age?.stage === 'early-years') return 'nursery or school';
  if (a.age?.stage === 'post-16') return 'school or college';
  return 'school';
}

export const SEN_SUPPORT_QUESTIONS: ReadonlyArray<GuideQuestion<SenSupportAnswers>> = [
  {
    id: 'role',
    text: () => 'First, who is asking? Are you a parent or carer, a young person asking for yourself, school or college staff, or another professional?',
    suggestions: ['Parent or carer', 'Young person', 'School staff'],
    example: 'For example "parent", "I\'m a young person", "SENCO" or "social worker".',
    recognize: (text) => recognizeRole(text),
  },
  {
    id: 'age',
    text: (a) =>
      a.role === 'young-person'
        ? 'How old are you, or what year are you in?'
        : staff(a)
          ? 'How old is the child or young person, or what school year are they in?'
          : 'How old is your child, or what school year are they in?',
    suggestions: ['Primary school', 'Secondary school', 'College or sixth form'],
    example: 'For example "he\'s 7", "year 3", "14 years old", "in reception" or "at college".',
    recognize: (text) => recognizeChildAge(text),
  },
  {
    id: 'onSenSupport',
    text: (a) =>
      a.role === 'young-person'
        ? `Does your ${setting(a)} already give you SEN support (extra help because of special educational needs)?`
        : a.role === 'school-staff'
          ? 'Is the child already on SEN support?'
          : a.role === 'professional'
            ? `Is the child already on SEN support at their ${setting(a)}?`
            : `Does the ${setting(a)} already give your child SEN support (extra help because of special educational needs)?`,
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes", "no" or "not sure".',
    recognize: (text) => recognizeYesNo(text)?.value,
  },
  {
    id: 'concerns',
    text: (a) =>
      a.role === 'young-person'
        ? 'What do you find hardest at the moment? A few words are enough.'
        : staff(a)
          ? 'What are the main concerns? A few words are enough.'
          : 'What worries you most? A few words are enough.',
    suggestions: ['Reading and learning', 'Speech and language', 'Behaviour or anxiety'],
    example: 'For example "reading", "not talking much" or "meltdowns after school".',
    recognize: (text) => (text.trim() ? recognizeConcerns(text) : undefined),
    freeText: true,
  },
];

/**
 * "What should SEN support look like?": asks who is asking, the child's age or school year,
 * whether the school already gives SEN support, and what worries them; then gives what SEN
 * support should look like at that stage, the next step for that person, a young person's own
 * rights from 16, and what to take to the meeting.
 */
export class SenSupportGuideDialog extends GuideDialog<SenSupportAnswers, 'sen-support'> {
  constructor(deps: GuideDeps) {
    super(SEN_SUPPORT_GUIDE_ID, 'sen-support', deps, SEN_SUPPORT_QUESTIONS);
  }

  protected intro(): string {
    return 'I\'ll ask four quick questions, then tell you what SEN support should look like and what to do next. Say "back" to change an answer, "skip" to leave one out, or "cancel" to stop.';
  }

  protected async conclude(context: TurnContext, a: A): Promise<void> {
    const channelId = context.activity.channelId;
    const stage = a.age?.stage;
    const sections: AdviceSection[] = [];
    // The heading names the stage, so the stage block's own title is not repeated.
    sections.push({ ...this.block(stage ? `stage-${stage}` : 'stage-primary'), title: undefined });

    const areas = a.concerns?.areas ?? [];
    if (areas.length) {
      const need = this.block('need-areas');
      const heard = `From what you said, this touches on ${areas.map((x) => NEED_AREA_LABELS[x]).join('; ')}.`;
      sections.push({ ...need, text: `${heard} ${need.text}` });
    }

    const role = a.role ?? 'parent';
    if (role === 'young-person') sections.push(this.block('next-young-person'));
    else if (role === 'school-staff') sections.push(this.block('next-school-staff'));
    else if (role === 'professional') sections.push(this.block('next-professional'));
    else sections.push(this.block(a.onSenSupport === 'yes' ? 'next-review-the-plan' : 'next-ask-for-support'));

    if (stage === 'post-16' || role === 'young-person' || (a.age?.age ?? 0) >= 16) sections.push(this.block('young-person-rights'));

    const who = role === 'young-person' ? 'you' : staff(a) ? 'the child or young person' : 'your child';
    const heading = stage ? `SEN support for ${who} ${STAGE_WORDS[stage]}` : `SEN support for ${who}`;
    await context.sendActivity(this.cardsOf.advice(heading, sections, channelId));

    const checklist = this.block(staff(a) ? 'meeting-checklist-staff' : 'meeting-checklist');
    await context.sendActivity(this.cardsOf.advice(checklist.title ?? 'What to take to the meeting', [{ ...checklist, title: undefined }], channelId));

    const related = [...new Set((a.concerns?.topics ?? []).map((t) => TOPIC_ANSWERS[t]))]
      .filter((id) => this.deps.answers.byId(id))
      .map((id) => this.deps.answers.title(id));
    if (related.length) {
      await context.sendActivity(suggestionsActivity(channelId, `You can also ask me about:\n${related.map((t) => `- ${t}`).join('\n')}`, related));
    }
  }
}
