import { answerText } from './answerText';
import { boundedText } from './boundedText';
import { recognizeYesNo } from './YesNoRecognizer';

/** How a child is getting on with the help they have. */
export type Progress = 'good' | 'some' | 'little' | 'unsure';

export const PROGRESS_LABELS: Record<Progress, string> = {
  good: 'making good progress',
  some: 'making some progress',
  little: 'making little or no progress',
  unsure: 'not sure',
};

const LITTLE =
  /\b(no progress|little or no|little to no|very little|little progress|hardly( any)?|barely|not much|not really|not at all|none|no( real)? (change|difference|improvement)|going backwards?|gone backwards|getting worse|got worse|worse|regress\w*|falling (further )?behind|fallen (further )?behind|stuck|static|plateau\w*|standing still|nothing'?s (changed|working)|not (making|made) (any )?progress|isn'?t (making|progressing)|not progressing|no better)\b/;
const SOME =
  /\b(a (little|bit)( bit)?|some( progress)?|slow(ly)?|small steps|partly|in (some|a few) (areas|ways|things)|up and down|on and off|patchy|mixed|a small amount|slight(ly)?|a tiny bit)\b/;
const GOOD =
  /\b(good progress|great progress|real progress|loads|lots|doing (well|great|better|brilliantly)|much better|a lot better|really well|improv\w*|better|making progress|progressing|coming on|flying|thriving|yes|yeah|yep)\b/;

/**
 * Progress from answers like "not really", "a bit", "going backwards", "yes loads",
 * "some, slowly", "dunno". Undefined when the answer does not say.
 */
export function recognizeProgress(input: string): Progress | undefined {
  const text = answerText(boundedText(input));
  if (!text) return undefined;
  const yn = recognizeYesNo(text);
  if (yn?.value === 'unsure' && !SOME.test(text)) return 'unsure';
  if (LITTLE.test(text)) return 'little';
  if (SOME.test(text)) return 'some';
  if (GOOD.test(text)) return 'good';
  if (yn) return yn.value === 'yes' ? 'good' : yn.value === 'no' ? 'little' : 'unsure';
  return undefined;
}
