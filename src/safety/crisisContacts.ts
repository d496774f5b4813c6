import type { SupportKind } from './SafetyAssessment';

/** One contact line, with what a tap does: ring a number (`tel`) or start a text (`sms`, `smsBody`). */
export interface ContactLine {
  text: string;
  tel?: string;
  sms?: string;
  smsBody?: string;
}

/**
 * The contacts shown with an answer when self-harm or suicide is the subject (support): the
 * national numbers of ../shared/sources/national-facts.md, "Urgent help (UK)", word for word
 * in substance. No number here that the sources do not give (tests/safety check each one).
 */
export const CRISIS_CONTACTS: readonly ContactLine[] = [
  { text: 'If someone is in danger now, call 999 or go to A&E.', tel: '999' },
  { text: 'Samaritans: call 116 123, free, any time.', tel: '116123' },
  { text: 'Childline (under 19s): call 0800 1111, free.', tel: '08001111' },
  { text: 'Shout: text SHOUT to 85258, free, any time.', sms: '85258', smsBody: 'SHOUT' },
  { text: 'PAPYRUS HOPELINE247 (under 35s with thoughts of suicide, or anyone worried about a young person): call 0800 068 4141.', tel: '08000684141' },
  { text: 'NHS 111: call and choose the mental health option.', tel: '111' },
];

/** The contacts shown when abuse is the subject: "Safeguarding: worried about a child". */
export const SAFEGUARDING_CONTACTS: readonly ContactLine[] = [
  { text: 'If a child is in immediate danger, call the police on 999.', tel: '999' },
  { text: "Worried a child is being abused or neglected: contact the council's children's social care team, or the police on 101 if it is not an emergency.", tel: '101' },
  { text: 'NSPCC helpline, for adults worried about a child: 0808 800 5000, or report online at nspcc.org.uk.', tel: '08088005000' },
  { text: 'Childline, for children and young people: call 0800 1111, free.', tel: '08001111' },
];

export function contactsFor(kind: SupportKind | string | undefined): readonly ContactLine[] {
  return kind === 'abuse-topic' ? SAFEGUARDING_CONTACTS : CRISIS_CONTACTS;
}

/** The heading shown above support contacts. */
export function contactsHeading(kind: SupportKind | string | undefined): string {
  return kind === 'abuse-topic' ? 'If you are worried about a child' : 'If you or someone else is struggling';
}
