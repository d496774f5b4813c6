import fs from 'node:fs';
import path from 'node:path';
import type { Answer, KnowledgeProblem, SourceRef } from './Answer';
import { areaAttributionProblems } from './AreaAttribution';
import { figureProblems } from './FigureGrounding';
import { MAX_ANSWER_GRADE, MAX_MEDIAN_GRADE, median, readability } from './Readability';

export const MAX_ANSWER_WORDS = 180;
/** The direct answer comes first: the opening paragraph, before any list, is at most this long. */
export const MAX_LEAD_WORDS = 50;

/** The opening paragraph of an answer: its lines up to the first blank line or list item. */
export function leadOf(markdown: string): string {
  const lead: string[] = [];
  for (const line of markdown.trim().split(/\r?\n/)) {
    if (!line.trim() || /^\s*(?:[-*+]|\d+\.)\s/.test(line)) break;
    lead.push(line);
  }
  return lead.join(' ');
}

/** Collapses runs of white space so a quote may cross a line break in its source. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wordCount(markdown: string): number {
  return markdown.replace(/[#*_>`[\]()]/g, ' ').split(/\s+/).filter((w) => /[A-Za-z0-9£]/.test(w)).length;
}

/** Topic ids listed in the first column of the table in kb-topics.md. */
export function readRequiredTopics(kbTopicsFile: string): string[] {
  const ids: string[] = [];
  for (const line of fs.readFileSync(kbTopicsFile, 'utf8').split('\n')) {
    const m = /^\|\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\|/.exec(line);
    if (m && m[1] !== 'id') ids.push(m[1]);
  }
  return ids;
}

const PHONE = /(?<![\d])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d])|\b(?:116 123|85258)\b/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DOMAIN = /\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:uk|org|com|net|gov\.uk|nhs\.uk))\b/gi;

/** The source documents, each read once and squashed, for quote checks. */
export class SourceTexts {
  private readonly texts = new Map<string, string>();
  private readonly raws = new Map<string, string>();

  constructor(readonly dir: string) {}

  /** The text of `file` as it is on disk, or undefined when it is not a file in the folder. */
  raw(file: string): string | undefined {
    if (!this.raws.has(file)) {
      const p = path.join(this.dir, file);
      if (path.basename(file) !== file || !fs.existsSync(p)) return undefined;
      this.raws.set(file, fs.readFileSync(p, 'utf8'));
    }
    return this.raws.get(file);
  }

  /** The squashed text of `file`, or undefined when it is not a file in the folder. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      const raw = this.raw(file);
      if (raw === undefined) return undefined;
      this.texts.set(file, squash(raw));
    }
    return this.texts.get(file);
  }

  /** Every source document's text, squashed, run together. */
  all(): string {
    return fs
      .readdirSync(this.dir)
      .map((f) => this.text(f) ?? '')
      .join(' ');
  }
}

/**
 * Problems with cited passages: the file is in the sources folder, the section appears in it,
 * and the quote (at least 4 words) appears in it word for word. `field` is relative, e.g. `sources[0].quote`.
 */
export function sourceRefProblems(refs: readonly SourceRef[], sources: SourceTexts): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  refs.forEach((s, i) => {
    const at = (field: string, message: string) => problems.push({ field: `sources[${i}].${field}`, message });
    const text = sources.text(s.file);
    if (text === undefined) {
      at('file', `"${s.file}" is not in ${sources.dir}`);
      return;
    }
    if (!text.toLowerCase().includes(squash(s.section).toLowerCase())) at('section', `"${s.section}" does not appear in ${s.file}`);
    if (squash(s.quote).split(' ').length < 4) at('quote', 'is shorter than 4 words');
    // Bold marks in a source (national-facts.md writes "**6 weeks**") do not stop a quote that includes the figure.
    if (!text.includes(squash(s.quote)) && !text.replace(/\*/g, '').includes(squash(s.quote))) at('quote', `does not appear word for word in ${s.file}: "${s.quote}"`);
  });
  return problems;
}

/** Phone numbers, email addresses and web addresses in `text` that `reference` (squashed) does not give. */
export function contactDetailProblems(text: string, reference: string): string[] {
  const problems: string[] = [];
  for (const [kind, pattern] of [['phone number', PHONE], ['email address', EMAIL]] as const) {
    for (const m of text.matchAll(pattern)) {
      if (!reference.includes(squash(m[0]))) problems.push(`${kind} "${m[0]}" is not in any source document`);
    }
  }
  for (const m of text.matchAll(DOMAIN)) {
    if (!reference.toLowerCase().includes(m[1].toLowerCase())) problems.push(`web address "${m[0]}" is not in any source document`);
  }
  return problems;
}

/** What the answers and the guides' wording are both checked against. */
export interface GroundingInputs {
  /** The source documents they cite (kb:check reads them once for both checks). */
  sources: SourceTexts;
  /** Local authority names an `area` may take; empty to skip that check. */
  areaNames?: readonly string[];
  /** Extra text (reference data) in which contact details may also appear. */
  referenceText?: string;
  /** The local authority each local source document belongs to (sources.yaml `area`), for the attribution check. */
  sourceAreas?: Readonly<Record<string, string | undefined>>;
}

