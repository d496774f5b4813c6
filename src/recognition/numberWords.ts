import { Culture, recognizeNumber } from '@microsoft/recognizers-text-suite';

/** Every number in the text, in order, as recognizers-text reads them ("seven" → 7, "one and a half" → 1.5). */
export function numbersIn(text: string): Array<{ value: number; start: number; end: number; text: string }> {
  return recognizeNumber(text, Culture.English)
    .map((r) => ({ value: Number((r.resolution as { value?: string }).value), start: r.start, end: r.end, text: r.text }))
    .filter((n) => Number.isFinite(n.value));
}

/** One number given alone ("7", "seven", "twelve"), or undefined. */
export function numberWord(text: string): number | undefined {
  const found = numbersIn(text);
  return found.length === 1 && found[0].text.length === text.trim().length ? found[0].value : undefined;
}
