import { answerText } from './answerText';
import { boundedText } from './boundedText';
import { numbersIn } from './numberWords';
import { saysAMomentNotALength } from './momentWords';

const ZERO = /\b(none|no( reviews?| times?| cycles?)?|not yet|never|not once|zero|nil|nothing|hasn'?t been|haven'?t been|not been reviewed)\b/;
const WORDS: Array<[RegExp, number]> = [
  [/\bonce\b/, 1],
  [/\btwice\b/, 2],
  [/\b(a )?couple( of)?\b/, 2],
  [/\b(a few|several|a handful|a number of times|lots|loads|many|a lot)\b/, 3],
];

/**
 * A count from how people say one: "3", "three", "twice", "a couple of times", "none yet",
 * "once". "A few", "several" and "lots" count as 3: more than a couple. Undefined when no count
 * is given. Plain TypeScript over recognizers-text 1.3.1's number model.
 */
export function recognizeCount(input: string): number | undefined {
  const text = answerText(boundedText(input));
  if (!text) return undefined;
  // "two hours ago", "at 3pm": a time, not a count.
  if (saysAMomentNotALength(text)) return undefined;
  const nums = numbersIn(text).filter((n) => Number.isInteger(n.value) && n.value >= 0 && n.value <= 100);
  if (nums.length > 0) return nums[0].value;
  for (const [pattern, n] of WORDS) if (pattern.test(text)) return n;
  if (ZERO.test(text)) return 0;
  return undefined;
}
