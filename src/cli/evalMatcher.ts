/**
 * npm run eval [-- --file path/to.jsonl] [--verbose] [--json] [--lexical]
 *   Runs the matcher (with the urgent check first, exactly as the bot does) over a labelled
 *   set ({"q", "expect", "style"?, "who"?} per line; expect is a topic id, "none" or
 *   "urgent-help") and prints the figures overall, by style and by writer, and latency.
 *   With no --file: dev.jsonl, dev-hard.jsonl and the team's own set, one after another.
 * npm run eval -- --fit [--check]
 *   Fits the fusion weights and decision thresholds (src/matching/PolicyFitter.ts) on
 *   dev.jsonl + dev-hard.jsonl + the answers' own phrasings held out in turn, reports the
 *   five-fold cross-validated figures, and writes src/matching/match-policy.json (with --check:
 *   only compares the fit with that file, and exits 1 when they differ).
 */
import path from 'node:path';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerService } from '../matching/AnswerService';
import { createSafetyCheck } from '../safety/loadSharedEmbedder';
import { createMatcher } from '../matching/createMatcher';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../knowledge/paths';
import { runFit } from './fitMatchPolicy';
import { evaluate, OUTSIDER_LONG_SET, OUTSIDER_SET, readLines, report, TEAM_SET } from './matcherReport';

export { evaluate, readLines, summarise, type EvalLine, type EvalRow, type EvalSummary } from './matcherReport';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const kb = KnowledgeBase.fromFolder(process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR);
  if (args.includes('--fit')) {
    const differences = await runFit(kb, args.includes('--verbose'), args.includes('--check'));
    if (args.includes('--check') && differences.length) process.exitCode = 1;
    return;
  }
  const built = await createMatcher(kb, { semantic: !args.includes('--lexical') && process.env.MATCHING !== 'lexical' });
  if (built.lexicalOnlyReason) console.log(`Matching is lexical-only: ${built.lexicalOnlyReason}\n`);
  const service = new AnswerService(kb, built.matcher, (await createSafetyCheck(process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR)).detector);
  const fileArg = args.indexOf('--file');
  const files = fileArg >= 0 ? [path.resolve(args[fileArg + 1])] : [path.join(SHARED_DIR, 'eval', 'dev.jsonl'), path.join(SHARED_DIR, 'eval', 'dev-hard.jsonl'), TEAM_SET, OUTSIDER_SET, OUTSIDER_LONG_SET];
  const results = [];
  for (const file of files) {
    const { rows, summary } = await evaluate(service, built.matcher, readLines(file));
    results.push({ file, summary, rows });
    if (!args.includes('--json')) console.log(report(file, rows, args.includes('--verbose')) + '\n');
  }
  if (args.includes('--json')) console.log(JSON.stringify({ matching: built.matcher.mode, results }, null, 2));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
