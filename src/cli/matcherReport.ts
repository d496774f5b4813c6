/**
 * The matcher's figures on a labelled set: rows, summary, and the printed report (overall,
 * by style, by writer, latency), shared by `npm run eval` and its `--fit`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { topicId } from '../knowledge/Answer';
import type { AnswerMatcher } from '../matching/AnswerMatcher';
import { URGENT_TOPIC_ID, type AnswerService } from '../matching/AnswerService';
import { REPO_ROOT } from '../knowledge/paths';

export interface EvalLine {
  q: string;
  expect: string;
  style?: string;
  who?: string;
}

export interface EvalRow {
  q: string;
  expect: string;
  style?: string;
  who?: string;
  outcome: string;
  top?: string;
  /** The first three answers of the ranking (whatever the decision). */
  top3: string[];
  confidence: number;
  ms: number;
}

export interface EvalSummary {
  inScope: number;
  /** Right answer first, answered outright or first in "Did you mean". */
  top1: number;
  /** Right answer among the ranking's first three. */
  top3: number;
  answeredRight: number;
  clarified: number;
  /** Answered outright and wrong: in-scope lines with the wrong answer, out-of-scope lines answered. */
  confidentWrong: number;
  /** Lines that count for confident-wrong: in scope and out of scope. */
  scored: number;
  noneLines: number;
  noneAbstained: number;
  urgentLines: number;
  urgentCaught: number;
  falseUrgent: number;
}

export const TEAM_SET = path.join(REPO_ROOT, 'tests', 'fixtures', 'team-questions.jsonl');
/** 60 questions written on 2026-12-03 by someone who had read only kb-topics.md (not the knowledge base, its tests or the eval sets); never fitted on. */
export const OUTSIDER_SET = path.join(REPO_ROOT, 'tests', 'fixtures', 'outsider-questions.jsonl');
/** 60 more by the same kind of writer, the same day, weighted to long stories, indirect questions and young people; never fitted on. */
export const OUTSIDER_LONG_SET = path.join(REPO_ROOT, 'tests', 'fixtures', 'outsider-questions-long.jsonl');

export function readLines(file: string): EvalLine[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalLine);
}

/** Whether a row is right: the answer first for in-scope lines, abstaining for none, urgent for urgent. */
export function isRight(r: Pick<EvalRow, 'expect' | 'outcome' | 'top'>): boolean {
  if (r.expect === 'none') return r.outcome === 'none';
  if (r.expect === URGENT_TOPIC_ID) return r.outcome === 'urgent';
  return (r.outcome === 'answer' || r.outcome === 'clarify') && r.top === r.expect;
}

export function summarise(rows: readonly EvalRow[]): EvalSummary {
  const inScope = rows.filter((r) => r.expect !== 'none' && r.expect !== URGENT_TOPIC_ID);
  const none = rows.filter((r) => r.expect === 'none');
  const urgent = rows.filter((r) => r.expect === URGENT_TOPIC_ID);
  return {
    inScope: inScope.length,
    top1: inScope.filter(isRight).length,
    top3: inScope.filter((r) => r.outcome !== 'urgent' && r.top3.includes(r.expect)).length,
    answeredRight: inScope.filter((r) => r.outcome === 'answer' && r.top === r.expect).length,
    clarified: inScope.filter((r) => r.outcome === 'clarify').length,
    confidentWrong: inScope.filter((r) => r.outcome === 'answer' && r.top !== r.expect).length + none.filter((r) => r.outcome === 'answer').length,
    scored: inScope.length + none.length,
    noneLines: none.length,
    noneAbstained: none.filter((r) => r.outcome === 'none').length,
    urgentLines: urgent.length,
    urgentCaught: urgent.filter((r) => r.outcome === 'urgent').length,
    falseUrgent: rows.filter((r) => r.expect !== URGENT_TOPIC_ID && r.outcome === 'urgent').length,
  };
}

export async function evaluate(service: AnswerService, matcher: AnswerMatcher, lines: readonly EvalLine[]): Promise<{ rows: EvalRow[]; summary: EvalSummary }> {
  const rows: EvalRow[] = [];
  for (const l of lines) {
    const t0 = process.hrtime.bigint();
    const r = await service.ask(l.q);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const top = r.results[0]?.answer;
    const topId = top ? topicId(top) : undefined;
    // The ranking's first three, for top-3 (asked again only where the first is not already right).
    const top3 = r.outcome !== 'urgent' && l.expect !== 'none' && topId !== l.expect ? (await matcher.rank(l.q)).slice(0, 3).map((a) => topicId(a.answer)) : topId ? [topId] : [];
    rows.push({ q: l.q, expect: l.expect, style: l.style, who: l.who, outcome: r.outcome, top: topId, top3, confidence: r.confidence, ms });
  }
  return { rows, summary: summarise(rows) };
}

function pct(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1)}%`.padStart(6);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** The printed report for one set. */
export function report(file: string, rows: readonly EvalRow[], verbose: boolean): string {
  const s = summarise(rows);
  const out: string[] = [`Evaluation of ${rows.length} lines from ${path.relative(process.cwd(), file) || file}`, ''];
  out.push('Overall');
  out.push(`  in-scope top-1 accuracy          ${pct(s.top1, s.inScope)}  (${s.top1}/${s.inScope}; right answer first, answered or first in "Did you mean")`);
  out.push(`  in-scope top-3                   ${pct(s.top3, s.inScope)}  (${s.top3}/${s.inScope}; right answer among the ranking's first three)`);
  out.push(`  in-scope answered outright right ${pct(s.answeredRight, s.inScope)}  (${s.answeredRight}/${s.inScope}); clarified ${s.clarified}`);
  out.push(`  confidently wrong                ${pct(s.confidentWrong, s.scored)}  (${s.confidentWrong}/${s.scored}; answered outright with the wrong answer, or an out-of-scope line answered)`);
  out.push(`  "none" lines abstaining          ${pct(s.noneAbstained, s.noneLines)}  (${s.noneAbstained}/${s.noneLines})`);
  out.push(`  urgent lines caught as urgent    ${pct(s.urgentCaught, s.urgentLines)}  (${s.urgentCaught}/${s.urgentLines})`);
  out.push(`  false urgent                     ${String(s.falseUrgent).padStart(6)}`);
  const ms = rows.map((r) => r.ms);
  out.push(`  latency per question             p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(0, ...ms).toFixed(1)} ms`);
  for (const key of ['style', 'who'] as const) {
    const values = [...new Set(rows.map((r) => r[key]).filter((v): v is string => !!v))].sort();
    if (values.length === 0) continue;
    out.push('', `By ${key === 'who' ? 'writer' : key}            lines  top-1 (in scope)  none abstain  confidently wrong`);
    for (const v of values) {
      const g = summarise(rows.filter((r) => r[key] === v));
      out.push(`  ${v.padEnd(20)} ${String(g.inScope + g.noneLines + g.urgentLines).padStart(5)}  ${pct(g.top1, g.inScope)} (${g.top1}/${g.inScope})`.padEnd(50) + `  ${pct(g.noneAbstained, g.noneLines)}       ${pct(g.confidentWrong, g.scored)}`);
    }
  }
  if (verbose) {
    out.push('', 'Misses');
    for (const r of rows) if (!isRight(r)) out.push(`  [${r.expect}] got ${r.outcome}/${r.top ?? '-'} (${r.confidence.toFixed(2)}) top3=${r.top3.join(',')}: ${r.q}`);
  }
  return out.join('\n');
}

