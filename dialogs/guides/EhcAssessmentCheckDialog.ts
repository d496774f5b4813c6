import type { TurnContext } from 'botbuilder';
import { recognizeYesNo, type YesNo } from '../../src/recognition/YesNoRecognizer';
import { recognizeDuration, type Duration } from '../../src/recognition/DurationRecognizer';
import { recognizeCount } from '../../src/recognition/CountRecognizer';
import { recognizeSpecialists, type SpecialistAnswer } from '../../src/recognition/SpecialistRecognizer';
import { recognizeProgress, PROGRESS_LABELS, type Progress } from '../../src/recognition/ProgressRecognizer';
import { recognizeWarningSigns, WARNING_SIGNS, type WarningSign, type WarningSignAnswer } from '../../src/recognition/WarningSignRecognizer';
import { answerText } from '../../src/recognition/answerText';
import type { GuideBlockKey } from '../../src/knowledge/Guide';
import { GuideDialog, type GuideDeps } from './GuideDialog';
import type { GuideQuestion, GuideResult } from './GuideQuestion';
import type { AdviceSection, Summary, SummaryItem } from './GuideCards';

export const EHC_ASSESSMENT_CHECK_ID = 'ehcAssessmentCheck';

/** "Not sure" where a length of time or a count was asked for. */
export const UNSURE = 'unsure';

export interface EhcCheckAnswers {
  onSenSupport: { value: YesNo; duration?: Duration };
  duration: Duration | typeof UNSURE;
  plan: { value: YesNo; reviews?: number };
  reviews: number | typeof UNSURE;
  specialists: SpecialistAnswer;
  progress: Progress;
  /** Asked when progress is "some": is the gap with others of the same age closing? (Code 6.17) */
  gap: Gap;
  signs: WarningSignAnswer;
  /** Severe or complex needs: a reason to ask now, however long the support has been in place. */
  highNeeds: YesNo;
  handoff: YesNo;
}

/** How the gap with others of the same age is moving. */
export type Gap = 'closing' | 'same' | 'widening' | 'unsure';

const GAP_LABELS: Record<Exclude<Gap, 'unsure'>, string> = {
  closing: 'catching up with others their age',
  same: 'staying as far behind others their age',
  widening: 'falling further behind others their age',
};

