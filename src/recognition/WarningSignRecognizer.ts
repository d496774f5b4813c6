import { answerText } from './answerText';
import { boundedText } from './boundedText';
import { numbersIn } from './numberWords';
import { TypoMender } from './TypoMender';

/**
 * Signs in the sources that the help a school gives may not be enough (Buckinghamshire
 * SENDIAS, "When SEN Support is not enough"). The order is the order the question lists them.
 */
export const WARNING_SIGNS = ['part-time', 'excluded', 'no-progress-despite-help', 'cannot-keep-up', 'moving'] as const;
export type WarningSign = (typeof WARNING_SIGNS)[number];

export interface WarningSignAnswer {
  signs: WarningSign[];
  unsure: boolean;
}

const mender = new TypoMender(['excluded', 'exclusion', 'exclusions', 'suspended', 'suspension', 'timetable', 'transition', 'secondary', 'progress', 'funding', 'support']);

const PATTERNS: Record<WarningSign, RegExp> = {
  'part-time': /\b(part[\s-]?time|reduced (timetable|hours|days?)|half days?|short(ened)? (days?|timetable)|mornings only|only (goes|go|in) (in )?(the )?mornings?|taught (on (his|her|their) own|alone|separately|1:1|one to one)|on (his|her|their) own (all|most)|isolation|in the corridor)\b/,
  excluded: /\b(exclu\w*|suspen\w*|sent home|kicked out|expelled|managed move)\b/,
  'no-progress-despite-help': /\b((lot|lots|loads|tons) of (help|support)|help (but|and) (no|little|not)|support (but|and) (no|little|not)|still (no|not|isn'?t)|no progress|not (making|made) (any )?progress|not progressing)\b/,
  'cannot-keep-up': /\b(can'?t (keep|afford|sustain|continue|fund)|cannot (keep|afford|sustain|continue|fund)|(help|support|funding|ta|1:1|one to one)( \w+)? (might|may|will|is going to|could|about to|has to|have to|had to) (stop|end|finish|be cut|run out)|run(ning)? out of (money|funding)|no (more )?(money|funding|budget)|more help than|keep (it|this|that) up|stretched|cutting (back|his|her|their)|being (cut|reduced))\b/,
  moving: /\b(mov(e|es|ing) (to|up|school|schools|on)|transition\w*|start(ing|s)? (secondary|college|high school|year 7|reception|sixth form)|going (up )?to (secondary|college|high school)|new (school|college|setting)|chang(e|es|ing) (school|schools|setting)|next (school|year'?s school))\b/,
};

const NONE = /^(none|no|nope|nah|none of (these|them|those|the above|that)|nothing|neither|not really|no none|nothing like that|none apply|no to all|all no|no,? none( of (these|them|those))?)$/;
const UNSURE = /\b(not sure|dunno|don'?t know|no idea|unsure|maybe|possibly)\b/;

/**
 * Which warning signs apply, from "part time timetable and he's been excluded twice",
 * "1 and 3", "2, 5", "none of these", "not sure". Undefined when the answer names none of
 * them and does not say "none".
 */
export function recognizeWarningSigns(input: string): WarningSignAnswer | undefined {
  const text = mender.mend(answerText(boundedText(input)));
  if (!text) return undefined;
  if (NONE.test(text)) return { signs: [], unsure: false };
  const found = new Set<WarningSign>();
  for (const sign of WARNING_SIGNS) if (PATTERNS[sign].test(text)) found.add(sign);
  // Numbers pick from the list ("1 and 3") when the answer is only numbers and joining words.
  if (/^[\d\s,&+and]+$/.test(text.replace(/\bnumbers?\b/g, ''))) {
    for (const n of numbersIn(text)) if (Number.isInteger(n.value) && n.value >= 1 && n.value <= WARNING_SIGNS.length) found.add(WARNING_SIGNS[n.value - 1]);
  }
  const signs = WARNING_SIGNS.filter((s) => found.has(s));
  const unsure = UNSURE.test(text);
  if (signs.length === 0 && !unsure) return undefined;
  return { signs, unsure: unsure && signs.length === 0 };
}
