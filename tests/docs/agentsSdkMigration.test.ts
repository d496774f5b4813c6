import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../../src/knowledge/paths';

const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'agents-sdk-migration.md'), 'utf8');
const BOT_FRAMEWORK = /(?:from\s+|require\(\s*|import\(\s*)['"]((?:botbuilder|botframework-)[^'"]*)['"]/;

/** The text of the doc's section that starts with `heading`, up to the next "## ". */
function section(heading: string): string {
  const start = DOC.indexOf(`## ${heading}`);
  expect(start, `docs/agents-sdk-migration.md has a "## ${heading}" section`).to.be.greaterThan(-1);
  const end = DOC.indexOf('\n## ', start + 3);
  return DOC.slice(start, end === -1 ? undefined : end);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Files outside tests/ that import the Bot Framework, found in the code. */
function importers(): string[] {
  return ['src', 'dialogs', 'scripts']
    .flatMap(sourceFiles)
    .filter((f) => BOT_FRAMEWORK.test(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')))
    .sort();
}

/** The folders eslint.config.mjs forbids Bot Framework imports in. */
function eslintCoreFolders(): { folders: string[]; patterns: string[] } {
  const config = fs.readFileSync(path.join(REPO_ROOT, 'eslint.config.mjs'), 'utf8');
  const block = /files:\s*\[([^\]]*)\],\s*rules:\s*\{\s*'no-restricted-imports':\s*\['error',\s*\{\s*patterns:\s*\[([^\]]*)\]/.exec(config);
  expect(block, 'eslint.config.mjs has a no-restricted-imports rule with files and patterns').to.not.equal(null);
  const strings = (text: string) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  return { folders: strings((block as RegExpExecArray)[1]).map((f) => f.replace(/\/\*\*$/, '')).sort(), patterns: strings((block as RegExpExecArray)[2]) };
}

describe('docs/agents-sdk-migration.md stays in step with the code', () => {
  it('lists exactly the files that import the Bot Framework (botbuilder*, botframework-*)', () => {
    const listed = [...section('What imports the Bot Framework today').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
    const found = importers();
    expect(found.length).to.be.greaterThan(0);
    expect(listed, 'add or remove rows in the table "What imports the Bot Framework today"').to.deep.equal(found);
  });

  it('names as the core exactly the folders the ESLint boundary rule covers, and the rule forbids the Bot Framework there', () => {
    const { folders, patterns } = eslintCoreFolders();
    const listed = [...section('What the core keeps unchanged').matchAll(/^- `([^`]+)`$/gm)].map((m) => m[1]).sort();
    expect(listed).to.deep.equal(folders);
    expect(patterns).to.include.members(['botbuilder*', 'botframework-*']);
    // And none of them imports it today (the lint run enforces this too).
    for (const folder of folders) for (const f of sourceFiles(folder)) expect(BOT_FRAMEWORK.test(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')), f).to.equal(false);
  });
});
