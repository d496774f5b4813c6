import type { SourceRef } from './Answer';

/**
 * Numbers are the facts a wrong edit changes most easily (6 weeks to 8 weeks, £6,000 to £8,000, a
 * phone number): each figure an answer or guide block gives must appear in one of its cited
 * quotes, or in the cited section of a cited source.
 */

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', sixteen: '16', eighteen: '18', twenty: '20', 'twenty-five': '25',
};
const UNIT = String.raw`(?:school\s+)?(?:weeks?|days?|months?|terms?|years?|hours?|minutes?|cycles?|times|reviews?)`;
const PHONE_LIKE = /(?<![\d.,])(?:0\d{2,4}(?: \d{3,4}){1,2}|116 123)(?![\d])/g;
const NUMBER = /(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])/g;
const WORD_FIGURE = new RegExp(String.raw`\b(${Object.keys(NUMBER_WORDS).join('|')})\s+${UNIT}\b`, 'gi');

/** A figure in a text: as written, and the forms that count as the same figure in a source. */
export interface Figure {
  written: string;
  forms: string[];
}

/** Drops the thousands commas and the bold marks, so "**£6,000**" reads as "£6000". */
function normalise(text: string): string {
  return text.replace(/\*/g, '').replace(/(\d),(\d{3})(?!\d)/g, '$1$2').replace(/\s+/g, ' ');
}

/** The figures in `text`: phone numbers whole, other numbers one by one, and "two terms"-style number words. */
export function figuresIn(text: string): Figure[] {
  const figures: Figure[] = [];
  // A numbered list's "1." is layout, not a figure.
  let rest = normalise(text.replace(/^\s*\d+\.\s/gm, ' '));
  for (const m of rest.matchAll(PHONE_LIKE)) figures.push({ written: m[0], forms: [m[0]] });
  rest = rest.replace(PHONE_LIKE, ' ');
  for (const m of rest.matchAll(NUMBER)) figures.push({ written: m[0], forms: [m[0]] });
  for (const m of rest.matchAll(WORD_FIGURE)) {
    const word = m[1].toLowerCase();
    figures.push({ written: m[0], forms: [NUMBER_WORDS[word], word] });
  }
  return figures;
}

function containsFigure(reference: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const digit = /^\d/.test(form);
  const pattern = digit ? String.raw`(?<![\d.,])${escaped}(?![\d]|[.,]\d)` : String.raw`\b${escaped}\b`;
  return new RegExp(pattern, 'i').test(reference);
}

/**
 * The text of the cited `section` of a source document: in a Markdown file, from the heading that
 * contains it to the next heading of the same or a higher level; in a plain text file, from the line
 * that contains it to the next heading-like line (a short line with no end punctuation).
 * Undefined when the section is not found.
 */
export function sectionText(raw: string, file: string, section: string): string | undefined {
  const lines = raw.split(/\r?\n/);
  const wanted = section.replace(/\s+/g, ' ').trim().toLowerCase();
  const start = lines.findIndex((l) => l.replace(/\*/g, '').replace(/\s+/g, ' ').toLowerCase().includes(wanted));
  if (start < 0) return undefined;
  let end = lines.length;
  const heading = /^(#+)\s/.exec(lines[start]);
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i].trim();
    if (file.endsWith('.md')) {
      const h = /^(#+)\s/.exec(l);
      if (h && (!heading || h[1].length <= heading[1].length)) {
        end = i;
        break;
      }
    } else if (isHeadingLike(l) && i > start + 1) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}

function isHeadingLike(line: string): boolean {
  if (!line || /^[•\-*\d]/.test(line)) return false;
  const words = line.split(/\s+/).length;
  return words <= 8 && !/[.,;:!?)"”]$/.test(line);
}

/** What a figure may be found in: the answer's quotes and the text of each cited section. */
export function figureReference(refs: readonly SourceRef[], rawSource: (file: string) => string | undefined): string {
  const parts: string[] = [];
  for (const r of refs) {
    parts.push(r.quote);
    const raw = rawSource(r.file);
    const section = raw === undefined ? undefined : sectionText(raw, r.file, r.section);
    if (section) parts.push(section);
  }
  return normalise(parts.join('\n'));
}

/** One message per figure in `text` that none of `refs` (quotes or cited sections) gives. */
export function figureProblems(text: string, refs: readonly SourceRef[], rawSource: (file: string) => string | undefined): string[] {
  const reference = figureReference(refs, rawSource);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of figuresIn(text)) {
    if (seen.has(f.written)) continue;
    seen.add(f.written);
    if (!f.forms.some((form) => containsFigure(reference, form))) {
      problems.push(`the figure "${f.written}" is in none of its cited quotes or cited sections`);
    }
  }
  return problems;
}
