import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { buildPackage, nodeProblem, RUNTIME_NODE_MAJOR } from '../../scripts/package';
import { BotProcess } from '../support/BotProcess';

/**
 * `npm run package` (without the `npm ci --omit=dev` step, which needs minutes and the registry):
 * the zip holds what App Service runs, and, unpacked with node_modules beside it, it starts with
 * the template's command (`node dist/src/index.js`) and serves the chat page and /readyz.
 */
describe('npm run package: the zip App Service runs', function () {
  this.timeout(240_000);
  let work: string;
  let entries: string[];
  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
    const zip = path.join(work, 'app.zip');
    buildPackage({ out: zip, skipInstall: true, anyNode: true, log: () => undefined });
    const files = unzipSync(fs.readFileSync(zip));
    entries = Object.keys(files);
    const root = path.join(work, 'app');
    for (const [name, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), data);
    }
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the built JavaScript, knowledge/, public/ with the Web Chat bundle, and package.json with its lock file; no TypeScript sources or tests', () => {
    expect(entries).to.include.members(['dist/src/index.js', 'dist/src/server/createServer.js', 'public/index.html', 'public/vendor/webchat.js', 'package.json', 'package-lock.json']);
    expect(entries.some((e) => e.startsWith('dist/dialogs/') && e.endsWith('.js'))).to.equal(true);
    const answers = fs.readdirSync(path.join(REPO_ROOT, 'knowledge', 'answers'));
    for (const a of answers) expect(entries).to.include(`knowledge/answers/${a}`);
    expect(entries.filter((e) => /^(src|tests|scripts)\//.test(e) || (e.endsWith('.ts') && !e.endsWith('.d.ts')))).to.deep.equal([]);
    expect(entries.filter((e) => e.startsWith('dist/tests/') || e.endsWith('.zip'))).to.deep.equal([]);
  });

  it('unpacked beside node_modules, starts with node dist/src/index.js and is ready', async () => {
    const root = path.join(work, 'app');
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const bot = await BotProcess.start('package', { STATE_STORE: 'memory', DATA_DIR: path.join(work, 'data') }, 60_000, { cwd: root, args: [path.join('dist', 'src', 'index.js')] });
    try {
      const ready = await fetch(`${bot.base}/readyz`);
      expect(ready.status).to.equal(200);
      const page = await fetch(`${bot.base}/`);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.match(/SEN support assistant/);
      expect((await fetch(`${bot.base}/vendor/webchat.js`)).status).to.equal(200);
      const answer = await fetch(`${bot.base}/api/answers?q=what+is+sen+support`);
      expect(((await answer.json()) as { outcome: string }).outcome).to.equal('answer');
    } finally {
      await bot.stop('SIGTERM');
    }
  });

  it(`refuses to build a deployable package on a Node other than the Web App's (${RUNTIME_NODE_MAJOR}), naming the reason`, () => {
    expect(nodeProblem(`${RUNTIME_NODE_MAJOR}.11.0`)).to.equal(undefined);
    expect(nodeProblem('20.19.0')).to.match(/Web App runs Node 22 and better-sqlite3 is a native module/);
    expect(nodeProblem('24.1.0')).to.match(/build the package with Node 22/);
  });
});
