import { stringify } from 'csv-stringify/sync';
import type { Answer, Audience, SourceRef } from './Answer';
import type { KnowledgeBase } from './KnowledgeBase';

/** The columns of a QnA Maker / custom question answering TSV export, in order. */
export const QNA_COLUMNS = ['Question', 'Answer', 'Source', 'Metadata', 'SuggestedQuestions', 'IsContextOnly', 'Prompts', 'QnaId', 'SourceDisplayName'] as const;
export type QnaColumn = (typeof QNA_COLUMNS)[number];
export type QnaRow = Record<QnaColumn, string>;

/** What an imported answer may lack; kb:import reports each. */
export interface ImportNote {
  answer: string;
  message: string;
}

const AUDIENCES: readonly Audience[] = ['parent', 'young-person', 'staff'];

/** QnA Maker metadata is `key:value|key:value`; a value here may hold any text, so `%`, `:`, `|`, `,` and `;` are percent-encoded. */
const enc = (v: string) => v.replace(/[%:|,;]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const dec = (v: string) => v.replace(/%([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** Tabs and line breaks inside a TSV field are written as \t and \n (a backslash as \\), as QnA Maker files carry them. */
export const escapeTsv = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
export const unescapeTsv = (v: string) => v.replace(/\\(\\|t|n|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '' : '\\'));

function metadata(a: Answer): string {
  const pairs: Array<[string, string]> = [
    ['id', a.id],
    ['title', enc(a.title)],
    ['audience', a.audience.map(enc).join(',')],
    ['keywords', a.keywords.map(enc).join(';')],
  ];
  if (a.variantOf) pairs.push(['variantof', a.variantOf]);
  if (a.area) pairs.push(['area', enc(a.area)]);
  if (a.reviewBy) pairs.push(['reviewby', a.reviewBy]);
  if (a.draft) pairs.push(['draft', 'true']);
  return pairs.map(([k, v]) => `${k}:${v}`).join('|');
}

function parseMetadata(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of text.split('|')) {
    const i = part.indexOf(':');
    if (i > 0) m.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim());
  }
  return m;
}

/**
 * The whole knowledge base as QnA Maker / custom question answering rows: one row per phrasing;
 * the answer's other fields in Metadata (id, title, audience, keywords, variantof, area,
 * reviewby), its cited passages as JSON in Source with their readable names in
 * SourceDisplayName, and its follow-ups as multi-turn Prompts (by QnaId).
 */
export function toQnaRows(answers: readonly Answer[], sourceLabel: (file: string) => string): QnaRow[] {
  const sorted = [...answers].sort((a, b) => a.id.localeCompare(b.id));
  const qnaId = new Map(sorted.filter((a) => !a.variantOf).map((a, i) => [a.id, i + 1]));
  sorted.filter((a) => a.variantOf).forEach((a, i) => qnaId.set(a.id, qnaId.size + i + 1));
  const title = new Map(sorted.map((a) => [a.id, a.title]));
  const rows: QnaRow[] = [];
  for (const a of sorted) {
    const prompts = a.followUps.map((f, i) => ({ DisplayOrder: i + 1, QnaId: qnaId.get(f) ?? 0, DisplayText: title.get(f) ?? f }));
    for (const q of a.questions) {
      rows.push({
        Question: q,
        Answer: a.body,
        Source: JSON.stringify(a.sources.map((s) => ({ file: s.file, section: s.section, quote: s.quote }))),
        Metadata: metadata(a),
        SuggestedQuestions: '[]',
        IsContextOnly: 'False',
        Prompts: JSON.stringify(prompts),
        QnaId: String(qnaId.get(a.id)),
        SourceDisplayName: [...new Set(a.sources.map((s) => sourceLabel(s.file)))].join('; '),
      });
    }
  }
  return rows;
}

export function exportKnowledge(kb: KnowledgeBase, allAnswers: readonly Answer[], format: 'tsv' | 'csv' | 'json'): string {
  if (format === 'json') {
    return `${JSON.stringify(
      [...allAnswers].sort((a, b) => a.id.localeCompare(b.id)).map(({ file: _file, ...a }) => a),
      null,
      2,
    )}\n`;
  }
  const rows = toQnaRows(allAnswers, (f) => kb.sourceLabel(f));
  if (format === 'csv') return stringify(rows, { header: true, columns: [...QNA_COLUMNS] });
  return [QNA_COLUMNS.join('\t'), ...rows.map((r) => QNA_COLUMNS.map((c) => escapeTsv(r[c])).join('\t'))].join('\n') + '\n';
}

/** Reads a TSV export (ours or QnA Maker's / custom question answering's): columns by header name, \n and \t escapes undone. */
export function parseQnaTsv(text: string): { rows: Array<Partial<QnaRow>>; problems: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const problems: string[] = [];
  if (lines.length === 0) return { rows: [], problems: ['the file is empty'] };
  const header = lines[0].split('\t').map((h) => h.trim());
  const index = new Map<QnaColumn, number>();
  for (const c of QNA_COLUMNS) {
    const i = header.findIndex((h) => h.toLowerCase() === c.toLowerCase());
    if (i >= 0) index.set(c, i);
  }
  for (const need of ['Question', 'Answer'] as const) if (!index.has(need)) problems.push(`the header has no ${need} column (it has: ${header.join(', ')})`);
  const unknown = header.filter((h) => !QNA_COLUMNS.some((c) => c.toLowerCase() === h.toLowerCase()));
  if (unknown.length) problems.push(`columns not mapped: ${unknown.join(', ')}`);
  if (!index.has('Question') || !index.has('Answer')) return { rows: [], problems };
  const rows = lines.slice(1).map((line, n) => {
    const cells = line.split('\t');
    if (cells.length < header.length) problems.push(`line ${n + 2}: ${cells.length} columns where the header has ${header.length}`);
    const row: Partial<QnaRow> = {};
    for (const [c, i] of index) row[c] = unescapeTsv(cells[i] ?? '').trim();
    return row;
  });
  return { rows, problems };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-').slice(0, 8).join('-') || 'answer';
}

function parseSources(text: string | undefined): SourceRef[] | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v) || v.length === 0) return undefined;
    if (!v.every((s) => s && typeof s === 'object' && ['file', 'section', 'quote'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string'))) return undefined;
    return (v as SourceRef[]).map((s) => ({ file: s.file, section: s.section, quote: s.quote }));
  } catch {
    return undefined;
  }
}

/**
 * QnA rows back into answers. Rows are grouped by QnaId (or, without one, by the answer text).
 * Ours come back exactly; another tool's take what maps (questions, answer, follow-ups from
 * Prompts) and the notes say what did not. An answer with no cited passage is a draft
 * (`draft: true`, `sources: []`), which kb:check fails until it is cited.
 */
export function fromQnaRows(rows: ReadonlyArray<Partial<QnaRow>>): { answers: Array<Omit<Answer, 'file'>>; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const groups = new Map<string, Array<Partial<QnaRow>>>();
  for (const r of rows) {
    if (!r.Question && !r.Answer) continue;
    const key = r.QnaId ? `id:${r.QnaId}` : `answer:${r.Answer ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const ids = new Set<string>();
  const byQnaId = new Map<string, string>();
  const drafts: Array<{ answer: Omit<Answer, 'file'>; prompts: string | undefined; qnaId?: string }> = [];
  for (const group of groups.values()) {
    const first = group[0];
    const meta = parseMetadata(first.Metadata ?? '');
    const questions: string[] = [];
    for (const r of group) if (r.Question && !questions.some((q) => q.toLowerCase() === (r.Question as string).toLowerCase())) questions.push(r.Question);
    const title = meta.has('title') ? dec(meta.get('title') as string) : (questions[0] ?? 'Untitled');
    let id = meta.get('id') ?? slug(title);
    if (ids.has(id)) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n += 1;
      notes.push({ answer: id, message: `id "${id}" is used twice; this one is "${id}-${n}"` });
      id = `${id}-${n}`;
    }
    ids.add(id);
    if (first.QnaId) byQnaId.set(first.QnaId, id);
    const audience = (meta.get('audience') ?? '').split(',').map(dec).filter((a): a is Audience => (AUDIENCES as readonly string[]).includes(a));
    const keywords = (meta.get('keywords') ?? '').split(';').map(dec).map((k) => k.trim()).filter(Boolean);
    const sources = parseSources(first.Source);
    const answer: Omit<Answer, 'file'> = {
      id,
      ...(meta.has('variantof') ? { variantOf: meta.get('variantof') as string } : {}),
      ...(meta.has('area') ? { area: dec(meta.get('area') as string) } : {}),
      title,
      audience: audience.length ? audience : [...AUDIENCES],
      questions,
      keywords,
      followUps: [],
      sources: sources ?? [],
      body: first.Answer ?? '',
      ...(meta.has('reviewby') ? { reviewBy: meta.get('reviewby') as string } : {}),
    };
    if (!sources || meta.get('draft') === 'true') answer.draft = true;
    if (!meta.has('id')) notes.push({ answer: id, message: `no id in Metadata: named from its first question` });
    if (!meta.has('title')) notes.push({ answer: id, message: 'no title in Metadata: the first question is used' });
    if (!audience.length) notes.push({ answer: id, message: 'no audience in Metadata: set to parent, young-person and staff' });
    if (keywords.length < 3) notes.push({ answer: id, message: `${keywords.length} keyword(s) in Metadata; kb:check needs at least 3` });
    if (questions.length < 6) notes.push({ answer: id, message: `${questions.length} question(s); kb:check needs at least 6` });
    if (!sources) notes.push({ answer: id, message: `Source ${JSON.stringify(first.Source ?? '')} is not a cited passage (file, section, quote): imported as a draft` });
    for (const k of meta.keys()) if (!['id', 'title', 'audience', 'keywords', 'variantof', 'area', 'reviewby', 'draft'].includes(k)) notes.push({ answer: id, message: `metadata "${k}" is not mapped` });
    drafts.push({ answer, prompts: first.Prompts, qnaId: first.QnaId });
  }
  for (const d of drafts) {
    let prompts: Array<{ DisplayOrder?: number; QnaId?: number | string; DisplayText?: string }> = [];
    try {
      const v = JSON.parse(d.prompts || '[]') as unknown;
      if (Array.isArray(v)) prompts = v as typeof prompts;
    } catch {
      notes.push({ answer: d.answer.id, message: 'Prompts is not JSON: no follow-ups' });
    }
    const ordered = [...prompts].sort((a, b) => (a.DisplayOrder ?? 0) - (b.DisplayOrder ?? 0));
    for (const p of ordered) {
      const target = byQnaId.get(String(p.QnaId ?? ''));
      if (target) d.answer.followUps.push(target);
      else notes.push({ answer: d.answer.id, message: `prompt "${p.DisplayText ?? ''}" points at QnaId ${String(p.QnaId)}, which is not in the file` });
    }
    if (d.answer.followUps.length === 0) notes.push({ answer: d.answer.id, message: 'no follow-ups; kb:check needs 1 to 3' });
    else if (d.answer.followUps.length > 3) {
      notes.push({ answer: d.answer.id, message: `${d.answer.followUps.length} follow-ups: the first 3 kept` });
      d.answer.followUps = d.answer.followUps.slice(0, 3);
    }
  }
  return { answers: drafts.map((d) => d.answer), notes };
}
