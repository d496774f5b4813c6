import type { GuideRegistration } from '../GuideRegistration';
import { SenSupportGuideDialog, SEN_SUPPORT_GUIDE_ID } from './SenSupportGuideDialog';
import { DiagnosisGuideDialog, DIAGNOSIS_GUIDE_ID } from './DiagnosisGuideDialog';
import { EhcAssessmentCheckDialog, EHC_ASSESSMENT_CHECK_ID } from './EhcAssessmentCheckDialog';
import type { GuideDeps } from './GuideDialog';

/** Words that ask to be taken through something, rather than asking a question. */
const GUIDE_ME = String.raw`\b(help me (to )?(work out|decide|figure out|check|think through|understand)|walk me through|guide me|take me through|go through (it|this|that|my|our|the)|talk me through|check (if|whether)|work out (if|whether)|help (us|me) decide)\b`;

/** A request to be guided that names the topic: both must be there. */
function asksFor(topic: string): RegExp {
  return new RegExp(`^(?=.*${GUIDE_ME})(?=.*${topic})`, 'i');
}

/**
 * The three guided conversations, for the root dialog: each with its menu title (the guide's
 * title in knowledge/guides), the answers after which it is offered, and the words that start it.
 */
export function createGuides(deps: GuideDeps): GuideRegistration[] {
  return [
    {
      id: EHC_ASSESSMENT_CHECK_ID,
      title: deps.content.title('ehc-assessment-check'),
      offerAfter: ['when-to-request-ehc-needs-assessment', 'how-to-request-ehc-needs-assessment'],
      startPhrases: [asksFor(String.raw`\b(ehc|ehcp|ehcna|needs assessment|education,? health and care|statutory assessment)\b`), /^\s*(ehc|ehcp|ehcna) (check|checker)\s*$/i],
      dialog: new EhcAssessmentCheckDialog(deps),
    },
    {
      id: DIAGNOSIS_GUIDE_ID,
      title: deps.content.title('diagnosis'),
      offerAfter: ['diagnosis-not-needed', 'getting-a-diagnosis'],
      startPhrases: [asksFor(String.raw`\b(diagnos\w*|dx|a label|assessed for (autism|adhd))\b`)],
      dialog: new DiagnosisGuideDialog(deps),
    },
    {
      id: SEN_SUPPORT_GUIDE_ID,
      title: deps.content.title('sen-support'),
      offerAfter: ['what-is-sen-support'],
      startPhrases: [asksFor(String.raw`\b(sen support|send support|support (at|in) school|what support|extra help|help at school|sen register)\b`)],
      dialog: new SenSupportGuideDialog(deps),
    },
  ];
}
