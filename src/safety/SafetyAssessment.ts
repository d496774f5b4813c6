/**
 * What the safety check decides about one message. Plain TypeScript: no Bot Framework here.
 *
 * - `urgent`: someone is at risk now. Interrupt whatever else is going on and show urgent help.
 * - `support`: self-harm, suicide or abuse is the subject, but nobody is said to be at risk now.
 *   Answer as usual and show the crisis contacts with the answer.
 * - `none`: nothing to do with risk.
 */
export type SafetyOutcome = 'urgent' | 'support' | 'none';

/** Kinds of risk now; each has its route (see urgentTopicFor). */
export const URGENT_KINDS = [
  'suicidal',
  'plan-means',
  'farewell',
  'self-harm',
  'overdose',
  'ligature',
  'missing',
  'danger-from-other',
  'abuse-disclosure',
  'carer-crisis',
  'medical-emergency',
  /** The person asked for urgent help ("Urgent help", the Teams command, the page's button). */
  'asked',
] as const;
export type UrgentKind = (typeof URGENT_KINDS)[number];

/** What a support-level message is about. */
export const SUPPORT_KINDS = ['suicide-topic', 'self-harm-topic', 'bereaved-by-suicide', 'abuse-topic'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export type SafetyKind = UrgentKind | SupportKind;

/** Which layer decided. */
export type SafetyLayer = 'command' | 'lexical' | 'semantic';

export interface SafetyAssessment {
  outcome: SafetyOutcome;
  kind?: SafetyKind;
  layer?: SafetyLayer;
  /** For an abuse disclosure: the writer seems to be the child it is happening to ("my dad hits me"). */
  selfDisclosure?: boolean;
  /** Why, in a few words, for the evaluation report and tests (never logged with the text). */
  reason?: string;
}

export const NO_RISK: SafetyAssessment = { outcome: 'none' };

/** The one interface the bot, the API and the command line use. */
export interface SafetyCheck {
  assess(text: string): Promise<SafetyAssessment>;
}

/**
 * The line that ends every "I don't have a checked answer" reply and every guide re-prompt, so
 * that a miss is never a dead end. Both numbers are in ../shared/sources/national-facts.md,
 * "Urgent help (UK)".
 */
export const SAFETY_LINE = 'If someone is in danger now, call 999. Samaritans: 116 123.';

/** The knowledge-base answer shown for each urgent kind. */
export const URGENT_HELP_TOPIC = 'urgent-help';
export const WORRIED_ABOUT_A_CHILD_TOPIC = 'worried-about-a-child';
export const ABUSE_HELP_YOUNG_PERSON_TOPIC = 'someone-is-hurting-me';
export const MEDICAL_EMERGENCY_TOPIC = 'medical-emergency';

export function urgentTopicFor(a: Pick<SafetyAssessment, 'kind' | 'selfDisclosure'>): string {
  switch (a.kind) {
    case 'abuse-disclosure':
      return a.selfDisclosure ? ABUSE_HELP_YOUNG_PERSON_TOPIC : WORRIED_ABOUT_A_CHILD_TOPIC;
    case 'medical-emergency':
      return MEDICAL_EMERGENCY_TOPIC;
    default:
      return URGENT_HELP_TOPIC;
  }
}

/** The more serious of two assessments (urgent over support over none); on a tie, the first. */
export function moreSerious(a: SafetyAssessment, b: SafetyAssessment): SafetyAssessment {
  const rank = { urgent: 2, support: 1, none: 0 } as const;
  return rank[b.outcome] > rank[a.outcome] ? b : a;
}