/**
 * The grounding checks an answer body and a guide block share: every figure is in a cited quote or
 * section, no contact detail the sources do not give, and an area named as the source of a fact
 * is the area of a cited document.
 */
export function groundingProblems(text: string, refs: readonly SourceRef[], inputs: GroundingInputs, reference: string): string[] {
  return [
    ...contactDetailProblems(text, reference),
    ...figureProblems(text, refs, (f) => inputs.sources.raw(f)),
    ...(inputs.areaNames && inputs.sourceAreas ? areaAttributionProblems(text, refs, inputs.sourceAreas, inputs.areaNames) : []),
  ];
}

/** The text a phone number, email or web address must appear in: every source document and the reference data. */
export function contactReference(inputs: GroundingInputs): string {
  return inputs.sources.all() + ' ' + squash(inputs.referenceText ?? '');
}

/** Why `area` is refused: it is not one of `areaNames` (no problem when no names are given). */
export function areaProblem(area: string | undefined, areaNames: readonly string[] | undefined): string | undefined {
  if (!areaNames || areaNames.length === 0 || areaNames.some((n) => n.toLowerCase() === area?.toLowerCase())) return undefined;
  return `"${area}" is not a local authority in local-authorities.csv`;
}

export interface CheckInputs extends GroundingInputs {
  answers: readonly Answer[];
  /** Topic ids that must each have a base answer. */
  requiredTopics: readonly string[];
}

/**
 * The checks the schema cannot make: unique ids, follow-ups that exist, quotes that really
 * appear in their source, every required topic present, answer length, reading grade (each
 * answer and the median), every figure in a cited quote or section, an area named as a source
 * only where that area's document is cited, and no phone number, email or web address that the
 * sources do not give.
 */
export class KnowledgeChecker {
  constructor(private readonly inputs: CheckInputs) {}

  check(): KnowledgeProblem[] {
    const { answers, requiredTopics, areaNames, sources } = this.inputs;
    const problems: KnowledgeProblem[] = [];
    const baseIds = new Set(answers.filter((a) => !a.variantOf).map((a) => a.id));
    const seen = new Map<string, string>();
    const reference = contactReference(this.inputs);
    const grades: number[] = [];

    for (const a of answers) {
      const at = (field: string, message: string) => problems.push({ file: a.file, field, message });
      const first = seen.get(a.id);
      if (first) at('id', `"${a.id}" is also the id of ${first}`);
      seen.set(a.id, a.file);

      if (a.variantOf) {
        if (!baseIds.has(a.variantOf)) at('variantOf', `"${a.variantOf}" is not the id of a base answer`);
        const wrongArea = areaProblem(a.area, areaNames);
        if (wrongArea) at('area', wrongArea);
        const slug = (a.area ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        if (a.id !== `${a.variantOf}--${slug}`) at('id', `a variant's id must be "${a.variantOf}--${slug}"`);
      }

      a.followUps.forEach((f, i) => {
        if (!baseIds.has(f)) at(`followUps[${i}]`, `"${f}" is not the id of an answer`);
        if (f === a.id || f === a.variantOf) at(`followUps[${i}]`, 'an answer cannot follow up itself');
      });

      const words = wordCount(a.body);
      if (words > MAX_ANSWER_WORDS) at('body', `has ${words} words; at most ${MAX_ANSWER_WORDS}`);
      const leadWords = wordCount(leadOf(a.body));
      if (leadWords === 0) at('body', 'does not lead with the answer: it opens with a list, not a sentence');
      else if (leadWords > MAX_LEAD_WORDS) at('body', `leads with ${leadWords} words before the detail; the direct answer in at most ${MAX_LEAD_WORDS}`);

      const lowerQuestions = a.questions.map((q) => squash(q.toLowerCase()));
      if (new Set(lowerQuestions).size !== lowerQuestions.length) at('questions', 'has the same question twice');

      for (const p of sourceRefProblems(a.sources, sources)) at(p.field, p.message);

      for (const message of groundingProblems(a.body, a.sources, this.inputs, reference)) at('body', message);

      const grade = readability(a.body).grade;
      grades.push(grade);
      if (grade > MAX_ANSWER_GRADE) at('body', `reads at Flesch-Kincaid grade ${grade}; at most ${MAX_ANSWER_GRADE} (shorter sentences, plainer words)`);
    }
    const middle = median(grades);
    if (middle > MAX_MEDIAN_GRADE) {
      problems.push({ file: 'answers', field: 'body', message: `the median Flesch-Kincaid grade across answers is ${middle}; at most ${MAX_MEDIAN_GRADE}` });
    }

    for (const id of requiredTopics) {
      if (!baseIds.has(id)) problems.push({ file: `answers/${id}.md`, field: 'id', message: `required topic "${id}" (kb-topics.md or knowledge/topics.yaml) has no answer` });
    }
    return problems;
  }
}
