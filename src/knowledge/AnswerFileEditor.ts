import fs from 'node:fs';
import path from 'node:path';
import { isSeq, parseDocument } from 'yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Why a phrasing cannot be added; the message says what to do. */
export class AnswerEditError extends Error {}

const squash = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Changes one answer file in place, keeping everything else in it as it was (comments, flow lists,
 * quoting): the YAML front matter is edited as a document, not re-serialised from data.
 */
export class AnswerFileEditor {
  constructor(private readonly knowledgeDir: string) {}

  file(answerId: string): string {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/.test(answerId)) throw new AnswerEditError(`"${answerId}" is not an answer id`);
    return path.join(this.knowledgeDir, 'answers', `${answerId}.md`);
  }

  /** Adds `phrasing` to the answer's questions; refuses one it already has (in any case or spacing), or one the schema would refuse. */
  addQuestion(answerId: string, phrasing: string): void {
    const file = this.file(answerId);
    if (!fs.existsSync(file)) throw new AnswerEditError(`there is no answer "${answerId}" (${file})`);
    const q = phrasing.replace(/\s+/g, ' ').trim();
    if (q.length < 3 || q.length > 300) throw new AnswerEditError('a phrasing must be 3 to 300 characters');
    const text = fs.readFileSync(file, 'utf8');
    const m = FRONT_MATTER.exec(text);
    if (!m) throw new AnswerEditError(`${file} has no front matter`);
    const doc = parseDocument(m[1]);
    const questions = doc.get('questions');
    if (!isSeq(questions)) throw new AnswerEditError(`${file} has no questions list`);
    if (questions.items.some((i) => squash(String((i as { value?: unknown }).value ?? i)) === squash(q))) {
      throw new AnswerEditError(`"${answerId}" already has the phrasing "${q}"`);
    }
    questions.add(doc.createNode(q));
    const front = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    fs.writeFileSync(file, `---\n${front}---\n${m[2]}`);
  }
}
