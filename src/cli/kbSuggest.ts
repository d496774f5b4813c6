/**
 * npm run kb:suggest [-- --out FILE] [--lexical]
 * Groups the questions the assistant could not answer well (from the turn records; needs
 * LOG_QUESTIONS=true to have their text), finds the answer each group most likely belonged to, and
 * writes the suggested new phrasings to a review file (default DATA_DIR/kb-suggestions.yaml).
 * Nothing in knowledge/ changes: an officer accepts one with `npm run kb:accept -- <id>`.
 */
import path from 'node:path';
import 'dotenv/config';
import { suggestPhrasings, SuggestionReview } from '../analytics/PhrasingSuggestions';
import { argValue } from './argValue';
import { runCli } from './runCli';
import { storedOfficerReport } from './storedOfficerReport';

export const defaultSuggestionFile = (dataDir: string) => path.join(dataDir, 'kb-suggestions.yaml');

async function main(args: string[]): Promise<number> {
  const { report, config, kb } = await storedOfficerReport({ lexical: args.includes('--lexical') });
  const review = new SuggestionReview(path.resolve(argValue(args, '--out') ?? defaultSuggestionFile(config.dataDir)));
  const written = review.write(suggestPhrasings(report, kb), new Date());
  const pending = written.suggestions.filter((s) => s.status === 'pending');
  console.log(`${pending.length} suggested phrasing(s) from ${report.unanswered.groups.length} group(s) of unanswered questions, written to ${review.file}`);
  if (report.unanswered.none + report.unanswered.low > 0 && report.unanswered.withText === 0) console.log('No question text is kept (LOG_QUESTIONS is off), so there is nothing to suggest.');
  for (const s of pending) console.log(`  ${s.id}  ${s.answerId}  "${s.phrasing}"  (group asked ${s.groupAsked}×, score ${s.score})`);
  return 0;
}

if (require.main === module) runCli(main);
