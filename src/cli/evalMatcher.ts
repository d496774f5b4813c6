/**
 * npm run eval [-- --file path/to.jsonl] [--verbose] [--json]
 * Runs the matcher (with the urgent check first, exactly as the bot does) over a labelled
 * set of questions ({"q", "expect"} per line; expect is a topic id, "none" or "urgent-help")
 * and prints a table per topic and overall.
 */
import fs from 'node:fs';
import path from 'node:path';
import { topicId } from '../knowledge/Answer';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerMatcher } from '../matching/AnswerMatcher';
import { AnswerService, URGENT_TOPIC_ID } from '../matching/AnswerService';
import { createSafetyCheck } from '../safety/loadSharedEmbedder';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../knowledge/paths';

export interface EvalLine {
  q: string;
  expect: string;
}

export interface EvalRow {
  q: string;
  expect: string;
  outcome: string;
  top?: string;
  confidence: number;
}

export interface EvalSummary {
  inScope: number;
  top1: number;
  answeredRight: number;
  clarified: number;
  noneLines: number;
  noneAbstained: number;
  urgentLines: number;
  urgentCaught: number;
  falseUrgent: number;
}

export async function evaluate(service: AnswerService, lines: EvalLine[]): Promise<{ rows: EvalRow[]; summary: EvalSummary }> {
  const rows: EvalRow[] = [];
  for (const l of lines) {
    const r = await service.ask(l.q);
    const top = r.results[0]?.answer;
    rows.push({ q: l.q, expect: l.expect, outcome: r.outcome, top: top ? topicId(top) : undefined, confidence: r.confidence });
  }
  const inScope = rows.filter((r) => r.expect !== 'none' && r.expect !== URGENT_TOPIC_ID);
  const none = rows.filter((r) => r.expect === 'none');
  const urgent = rows.filter((r) => r.expect === URGENT_TOPIC_ID);
  const summary: EvalSummary = {
    inScope: inScope.length,
    top1: inScope.filter((r) => r.outcome !== 'none' && r.outcome !== 'urgent' && r.top === r.expect).length,
    answeredRight: inScope.filter((r) => r.outcome === 'answer' && r.top === r.expect).length,
    clarified: inScope.filter((r) => r.outcome === 'clarify').length,
    noneLines: none.length,
    noneAbstained: none.filter((r) => r.outcome === 'none').length,
    urgentLines: urgent.length,
    urgentCaught: urgent.filter((r) => r.outcome === 'urgent').length,
    falseUrgent: rows.filter((r) => r.expect !== URGENT_TOPIC_ID && r.outcome === 'urgent').length,
  };
  return { rows, summary };
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1)}%`.padStart(6);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fileArg = args.indexOf('--file');
  const file = fileArg >= 0 ? path.resolve(args[fileArg + 1]) : path.join(SHARED_DIR, 'eval', 'dev.jsonl');
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalLine);
  const kb = KnowledgeBase.fromFolder(process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR);
  const knowledgeDir = process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
  const service = new AnswerService(kb, new AnswerMatcher(kb), (await createSafetyCheck(knowledgeDir)).detector);
  const { rows, summary } = await evaluate(service, lines);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ file, summary, rows }, null, 2));
    return;
  }

  const topics = [...new Set(rows.map((r) => r.expect))];
  console.log(`Evaluation of ${rows.length} questions from ${file}\n`);
  console.log(`${'topic'.padEnd(40)} ${'n'.padStart(3)} ${'right'.padStart(6)} ${'top-1'.padStart(6)} ${'clarify'.padStart(7)} ${'none'.padStart(5)}`);
  for (const t of topics) {
    const rs = rows.filter((r) => r.expect === t);
    const right =
      t === 'none' ? rs.filter((r) => r.outcome === 'none').length
      : t === URGENT_TOPIC_ID ? rs.filter((r) => r.outcome === 'urgent').length
      : rs.filter((r) => r.outcome === 'answer' && r.top === t).length;
    const top1 = t === 'none' || t === URGENT_TOPIC_ID ? right : rs.filter((r) => r.outcome !== 'none' && r.top === t).length;
    console.log(
      `${t.padEnd(40)} ${String(rs.length).padStart(3)} ${String(right).padStart(6)} ${String(top1).padStart(6)} ${String(rs.filter((r) => r.outcome === 'clarify').length).padStart(7)} ${String(rs.filter((r) => r.outcome === 'none').length).padStart(5)}`,
    );
  }
  const s = summary;
  console.log('\nOverall');
  console.log(`  in-scope top-1 accuracy          ${pct(s.top1, s.inScope)}  (${s.top1}/${s.inScope}; right answer first, answered or offered in "Did you mean")`);
  console.log(`  in-scope answered outright right ${pct(s.answeredRight, s.inScope)}  (${s.answeredRight}/${s.inScope}); clarified ${s.clarified}`);
  console.log(`  "none" lines abstaining          ${pct(s.noneAbstained, s.noneLines)}  (${s.noneAbstained}/${s.noneLines})`);
  console.log(`  urgent lines caught as urgent    ${pct(s.urgentCaught, s.urgentLines)}  (${s.urgentCaught}/${s.urgentLines})`);
  console.log(`  false urgent                     ${String(s.falseUrgent).padStart(6)}`);
  if (args.includes('--verbose')) {
    console.log('\nMisses');
    for (const r of rows) {
      const ok = r.expect === 'none' ? r.outcome === 'none' : r.expect === URGENT_TOPIC_ID ? r.outcome === 'urgent' : r.outcome !== 'none' && r.top === r.expect;
      if (!ok) console.log(`  [${r.expect}] got ${r.outcome}/${r.top ?? '-'} (${r.confidence.toFixed(2)}): ${r.q}`);
    }
  }
}

if (require.main === module) void main();
