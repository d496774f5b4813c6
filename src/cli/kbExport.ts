/**
 * npm run kb:export -- --format tsv|csv|json --out FILE [--knowledge DIR]
 * The whole knowledge base (every answer and local variant). TSV (the default) in the column layout of
 * QnA Maker / custom question answering exports; CSV the same columns; JSON our own answer objects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { KnowledgeLoader } from '../knowledge/KnowledgeLoader';
import { exportKnowledge } from '../knowledge/QnaExchange';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths';
import { formatProblem } from '../knowledge/Answer';

export function runExport(knowledgeDir: string, format: 'tsv' | 'csv' | 'json', out: string): number {
  const loaded = new KnowledgeLoader(knowledgeDir).load();
  if (loaded.problems.length) throw new Error(`the knowledge base has problems; fix them first (npm run kb:check):\n${loaded.problems.map(formatProblem).join('\n')}`);
  const kb = new KnowledgeBase(loaded.answers, loaded.rewrites, loaded.sources, loaded.outOfScope);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, exportKnowledge(kb, loaded.answers, format));
  return loaded.answers.length;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const format = (value('--format') ?? 'tsv') as 'tsv' | 'csv' | 'json';
  const out = value('--out');
  if (!out || !['tsv', 'csv', 'json'].includes(format)) {
    console.error('Usage: npm run kb:export -- --format tsv|csv|json --out FILE [--knowledge DIR]');
    process.exit(2);
  }
  try {
    const n = runExport(path.resolve(value('--knowledge') ?? process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR), format, out);
    console.log(`kb:export: ${n} answers written to ${out} (${format}).`);
  } catch (err) {
    console.error(`kb:export: ${(err as Error).message}`);
    process.exit(1);
  }
}
