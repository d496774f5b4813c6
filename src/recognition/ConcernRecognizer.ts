import { answerText } from './answerText';
import { boundedText, FREE_TEXT_BOUNDS } from './boundedText';
import { TypoMender } from './TypoMender';

/**
 * The four broad areas of need a school looks at (Lancashire SEND IAS, "SEN support"),
 * and a few worries the knowledge base answers on their own.
 */
export type NeedArea = 'learning' | 'communication' | 'social-emotional' | 'physical-sensory';
export type ConcernTopic = 'behaviour' | 'anxiety' | 'attendance' | 'speech' | 'diagnosis';

export interface Concerns {
  areas: NeedArea[];
  topics: ConcernTopic[];
}

export const NEED_AREA_LABELS: Record<NeedArea, string> = {
  learning: 'learning and cognition',
  communication: 'language and communication',
  'social-emotional': 'social and emotional needs and mental wellbeing',
  'physical-sensory': 'physical and sensory needs',
};

const mender = new TypoMender([
  'reading', 'writing', 'spelling', 'maths', 'dyslexia', 'dyspraxia', 'concentration', 'behaviour', 'meltdowns', 'anxiety',
  'anxious', 'friends', 'speech', 'language', 'talking', 'hearing', 'eyesight', 'autism', 'autistic', 'diagnosis', 'attendance',
  'school', 'refusing', 'sensory', 'toileting', 'handwriting', 'emotional', 'learning',
]);

const AREAS: Record<NeedArea, RegExp> = {
  learning: /\b(read\w*|writ\w*|spell\w*|maths?|numbers|phonics|dyslexi\w*|dyscalculi\w*|learning|behind|keep(ing)? up|understand\w*|memory|remember\w*|concentrat\w*|focus\w*|attention|adhd|processing|homework|grades?|sats|gcses?|struggl\w* (in|with) (class|lessons|school ?work))\b/,
  communication: /\b(speech|speak\w*|talk\w*|language|words|communicat\w*|stammer\w*|stutter\w*|understand(ing)? instructions|non[\s-]?verbal|verbal|salt|autis\w*|asd|asc|social communication)\b/,
  'social-emotional': /\b(anxi\w*|worr\w*|mental health|low mood|depress\w*|self[\s-]?esteem|confidence|friends?\w*|lonely|bull\w*|behaviou?r\w*|meltdown\w*|tantrum\w*|angry|anger|lash\w* out|hitting|aggress\w*|upset|distress\w*|emotion\w*|regulat\w*|school (refus\w*|avoid\w*)|won'?t go to school|refus\w* to go|attendance|ebsa|autis\w*|asd|adhd)\b/,
  'physical-sensory': /\b(physical\w*|sensory|hearing|deaf\w*|eyesight|sight|visual\w*|vision|blind|motor|coordination|dyspraxi\w*|handwriting|toilet\w*|continence|wheelchair|mobility|walking|epilep\w*|medical|noise|noisy|dressing|eating)\b/,
};

const TOPICS: Record<ConcernTopic, RegExp> = {
  behaviour: /\b(behaviou?r\w*|meltdown\w*|tantrum\w*|lash\w* out|hitting|kicking|biting|aggress\w*|angry|anger|violent|rocking|head[\s-]?bang\w*|hiding)\b/,
  anxiety: /\b(anxi\w*|worr(y|ied|ies) (a lot|all the time)|mental health|low mood|depress\w*|self[\s-]?esteem|panic\w*)\b/,
  attendance: /\b(school (refus\w*|avoid\w*|non[\s-]?attendance)|won'?t go (in|to school)|refus\w* to (go|attend)|not going (in|to school)|attendance|ebsa|ebsna)\b/,
  speech: /\b(speech|talk(ing)? (late|yet)|late talk\w*|not talking|language delay|stammer\w*|stutter\w*|salt)\b/,
  diagnosis: /\b(diagnos\w*|assess(ed|ment) for (autism|adhd)|autis\w*|adhd|asd|dyslexi\w*|waiting list)\b/,
};

/**
 * What a worry is about, from free text ("he can't read and gets really anxious"): the areas
 * of need it touches and the topics the knowledge base answers. Empty when it says nothing
 * recognisable: a worry is always accepted. The text itself is not kept.
 */
export function recognizeConcerns(input: string): Concerns {
  const text = mender.mend(answerText(boundedText(input, FREE_TEXT_BOUNDS)));
  const areas = (Object.keys(AREAS) as NeedArea[]).filter((a) => AREAS[a].test(text));
  const topics = (Object.keys(TOPICS) as ConcernTopic[]).filter((t) => TOPICS[t].test(text));
  return { areas, topics };
}