const WIDENING = /\b(further behind|falling behind|fallen behind|gap (is )?(getting )?(bigger|wider|widening)|widening|not catching up|isn'?t catching up|never catch(es)? up|losing ground|getting worse|behind more|more behind)\b/;
const SAME = /\b(same|as far behind|still behind|staying behind|not closing|no closer|level|steady|static|stuck)\b/;
const CLOSING = /\b(catch(ing|es)? up|caught up|closing|closer|narrowing|gaining|nearly there|on track|ahead)\b/;

/** "falling further behind", "still behind", "catching up slowly", "not sure". */
export function recognizeGap(input: string): Gap | undefined {
  const t = answerText(input);
  if (!t) return undefined;
  if (WIDENING.test(t)) return 'widening';
  if (SAME.test(t)) return 'same';
  if (CLOSING.test(t)) return 'closing';
  return recognizeYesNo(t)?.value === 'unsure' ? 'unsure' : undefined;
}

const HIGH_NEEDS = /\b(severe|complex|very high|high needs|profound|a lot of help|constant|all the time|1:1|one to one|one-to-one|can'?t (cope|manage) without)\b/;

/** Yes, no or unsure, with "very severe" or "he needs 1:1 all day" read as yes. */
export function recognizeHighNeeds(input: string): YesNo | undefined {
  const t = answerText(input);
  const yn = recognizeYesNo(t);
  if (yn?.value === 'no' || yn?.value === 'unsure') return yn.value;
  if (yn?.value === 'yes' || HIGH_NEEDS.test(t)) return 'yes';
  return undefined;
}

type A = Partial<EhcCheckAnswers>;

export type EhcOutcome = 'start-with-sen-support' | 'keep-reviewing' | 'consider-request';

/**
 * About two terms of support, in months: a rough guide only (Sefton's guidance looks for
 * progress "after approximately 2 terms"; a term with its holiday is about 3.5 months). The
 * law sets no minimum time: this only decides whether "keep reviewing" is offered for a child
 * with little progress and no warning signs or severe needs, and that outcome still says the
 * family can ask now.
 */
export const TWO_TERMS_MONTHS = 6.5;
/** Two reviews: Trafford asks schools for two cycles, for its Element 2 funding (a rough guide, not a bar). */
export const ENOUGH_REVIEWS = 2;

const SIGN_LABELS: Record<WarningSign, string> = {
  'part-time': 'a part-time timetable, or being taught mostly alone',
  excluded: 'exclusion (suspension), or being sent home early',
  'no-progress-despite-help': 'a lot of help, but little or no progress',
  'cannot-keep-up': 'the school giving more help than it can keep up',
  moving: "a move coming to a school or college that can't give the same support",
};

const ON_REGISTER = /\b(on the (sen |send )?register|k code|code k|on sen support|has sen support|gets sen support)\b/;

function onSupport(a: A): boolean {
  return a.onSenSupport?.value === 'yes' || a.onSenSupport?.value === 'unsure';
}

function durationOf(a: A): Duration | undefined {
  if (a.onSenSupport?.duration) return a.onSenSupport.duration;
  return a.duration && a.duration !== UNSURE ? a.duration : undefined;
}

function reviewsOf(a: A): number | undefined {
  if (a.plan?.value === 'no') return 0;
  if (a.plan?.reviews !== undefined) return a.plan.reviews;
  return typeof a.reviews === 'number' ? a.reviews : undefined;
}

/** About two terms of support, or enough reviews of the plan, by what the person said. */
function timeEnough(a: A): boolean {
  const months = durationOf(a)?.months;
  const reviews = reviewsOf(a);
  return (months !== undefined && months >= TWO_TERMS_MONTHS) || (reviews !== undefined && reviews >= ENOUGH_REVIEWS);
}

/** The person said something about time or reviews, and it was short. Not knowing is not "short". */
function timeKnownShort(a: A): boolean {
  return !timeEnough(a) && (durationOf(a) !== undefined || reviewsOf(a) !== undefined);
}

/** Little or no progress, or some progress while the gap with others stays or widens (Code 6.17). */
function progressIsLow(a: A): boolean {
  return a.progress === 'little' || (a.progress === 'some' && (a.gap === 'same' || a.gap === 'widening'));
}

function capitalised(text: string): string {
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}

/** "since September 2026 (about 3 months)"; a label that already gives months is not repeated ("about 12 months"). */
export function howLong(duration: Duration): string {
  return /\bmonths?\b/.test(duration.label) ? duration.label : `${duration.label} (about ${Math.round(duration.months)} months)`;
}

function times(n: number): string {
  return n === 0 ? 'not yet' : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export const EHC_CHECK_QUESTIONS: ReadonlyArray<GuideQuestion<EhcCheckAnswers>> = [
  {
    id: 'onSenSupport',
    text: () => "Is your child on SEN support at school? That means on the school's SEN register (code K), getting extra help because of special educational needs.",
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes", "yeah since September", "no" or "not sure".',
    recognize: (text, now) => {
      const t = answerText(text);
      const yn = recognizeYesNo(t);
      const duration = recognizeDuration(yn ? yn.rest : t, now);
      if (yn) return duration && yn.value !== 'no' ? { value: yn.value, duration } : { value: yn.value };
      if (ON_REGISTER.test(t) || duration?.since) return duration ? { value: 'yes', duration } : { value: 'yes' };
      return undefined;
    },
  },
  {
    id: 'duration',
    when: (a) => onSupport(a) && !a.onSenSupport?.duration,
    text: () => 'How long has the support been in place?',
    suggestions: ['Less than a term', 'About two terms', 'A year or more'],
    example: 'For example "two terms", "since September", "about 6 months" or "a year and a half".',
    recognize: (text, now) => recognizeDuration(text, now) ?? (recognizeYesNo(text)?.value === 'unsure' ? UNSURE : undefined),
  },
  {
    id: 'plan',
    when: onSupport,
    text: () => 'Is there a written SEN support plan for your child (sometimes called a support plan or IEP)?',
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes", "yes, reviewed twice", "no" or "not sure".',
    recognize: (text) => {
      const yn = recognizeYesNo(text);
      if (!yn) return undefined;
      const reviews = yn.value === 'yes' && yn.rest ? recognizeCount(yn.rest) : undefined;
      return reviews !== undefined ? { value: yn.value, reviews } : { value: yn.value };
    },
  },
  {
    id: 'reviews',
    when: (a) => a.plan?.value === 'yes' && a.plan.reviews === undefined,
    text: () => 'How many times has the plan been reviewed with you? Each review ends one cycle of assess, plan, do, review.',
    suggestions: ['Not yet', 'Once', 'Twice or more'],
    example: 'For example "not yet", "once", "twice" or "3".',
    recognize: (text) => recognizeCount(text) ?? (recognizeYesNo(text)?.value === 'unsure' ? UNSURE : undefined),
  },
  {
    id: 'specialists',
    when: onSupport,
    text: () => 'Has the school asked for advice from a specialist, such as an educational psychologist, a speech and language therapist, an occupational therapist or a specialist teacher?',
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes, the educational psychologist", "SALT and OT", "no" or "not sure".',
    recognize: (text) => recognizeSpecialists(text),
  },
  {
    id: 'progress',
    when: onSupport,
    text: () => 'With the support, is your child making progress?',
    suggestions: ['Good progress', 'A little', 'Little or none'],
    example: 'For example "yes, good progress", "a bit", "not really" or "going backwards".',
    recognize: (text) => recognizeProgress(text),
  },
  {
    id: 'gap',
    when: (a) => onSupport(a) && a.progress === 'some',
    text: () => 'Compared with others their age, is your child catching up, staying as far behind, or falling further behind?',
    suggestions: ['Catching up', 'Staying as far behind', 'Falling further behind'],
    example: 'For example "catching up slowly", "still as far behind", "falling further behind" or "not sure".',
    recognize: (text) => recognizeGap(text),
  },
  {
    id: 'signs',
    text: () =>
      'Have any of these happened?\n' +
      WARNING_SIGNS.map((s, i) => `${i + 1}. ${capitalised(SIGN_LABELS[s])}`).join('\n') +
      '\n\nSay the numbers or describe them, or say "none of these".',
    suggestions: ['None of these', 'Not sure'],
    example: 'For example "1 and 3", "he\'s been excluded", "none of these" or "not sure".',
    recognize: (text) => recognizeWarningSigns(text),
  },
  {
    id: 'highNeeds',
    when: (a) => (a.signs?.signs.length ?? 0) === 0,
    text: () => "Are your child's needs severe or complex? For example, they need an adult with them for much of the day to learn, to stay safe or to communicate.",
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes, very severe", "no", "he needs 1:1 all day" or "not sure".',
    recognize: (text) => recognizeHighNeeds(text),
  },
];

export const HANDOFF_OFFER: GuideQuestion<EhcCheckAnswers> = {
  id: 'handoff',
  text: () => 'Would you like to talk this through with someone at your local SENDIASS?',
  suggestions: ['Yes please', 'No thanks'],
  example: 'For example "yes please" or "no thanks".',
  recognize: (text) => recognizeYesNo(text)?.value,
};

/**
 * Which of the three outcomes the answers point to. Never a prediction of the local
 * authority's decision, and never a gate the law does not set (CFA 2014 s.36(8)): a warning
 * sign (exclusion, a part-time timetable…) or severe needs point to asking now, on SEN support
 * or not; time on support and reviews are evidence, and every outcome says the family can ask
 * the council themselves at any time.
 */
export function ehcOutcome(a: A): EhcOutcome {
  const sen = a.onSenSupport?.value;
  const signs = a.signs?.signs ?? [];
  if (signs.length > 0 || a.highNeeds === 'yes') return 'consider-request';
  if (sen === 'no' || sen === undefined) return 'start-with-sen-support';
  if (progressIsLow(a) && !timeKnownShort(a)) return 'consider-request';
  if (sen === 'unsure' && a.plan?.value !== 'yes' && !timeEnough(a)) return 'start-with-sen-support';
  return 'keep-reviewing';
}

const OUTCOME_NAMES: Record<EhcOutcome, string> = {
  'start-with-sen-support': 'start with SEN support',
  'keep-reviewing': 'keep reviewing the support',
  'consider-request': 'consider asking for an EHC needs assessment now',
};

/**
 * "Should we request an EHC needs assessment?": asks, one at a time, whether the child is on
 * SEN support, for how long, whether there is a written plan and how often it has been
 * reviewed, whether specialist advice has been sought, whether the child is making progress
 * (and, for "some", whether the gap with others is closing), which of the warning signs in the
 * sources apply, and whether the child's needs are severe. Ends with one of three outcomes
 * (start with SEN support; keep reviewing; consider a request now) with reasons drawn from the
 * answers. It never sets a gate the law does not (a warning sign or severe needs point to asking
 * now, on SEN support or not), always says the family can ask the council themselves at any
 * time, and never promises a plan or predicts the local authority's decision; then a summary
 * card to copy into an email to the SENCO; then offers the SENDIASS hand-off.
 *
 * Contract with the root dialog: the dialog ends with a GuideResult. `{ handoff: true }` means
 * the person accepted the offer, and the root starts the SENDIASS hand-off on that result;
 * `{ handoff: false }` means they declined or skipped it, and the root does nothing more.
 */
export class EhcAssessmentCheckDialog extends GuideDialog<EhcCheckAnswers, 'ehc-assessment-check'> {
  constructor(deps: GuideDeps) {
    super(EHC_ASSESSMENT_CHECK_ID, 'ehc-assessment-check', deps, EHC_CHECK_QUESTIONS, HANDOFF_OFFER);
  }

  protected intro(): string {
    return 'I\'ll ask a few quick questions, one at a time, then say where things point and give you a summary to share with the SENCO. I can\'t say what the local authority will decide. Say "back" to change an answer, "skip" to leave one out, or "cancel" to stop.';
  }

  protected override closingResult(a: A): GuideResult {
    return { handoff: a.handoff === 'yes' };
  }

  protected override async farewell(context: TurnContext, result: GuideResult): Promise<void> {
    if (!result.handoff) await context.sendActivity('OK. You can ask me another question at any time, or say "talk to someone" if you change your mind.');
  }

  protected async conclude(context: TurnContext, a: A): Promise<void> {
    const channelId = context.activity.channelId;
    const outcome = ehcOutcome(a);
    const sections: AdviceSection[] = [];
    const key = `outcome-${outcome}` as GuideBlockKey<'ehc-assessment-check'>;
    const main = this.block(key);
    const reasons = this.reasons(a, outcome);
    sections.push({ ...main, title: undefined, text: reasons.length ? `${reasons.map((r) => `- ${r}`).join('\n')}\n\n${main.text}` : main.text });

    const signs = a.signs?.signs ?? [];
    if (a.highNeeds === 'yes') sections.push(this.block('high-needs'));
    for (const s of signs) sections.push(this.block(`sign-${s}`));
    if (outcome === 'consider-request' && !onSupport(a)) sections.push(this.block('ask-for-sen-support-too'));
    if (onSupport(a) && !timeEnough(a) && !timeKnownShort(a)) sections.push(this.block('ask-how-long'));
    if (outcome !== 'start-with-sen-support') {
      if (onSupport(a) && a.plan?.value !== 'yes') sections.push(this.block('gap-no-plan'));
      if (onSupport(a) && a.specialists && a.specialists.value !== 'yes') sections.push(this.block('gap-no-specialist'));
    }
    if (outcome === 'keep-reviewing') {
      if (a.progress === 'good' || a.gap === 'closing') sections.push(this.block('support-is-working'));
      else if (timeKnownShort(a)) sections.push(this.block('support-is-young'));
      sections.push(this.block('keep-evidence'));
    }
    if (outcome === 'consider-request') {
      sections.push(this.block('who-can-request'), this.block('decision-in-6-weeks'), this.block('possible-outcomes'));
    }
    // Every outcome: the family can ask the council themselves, at any time.
    sections.push(this.block('you-can-ask-yourself'));
    sections.push(this.block('no-promise'));

    await context.sendActivity(this.cardsOf.advice(`Where this points: ${OUTCOME_NAMES[outcome]}`, sections, channelId));
    for (const activity of this.cardsOf.summary(this.summary(a, outcome), channelId)) await context.sendActivity(activity);
    await context.sendActivity(this.block('sendiass').text);
  }

  /** The reasons, in the person's terms: what they said that led here. */
  private reasons(a: A, outcome: EhcOutcome): string[] {
    const r: string[] = [];
    const sen = a.onSenSupport?.value;
    const duration = durationOf(a);
    const reviews = reviewsOf(a);
    const signs = a.signs?.signs ?? [];
    if (sen === 'no') r.push('You said your child is not on SEN support yet.');
    if (sen === 'unsure') r.push("You weren't sure whether your child is on SEN support.");
    if (sen === undefined) r.push("You didn't say whether your child is on SEN support.");
    if (outcome === 'start-with-sen-support') {
      if (sen === 'unsure' && a.plan?.value !== 'yes') r.push("You don't know of a written SEN support plan.");
      return r;
    }
    if (a.highNeeds === 'yes') r.push("You said your child's needs are severe or complex.");
    if (duration) r.push(`The support has been in place ${duration.label.startsWith('since') ? duration.label : `for ${duration.label}`}${duration.months < TWO_TERMS_MONTHS ? ', which is less than about two terms' : ''}.`);
    if (reviews !== undefined) r.push(reviews === 0 ? 'The plan has not been reviewed yet.' : `The plan has been reviewed ${times(reviews)}.`);
    if (a.progress && a.progress !== 'unsure') r.push(`You said your child is ${PROGRESS_LABELS[a.progress]}.`);
    if (a.progress === 'unsure') r.push("You weren't sure about progress: ask the SENCO what the school's data shows.");
    if (a.gap && a.gap !== 'unsure') r.push(`You said your child is ${GAP_LABELS[a.gap]}.`);
    for (const s of signs) r.push(`You mentioned ${SIGN_LABELS[s]}.`);
    return r;
  }

  private summary(a: A, outcome: EhcOutcome): Summary {
    const duration = durationOf(a);
    const reviews = reviewsOf(a);
    const yesNo = (v: YesNo | undefined) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : v === 'unsure' ? 'Not sure' : 'Not answered');
    const facts = [{ label: 'On SEN support (SEN register, code K)', value: yesNo(a.onSenSupport?.value) }];
    if (onSupport(a)) {
      facts.push({ label: 'How long', value: duration ? howLong(duration) : a.duration === UNSURE ? 'Not sure' : 'Not answered' });
      facts.push({ label: 'Written SEN support plan', value: yesNo(a.plan?.value) });
      if (a.plan?.value === 'yes') facts.push({ label: 'Times reviewed', value: reviews !== undefined ? times(reviews) : a.reviews === UNSURE ? 'Not sure' : 'Not answered' });
      const sp = a.specialists;
      facts.push({ label: 'Specialist advice sought', value: sp ? `${yesNo(sp.value)}${sp.specialists.length ? ` (${sp.specialists.join(', ')})` : ''}` : 'Not answered' });
      facts.push({ label: 'Progress', value: a.progress ? (a.progress === 'unsure' ? 'Not sure' : PROGRESS_LABELS[a.progress]) : 'Not answered' });
      if (a.gap) facts.push({ label: 'Compared with others their age', value: a.gap === 'unsure' ? 'Not sure' : GAP_LABELS[a.gap] });
    }
    const signs = a.signs;
    facts.push({ label: 'Warning signs', value: !signs ? 'Not answered' : signs.signs.length ? signs.signs.map((s) => SIGN_LABELS[s]).join('; ') : signs.unsure ? 'Not sure' : 'None' });
    if (a.highNeeds) facts.push({ label: 'Severe or complex needs', value: yesNo(a.highNeeds) });

    const item = (key: GuideBlockKey<'ehc-assessment-check'>, note?: string): SummaryItem => ({ text: this.block(key).text, ...(note ? { note } : {}) });
    const checklist: SummaryItem[] = [
      item('evidence-plans', reviews ? `so far: reviewed ${times(reviews)}` : a.plan?.value === 'no' || reviews === 0 ? 'none yet: ask for one' : undefined),
      item('evidence-hours'),
      item('evidence-progress', a.progress && a.progress !== 'unsure' ? `at the moment: ${PROGRESS_LABELS[a.progress]}` : undefined),
      item('evidence-specialist', a.specialists?.specialists.length ? `so far: ${a.specialists.specialists.join(', ')}` : a.specialists?.value === 'no' ? 'none sought yet' : undefined),
    ];
    if (signs?.signs.some((s) => s === 'part-time' || s === 'excluded')) checklist.push(item('evidence-incidents'));
    checklist.push(item('evidence-views'));
    const keys: Array<GuideBlockKey<'ehc-assessment-check'>> = ['evidence-plans', 'evidence-hours', 'evidence-progress', 'evidence-specialist', 'evidence-views', 'you-can-ask-yourself', 'no-promise'];
    return {
      title: 'Summary to share with the SENCO',
      intro: "I'd like to talk about my child's SEN support and whether it is time to consider an EHC needs assessment. Here is where things are:",
      facts,
      outcome: `${capitalised(OUTCOME_NAMES[outcome])} (from the SEN support assistant's check; it is not a decision).`,
      checklistTitle: 'Evidence to gather',
      checklist,
      note: `${this.block('you-can-ask-yourself').text} ${this.block('no-promise').text}`,
      sources: keys.flatMap((k) => this.block(k).sources),
    };
  }
}
