import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { KnowledgeLoader } from '../../src/knowledge/KnowledgeLoader';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { DEFAULT_KNOWLEDGE_DIR, REPO_ROOT } from '../../src/knowledge/paths';
import { exportKnowledge, QNA_COLUMNS } from '../../src/knowledge/QnaExchange';
import { runImport } from '../../src/cli/kbImport';
import { runKbCheck } from '../../src/cli/kbCheck';
import type { Answer } from '../../src/knowledge/Answer';
import { copyKnowledge } from '../support/knowledgeCopy';

const loaded = new KnowledgeLoader(DEFAULT_KNOWLEDGE_DIR).load();
const kb = new KnowledgeBase(loaded.answers, loaded.rewrites, loaded.sources, loaded.outOfScope);
const byId = (answers: readonly Answer[]) => [...answers].sort((a, b) => a.id.localeCompare(b.id));

/** A copy of the knowledge folder with no answers in it, to import into. */
function emptyCopy(): string {
  const dir = copyKnowledge();
  for (const f of fs.readdirSync(path.join(dir, 'answers'))) fs.rmSync(path.join(dir, 'answers', f));
  return dir;
}

function writeTemp(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qna-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('kb:export and kb:import: the knowledge base in and out, in the QnA Maker / custom question answering layout', function () {
  this.timeout(60_000);

  it('exports TSV with the nine columns, one row per phrasing, line breaks escaped', () => {
    const tsv = exportKnowledge(kb, loaded.answers, 'tsv');
    const lines = tsv.trimEnd().split('\n');
    expect(lines[0]).to.equal('Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId\tSourceDisplayName');
    expect(lines.length - 1).to.equal(loaded.answers.reduce((n, a) => n + a.questions.length, 0));
    expect(lines.every((l) => l.split('\t').length === 9)).to.equal(true);
    const row = lines.find((l) => l.startsWith('what is sen support\t'))?.split('\t') as string[];
    expect(row[1]).to.include('\\n\\n').and.not.include('\n');
    expect(row[3]).to.match(/^id:what-is-sen-support\|title:What is SEN support\?\|audience:parent,young-person,staff\|keywords:sen support;/);
    expect(JSON.parse(row[6])).to.deep.equal(kb.get('what-is-sen-support')?.followUps.map((f, i) => ({ DisplayOrder: i + 1, QnaId: JSON.parse(row[6])[i].QnaId, DisplayText: kb.get(f)?.title })));
    expect(row[4]).to.equal('[]');
    expect(row[5]).to.equal('False');
    expect(row[8]).to.include('Lancashire SEND IAS, "SEN support"');
  });

  it('round trip: export TSV, import into an empty folder, and it is the same knowledge base; kb:check passes on it', () => {
    const file = writeTemp('kb.tsv', exportKnowledge(kb, loaded.answers, 'tsv'));
    const dir = emptyCopy();
    const result = runImport(file, dir);
    expect(result.written).to.have.length(loaded.answers.length);
    expect(result.drafts).to.deep.equal([]);
    expect(result.notes).to.deep.equal([]);
    expect(result.problems).to.deep.equal([]);
    const again = new KnowledgeLoader(dir).load();
    expect(again.problems).to.deep.equal([]);
    expect(byId(again.answers)).to.deep.equal(byId(loaded.answers));
    expect(runKbCheck(dir)).to.deep.equal([]);
    // Importing the same file again changes nothing.
    expect(runImport(file, dir).unchanged).to.have.length(loaded.answers.length);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round trip through JSON too; CSV carries the same columns and rows with real line breaks', () => {
    const dir = emptyCopy();
    runImport(writeTemp('kb.json', exportKnowledge(kb, loaded.answers, 'json')), dir);
    expect(byId(new KnowledgeLoader(dir).load().answers)).to.deep.equal(byId(loaded.answers));
    fs.rmSync(dir, { recursive: true, force: true });
    const rows = parse(exportKnowledge(kb, loaded.answers, 'csv'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).to.deep.equal([...QNA_COLUMNS]);
    expect(rows.find((r) => r.Question === 'what is sen support')?.Answer).to.equal(kb.get('what-is-sen-support')?.body);
  });

  it('imports another tool\'s export: maps what it can, says what it could not, and makes uncited answers drafts that kb:check fails', () => {
    const qnaMaker = [
      'Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId\tSourceDisplayName',
      'What are your opening hours?\tWe are open **9am to 5pm**, Monday to Friday.\\n\\nWe are closed on bank holidays.\tEditorial\tcategory:contact\t[]\tFalse\t[{"DisplayOrder":1,"QnaId":2,"DisplayText":"Can I visit?"}]\t1\tEditorial',
      'When are you open?\tWe are open **9am to 5pm**, Monday to Friday.\\n\\nWe are closed on bank holidays.\tEditorial\tcategory:contact\t[]\tFalse\t[{"DisplayOrder":1,"QnaId":2,"DisplayText":"Can I visit?"}]\t1\tEditorial',
      'Can I visit?\tYes, by appointment.\thttps://example.org/faq\t\t[]\tFalse\t[{"DisplayOrder":1,"QnaId":9,"DisplayText":"Gone"}]\t2\tFAQ page',
    ].join('\n');
    const dir = copyKnowledge();
    const result = runImport(writeTemp('faq.tsv', qnaMaker), dir);
    expect(result.written).to.deep.equal(['what-are-your-opening-hours', 'can-i-visit']);
    expect(result.drafts).to.deep.equal(['what-are-your-opening-hours', 'can-i-visit']);
    const messages = result.notes.map((n) => `${n.answer}: ${n.message}`);
    expect(messages).to.include('what-are-your-opening-hours: metadata "category" is not mapped');
    expect(messages).to.include('what-are-your-opening-hours: Source "Editorial" is not a cited passage (file, section, quote): imported as a draft');
    expect(messages).to.include('can-i-visit: prompt "Gone" points at QnaId 9, which is not in the file');
    const text = fs.readFileSync(path.join(dir, 'answers', 'what-are-your-opening-hours.md'), 'utf8');
    expect(text).to.include('followUps: [can-i-visit]').and.include('draft: true').and.include('sources: []');
    expect(text).to.include('  - When are you open?').and.include('We are open **9am to 5pm**, Monday to Friday.\n\nWe are closed on bank holidays.');
    const problems = runKbCheck(dir);
    expect(problems).to.include('answers/what-are-your-opening-hours.md: draft: is a draft imported without a cited source: add sources (file, section and a quote from that file), then remove "draft: true"');
    expect(problems.some((p) => p.startsWith('answers/can-i-visit.md: draft:'))).to.equal(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves an existing answer that differs alone unless --replace, and says which', () => {
    const dir = copyKnowledge();
    const file = path.join(dir, 'answers', 'senco.md');
    fs.appendFileSync(file, '\nA local note.\n');
    const tsv = writeTemp('kb.tsv', exportKnowledge(kb, loaded.answers, 'tsv'));
    expect(runImport(tsv, dir).skipped).to.deep.equal(['senco']);
    expect(fs.readFileSync(file, 'utf8')).to.include('A local note.');
    expect(runImport(tsv, dir, true).written).to.deep.equal(['senco']);
    expect(fs.readFileSync(file, 'utf8')).to.not.include('A local note.');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('npm run kb:export and npm run kb:import from the command line', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qna-cli-')), 'kb.tsv');
    const dir = emptyCopy();
    const exported = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/kbExport.ts', '--format', 'tsv', '--out', out], { cwd: REPO_ROOT });
    expect(exported.stdout).to.include(`${loaded.answers.length} answers written`);
    const imported = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/kbImport.ts', out, '--into', dir], { cwd: REPO_ROOT });
    expect(imported.stdout).to.include(`${loaded.answers.length} answer file(s) written`);
    expect(byId(new KnowledgeLoader(dir).load().answers)).to.deep.equal(byId(loaded.answers));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
