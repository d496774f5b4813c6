import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { hasRedaction } from './Redactor';
import type { ReportData } from './Report';

export interface PhrasingSuggestion {
  /** Short and stable: the same answer and phrasing always get the same id. */
  id: string;
  answerId: string;
  answerTitle: string;
  /** A question people asked (redacted when kept), to add to the answer's `questions`. */
  phrasing: string;
  /** How often questions in its group were asked, and how sure the matcher is of the answer (0–1). */
  groupAsked: number;
  score: number;
  /** Other questions of the same group, for context. */
  alsoAsked: string[];
  status: 'pending' | 'accepted';
  acceptedAt?: string;
}

export interface SuggestionFile {
  generatedAt: string;
  note: string;
  suggestions: PhrasingSuggestion[];
}

/** Suggestions are never made for the urgent-help answer: risk is the urgent detector's, not a phrasing's. */
const NEVER_SUGGEST_FOR = new Set(['urgent-help']);
const PER_GROUP = 3;

export const suggestionId = (answerId: string, phrasing: string) => createHash('sha256').update(`${answerId}\n${phrasing.toLowerCase()}`).digest('hex').slice(0, 8);
const squash = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * From the report's groups of unanswered questions: for each group with a likely answer, its
 * questions (up to three, most asked first) as new phrasings for that answer. Left out: any with
 * a redaction mark ("[name]"), any the answer already has, and any outside 3–300 characters.
 */
export function suggestPhrasings(report: ReportData, kb: KnowledgeBase): PhrasingSuggestion[] {
  const out: PhrasingSuggestion[] = [];
  for (const g of report.unanswered.groups) {
    const answer = g.likely && kb.get(g.likely.id);
    if (!g.likely || !answer || NEVER_SUGGEST_FOR.has(answer.id)) continue;
    const has = new Set(answer.questions.map(squash));
    const usable = g.members.map((m) => m.text.replace(/\s+/g, ' ').trim()).filter((t) => !hasRedaction(t) && t.length >= 3 && t.length <= 300 && !has.has(squash(t)));
    for (const phrasing of usable.slice(0, PER_GROUP)) {
      out.push({
        id: suggestionId(answer.id, phrasing),
        answerId: answer.id,
        answerTitle: answer.title,
        phrasing,
        groupAsked: g.count,
        score: g.likely.score,
        alsoAsked: g.members.map((m) => m.text).filter((t) => t !== phrasing).slice(0, 5),
        status: 'pending',
      });
    }
  }
  return out;
}

/** The review file: YAML an officer can read. */
export class SuggestionReview {
  constructor(readonly file: string) {}

  read(): SuggestionFile {
    if (!fs.existsSync(this.file)) return { generatedAt: '', note: '', suggestions: [] };
    const data = parse(fs.readFileSync(this.file, 'utf8')) as SuggestionFile | null;
    return { generatedAt: data?.generatedAt ?? '', note: data?.note ?? '', suggestions: Array.isArray(data?.suggestions) ? data.suggestions : [] };
  }

  /** Writes new suggestions, keeping those already accepted (an accepted one is never offered again). */
  write(fresh: PhrasingSuggestion[], now: Date): SuggestionFile {
    const accepted = this.read().suggestions.filter((s) => s.status === 'accepted');
    const done = new Set(accepted.map((s) => s.id));
    const file: SuggestionFile = {
      generatedAt: now.toISOString(),
      note: 'Suggested new phrasings from questions the assistant could not answer well. Nothing in knowledge/ changes until an officer runs: npm run kb:accept -- <id>',
      suggestions: [...fresh.filter((s) => !done.has(s.id)), ...accepted],
    };
    this.save(file);
    return file;
  }

  save(file: SuggestionFile): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, stringify(file, { lineWidth: 0 }));
  }
}
