import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths';

/** A copy of the shipped knowledge folder in a new temporary folder, to break on purpose. */
export function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
  fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces `from` with `to` in `dir/file`; fails the test if that changes nothing (the test would prove nothing). */
export function editFile(dir: string, file: string, from: string | RegExp, to: string): void {
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, 'utf8');
  const next = text.replace(from, to);
  expect(next, `the edit to ${file} changed nothing`).to.not.equal(text);
  fs.writeFileSync(p, next);
}
