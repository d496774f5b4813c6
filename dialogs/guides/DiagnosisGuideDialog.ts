import type { TurnContext } from 'botbuilder';
import { recognizeYesNo, type YesNo } from '../../src/recognition/YesNoRecognizer';
import { answerText } from '../../src/recognition/answerText';
import { GuideDialog, type GuideDeps } from './GuideDialog';
import type { GuideQuestion } from './GuideQuestion';
import type { AdviceSection } from './GuideCards';

export const DIAGNOSIS_GUIDE_ID = 'diagnosisGuide';

export interface DiagnosisAnswers {
  /** Has anyone said a diagnosis is needed before help (or before asking for an assessment)? */
  toldNeeded: YesNo;
  /** Is a diagnostic assessment already being sought (a referral, a waiting list)? */
  assessmentSought: YesNo;
}

type A = Partial<DiagnosisAnswers>;

/** Areas whose route to a diagnostic assessment the sources describe. */
const AREA_ROUTES = { lancashire: 'routes-lancashire', buckinghamshire: 'routes-buckinghamshire' } as const;

const ON_THE_WAY = /\b(waiting list|on the list|on a list|been referred|referred|referral|waiting for (an |the |his |her |their )?(assessment|appointment|diagnosis)|on the pathway|assessment (is )?booked|appointment (is )?booked)\b/;
const TOLD = /\b(school|nursery|college|senco|teacher|council|they|gp|doctor)\b.*\b(said|says|told|tell|telling|want|wants)\b/;

export const DIAGNOSIS_QUESTIONS: ReadonlyArray<GuideQuestion<DiagnosisAnswers>> = [
  {
    id: 'toldNeeded',
    text: () => 'Has anyone (the school, nursery or college, or someone else) said your child needs a diagnosis before they can get help, or before you can ask for an EHC needs assessment?',
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes, the school said so", "no" or "not sure".',
    recognize: (text) => {
      const yn = recognizeYesNo(text);
      if (yn) return yn.value;
      return TOLD.test(answerText(text)) ? 'yes' : undefined;
    },
  },
  {
    id: 'assessmentSought',
    text: () => 'Is an assessment for a diagnosis already being sought: for example a referral made, or your child on a waiting list?',
    suggestions: ['Yes', 'No', 'Not sure'],
    example: 'For example "yes, we\'re on the waiting list", "not yet" or "not sure".',
    recognize: (text) => {
      const t = answerText(text);
      const yn = recognizeYesNo(t);
      if (yn?.value === 'no' && !/^(no|not yet|nope)\b.*\b(but|waiting)\b/.test(t)) return 'no';
      if (ON_THE_WAY.test(t)) return 'yes';
      return yn?.value;
    },
  },
];

/**
 * "Do we need a diagnosis?": asks whether anyone has said a diagnosis is needed first and
 * whether an assessment is already being sought; then explains that support and an EHC needs
 * assessment rest on need, not a diagnosis, that parents should not be asked to pay, the routes
 * to an assessment (by area, where the sources differ), what a private diagnosis can and cannot
 * do, and that asking for an EHC needs assessment does not speed up a diagnosis.
 */
export class DiagnosisGuideDialog extends GuideDialog<DiagnosisAnswers, 'diagnosis'> {
  constructor(deps: GuideDeps) {
    super(DIAGNOSIS_GUIDE_ID, 'diagnosis', deps, DIAGNOSIS_QUESTIONS);
  }

  protected intro(): string {
    return 'I\'ll ask two quick questions, then explain where a diagnosis fits in. Say "back" to change an answer, or "cancel" to stop.';
  }

  protected async conclude(context: TurnContext, a: A): Promise<void> {
    const channelId = context.activity.channelId;

    const need: AdviceSection[] = [this.block('based-on-need')];
    if (a.toldNeeded === 'yes' || a.toldNeeded === 'unsure') need.push(this.block('told-diagnosis-first'));
    need.push(this.block('no-paying'));
    await context.sendActivity(
      this.cardsOf.advice(a.toldNeeded === 'yes' ? 'Your child does not need a diagnosis to get help' : 'Support does not wait for a diagnosis', need, channelId),
    );

    // The first block's title heads the card, so the block itself is shown without it.
    const lead = this.block(a.assessmentSought === 'yes' ? 'while-waiting' : 'routes-general');
    const routes: AdviceSection[] = [{ ...lead, title: undefined }];
    if (a.assessmentSought === 'yes') {
      routes.push(this.block('share-results'));
    } else {
      const areaName = await this.deps.area?.(context);
      const area = areaName?.toLowerCase();
      const local = area && area in AREA_ROUTES ? [AREA_ROUTES[area as keyof typeof AREA_ROUTES]] : area ? [] : (Object.values(AREA_ROUTES) as Array<(typeof AREA_ROUTES)[keyof typeof AREA_ROUTES]>);
      for (const key of local) routes.push(this.block(key));
      if (area && local.length === 0) {
        routes.push({
          text: `I don't have the referral route for ${areaName}: your GP, the SENCO or your local SENDIASS can tell you how it works where you live.`,
          sources: [],
        });
      }
      routes.push(this.block('right-to-choose'));
    }
    await context.sendActivity(this.cardsOf.advice(lead.title as string, routes, channelId));

    const privately = this.block('private-diagnosis');
    await context.sendActivity(this.cardsOf.advice(privately.title as string, [{ ...privately, title: undefined }, this.block('ehc-does-not-speed-up')], channelId));
  }
}
