import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** No answer body may read above this Flesch-Kincaid grade (about reading age 14). */
export const MAX_ANSWER_GRADE = 9;
/** The median grade across all answers may be at most this (about reading age 12). */
export const MAX_MEDIAN_GRADE = 7;

export interface Readability {
  /** Flesch-Kincaid grade level (US school grade; reading age is about grade + 5). */
  grade: number;
  words: number;
  sentences: number;
}

/**
 * The sentences of a Markdown answer as plain text. Each list item, heading or line counts as a
 * sentence of its own (that is how a phone shows it), and so does each `.`, `!` or `?`-ended
 * sentence inside a line. Markdown marks, link targets and bullets are dropped.
 */
export function plainSentences(markdown: string): string[] {
  const sentences: string[] = [];
  for (const rawLine of markdown.split(/\r?\n/)) {
    const line = rawLine
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s*(?:#+|[-*+]|\d+\.)\s+/, '')
      .replace(/[*_`>]/g, '')
      .trim();
    if (!line) continue;
    for (const s of line.split(/(?<=[.!?:])\s+(?=\S)/)) {
      if (/[A-Za-z0-9]/.test(s)) sentences.push(s.trim());
    }
  }
  return sentences;
}

/** The words of a sentence: runs of letters or digits (with their inner apostrophes, hyphens, commas and points). */
export function wordsOf(sentence: string): string[] {
  return sentence.match(/[A-Za-z0-9£][A-Za-z0-9'’,.\-/£%]*/g)?.map((w) => w.replace(/[,.'’]+$/, '')) ?? [];
}

/**
 * Flesch-Kincaid grade of a Markdown answer, with the `flesch-kincaid` formula and the
 * `syllable` counter (both pinned in package.json). A word the counter gives no syllable
 * (a number, an initialism) counts as one.
 */
export function readability(markdown: string): Readability {
  const sentences = plainSentences(markdown);
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
  const grade = words.length === 0 ? 0 : fleschKincaid({ sentence: Math.max(1, sentences.length), word: words.length, syllable: syllables });
  return { grade: Math.round(grade * 10) / 10, words: words.length, sentences: sentences.length };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

export interface ReadabilityFigures {
  answers: number;
  median: number;
  max: number;
  overLimit: number;
  /** The hardest answers first: [file, grade]. */
  hardest: Array<[string, number]>;
}

/** The figures kb:check prints: median, maximum and the hardest answers' Flesch-Kincaid grades. */
export function readabilityFigures(answers: ReadonlyArray<{ file: string; body: string }>): ReadabilityFigures {
  const graded = answers.map((a) => [a.file, readability(a.body).grade] as [string, number]).sort((x, y) => y[1] - x[1]);
  const grades = graded.map(([, g]) => g);
  return {
    answers: graded.length,
    median: median(grades),
    max: grades[0] ?? 0,
    overLimit: grades.filter((g) => g > MAX_ANSWER_GRADE).length,
    hardest: graded.slice(0, 5),
  };
}
