import { answerText } from './answerText';
import { boundedText } from './boundedText';
import { TypoMender } from './TypoMender';
import { recognizeYesNo, type YesNo } from './YesNoRecognizer';

export interface SpecialistAnswer {
  value: YesNo;
  /** The specialists named, in plain words ("educational psychologist"). */
  specialists: string[];
}

const mender = new TypoMender(['educational', 'psychologist', 'psychology', 'occupational', 'therapist', 'therapy', 'specialist', 'teacher', 'paediatrician', 'physiotherapist', 'language', 'speech']);

const SPECIALISTS: Array<[string, RegExp]> = [
  ['educational psychologist', /\b(educational psychologist|ed(ucational)? psych(ologist)?|psychologist|ep|eps|educational psychology)\b/],
  ['speech and language therapist', /\b(speech and language|speech (therapist|therapy)|salt|slt|language therapist)\b/],
  ['occupational therapist', /\b(occupational (therapist|therapy)|ot)\b/],
  ['specialist teacher', /\b(specialist teachers?|advisory teachers?|outreach( team| teacher)?|inclusion team|sensory (support )?(team|service)|teacher of the deaf|qualified teacher of)\b/],
  ['CAMHS or mental health team', /\b(camhs|mental health (team|service|support team)|mhst|healthy young minds)\b/],
  ['paediatrician', /\b(paediatrician|pediatrician|community paediatrics?)\b/],
  ['physiotherapist', /\b(physio(therapist)?)\b/],
];

/**
 * Whether a school has asked for specialist advice, and whose: "yes the EP came in",
 * "SALT and OT", "no", "not that I know of", "dunno". Naming a specialist counts as yes.
 */
export function recognizeSpecialists(input: string): SpecialistAnswer | undefined {
  const text = mender.mend(answerText(boundedText(input)));
  if (!text) return undefined;
  const yn = recognizeYesNo(text);
  const specialists = SPECIALISTS.filter(([, p]) => p.test(text)).map(([name]) => name);
  if (yn?.value === 'no' && specialists.length > 0 && /^(not yet|no,? (but|not yet)|no)\b.*\b(waiting|referr\w*|asked for|on the list)\b/.test(text)) {
    // "no, but they've referred to SALT": asked for, still waiting: counts as sought.
    return { value: 'yes', specialists };
  }
  if (yn) return { value: yn.value === 'no' ? 'no' : specialists.length ? 'yes' : yn.value, specialists: yn.value === 'no' ? [] : specialists };
  if (specialists.length) return { value: 'yes', specialists };
  return undefined;
}
