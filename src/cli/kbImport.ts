/**
 * npm run kb:import -- FILE.tsv [--into DIR] [--replace]
 * A QnA Maker / custom question answering TSV export (or our own kb:export TSV or JSON) into answer
 * files in DIR/answers (default: the knowledge folder). Says what it could not map. An answer
 * without a cited source is written as a draft, which kb:check fails until it is cited. An existing
 * answer file that differs is left alone unless --replace is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Answer } from '../knowledge/Answer';
import { answerFileText } from '../knowledge/AnswerFileWriter';
import { fromQnaRows, parseQnaTsv, type ImportNote } from '../knowledge/QnaExchange';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths';
import { parse as parseYaml } from 'yaml';

/** True when the file already says the same (front matter and body), however it is laid out. */
function sameAnswer(existing: string, a: Omit<Answer, 'file'>): boolean {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(existing);
  if (!m) return false;
  try {
    const { body, ...meta } = a;
    const norm = (o: object) => JSON.stringify(Object.entries(o).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)));
    return norm(parseYaml(m[1]) as object) === norm(meta) && m[2].trim() === body.trim();
  } catch {
    return false;
  }
}

export interface ImportResult {
  written: string[];
  unchanged: string[];
  skipped: string[];
  drafts: string[];
  notes: ImportNote[];
  problems: string[];
}

export function runImport(file: string, into: string, replace = false): ImportResult {
  const text = fs.readFileSync(file, 'utf8');
  let answers: Array<Omit<Answer, 'file'>>;
  let notes: ImportNote[] = [];
  let problems: string[] = [];
  if (file.toLowerCase().endsWith('.json')) {
    answers = (JSON.parse(text) as Array<Omit<Answer, 'file'> & { file?: string }>).map(({ file: _f, ...a }) => a);
  } else {
    const parsed = parseQnaTsv(text);
    problems = parsed.problems;
    ({ answers, notes } = fromQnaRows(parsed.rows));
  }
  const dir = path.join(into, 'answers');
  fs.mkdirSync(dir, { recursive: true });
  const result: ImportResult = { written: [], unchanged: [], skipped: [], drafts: answers.filter((a) => a.draft).map((a) => a.id), notes, problems };
  for (const a of answers) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/.test(a.id)) {
      result.problems.push(`"${a.id}" is not a usable answer id: not written`);
      continue;
    }
    const target = path.join(dir, `${a.id}.md`);
    const content = answerFileText(a);
    if (fs.existsSync(target)) {
      if (sameAnswer(fs.readFileSync(target, 'utf8'), a)) {
        result.unchanged.push(a.id);
        continue;
      }
      if (!replace) {
        result.skipped.push(a.id);
        continue;
      }
    }
    fs.writeFileSync(target, content);
    result.written.push(a.id);
  }
  return result;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const intoAt = args.indexOf('--into');
  const into = path.resolve(intoAt >= 0 ? args[intoAt + 1] : (process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR));
  const file = args.find((a, i) => !a.startsWith('--') && i !== intoAt + 1);
  if (!file) {
    console.error('Usage: npm run kb:import -- FILE.tsv [--into DIR] [--replace]');
    process.exit(2);
  }
  try {
    const r = runImport(path.resolve(file), into, args.includes('--replace'));
    console.log(`kb:import: ${r.written.length} answer file(s) written to ${path.join(into, 'answers')}, ${r.unchanged.length} unchanged, ${r.skipped.length} left alone (they differ; --replace overwrites).`);
    for (const id of r.skipped) console.log(`  left alone: answers/${id}.md`);
    if (r.drafts.length) console.log(`  ${r.drafts.length} draft(s) with no cited source (kb:check fails until each is cited): ${r.drafts.join(', ')}`);
    for (const p of r.problems) console.log(`  could not map: ${p}`);
    for (const n of r.notes) console.log(`  ${n.answer}: ${n.message}`);
    console.log('Run npm run kb:check next.');
  } catch (err) {
    console.error(`kb:import: ${(err as Error).message}`);
    process.exit(1);
  }
}
