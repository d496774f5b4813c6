/**
 * npm run kb:accept -- <id> [--from FILE] [--knowledge DIR]
 * Adds one suggested phrasing (from npm run kb:suggest's review file) to its answer's questions in
 * knowledge/answers/<id>.md, then loads the knowledge folder again: if the change would make it
 * invalid, the file is put back as it was and nothing is accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import 'dotenv/config';
import { loadConfig } from '../config/Config';
import { AnswerEditError, AnswerFileEditor } from '../knowledge/AnswerFileEditor';
import { KnowledgeLoader } from '../knowledge/KnowledgeLoader';
import { formatProblem } from '../knowledge/Answer';
import { SuggestionReview } from '../analytics/PhrasingSuggestions';
import { argValue } from './argValue';
import { defaultSuggestionFile } from './kbSuggest';

export function acceptSuggestion(id: string, reviewFile: string, knowledgeDir: string, now = new Date()): string {
  const review = new SuggestionReview(reviewFile);
  const data = review.read();
  const s = data.suggestions.find((x) => x.id === id);
  if (!s) throw new AnswerEditError(`there is no suggestion "${id}" in ${reviewFile} (run npm run kb:suggest)`);
  if (s.status === 'accepted') throw new AnswerEditError(`suggestion ${id} was already accepted on ${s.acceptedAt ?? 'an earlier day'}`);
  const editor = new AnswerFileEditor(knowledgeDir);
  const file = editor.file(s.answerId);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  editor.addQuestion(s.answerId, s.phrasing);
  const problems = new KnowledgeLoader(knowledgeDir).load().problems.filter((p) => p.file === `answers/${s.answerId}.md`);
  if (problems.length > 0) {
    if (before !== undefined) fs.writeFileSync(file, before);
    throw new AnswerEditError(`not accepted, the answer would be invalid: ${problems.map(formatProblem).join('; ')}`);
  }
  s.status = 'accepted';
  s.acceptedAt = now.toISOString();
  review.save(data);
  return `Added "${s.phrasing}" to ${path.relative(process.cwd(), file) || file}. Run npm run kb:check, then commit it.`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const id = args.find((a, i) => !a.startsWith('--') && !['--from', '--knowledge'].includes(args[i - 1] ?? ''));
  if (!id) {
    console.error('Usage: npm run kb:accept -- <id> [--from FILE] [--knowledge DIR]');
    process.exit(2);
  }
  const config = loadConfig();
  try {
    console.log(acceptSuggestion(id, path.resolve(argValue(args, '--from') ?? defaultSuggestionFile(config.dataDir)), path.resolve(argValue(args, '--knowledge') ?? config.knowledgeDir)));
  } catch (err) {
    console.error(`kb:accept: ${(err as Error).message}`);
    process.exit(1);
  }
}
