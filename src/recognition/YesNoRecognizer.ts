import { Culture, recognizeBoolean } from '@microsoft/recognizers-text-suite';
import { answerText } from './answerText';
import { boundedText } from './boundedText';

export type YesNo = 'yes' | 'no' | 'unsure';

export interface YesNoAnswer {
  value: YesNo;
  /** What followed the yes or no ("yeah since sept" → "since sept"), for a second reading. */
  rest: string;
}

/** "Dunno" is an answer. Hedges are checked first: "not sure" must not read as "sure". */
const UNSURE =
  /\b(dunno|dno|don'?t know|do not know|not sure|unsure|no idea|idk|not certain|uncertain|maybe|possibly|perhaps|might be|could be|hard to say|no clue|can'?t remember|cannot remember|can'?t say|sort of|kind of|kinda|sorta|partly|in a way|yes and no|not that sure|i'?m not sure|unclear|i think maybe|who knows|don'?t no)\b/;
const NO =
  /^(no+|nope|nah+|naw|na|n|not really|not yet|never|none|nothing|not at all|no way|negative|not as far as i know|not that i know( of)?|i don'?t think so|don'?t think so|i do not think so|definitely not|certainly not|absolutely not|hardly|not much|not any|no not|not)\b/;
const NEGATED =
  /^((he|she|they|it|we|i|you|there|the school|school|my (son|daughter|child))('?s|'?re)?\s+)?(isn'?t|is not|aren'?t|are not|hasn'?t|has not|haven'?t|have not|doesn'?t|does not|don'?t|do not|wasn'?t|was not|weren'?t|were not|didn'?t|did not|won'?t|will not|can'?t|cannot|hasnt|havent|doesnt|dont|isnt|arent|didnt|not)\b/;
const YES =
  /^(ye+s+|yeah+|yea+|yeh+|ye+p+|yup+|ya+|yah+|yas|aye|y|ok|okay|sure|definitely|absolutely|of course|certainly|correct|right|that'?s right|indeed|i think so|think so|i believe so|i reckon so|believe so|we have|they have|they do|he is|she is|he has|she has|he does|she does|it is|they are|we do|there is|there are|yes please|please|affirmative|true|totally|100%|👍)\b/;

/**
 * Yes, no or unsure from the way people answer: "yep", "yeah since sept", "not really",
 * "nope", "dunno", "no idea", "he isn't", "I think so". Undefined when the text is neither.
 * Plain TypeScript over recognizers-text 1.3.1's boolean model, which catches what the
 * patterns miss.
 */
export function recognizeYesNo(input: string): YesNoAnswer | undefined {
  const text = answerText(boundedText(input));
  if (!text) return undefined;
  const unsure = UNSURE.exec(text);
  if (unsure) return { value: 'unsure', rest: restAfter(text, unsure) };
  const no = NO.exec(text) ?? NEGATED.exec(text);
  if (no) return { value: 'no', rest: restAfter(text, no) };
  const yes = YES.exec(text);
  if (yes) return { value: 'yes', rest: restAfter(text, yes) };
  const found = recognizeBoolean(text, Culture.English)[0];
  if (found && (found.resolution as { score?: number }).score !== undefined && found.start === 0) {
    const value = (found.resolution as { value: boolean }).value;
    return { value: value ? 'yes' : 'no', rest: text.slice(found.end + 1).replace(/^[\s,.;:!-]+/, '') };
  }
  return undefined;
}

function restAfter(text: string, m: RegExpExecArray): string {
  return text.slice(m.index + m[0].length).replace(/^[\s,.;:!-]+/, '').trim();
}
