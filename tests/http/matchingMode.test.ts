import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestApp } from '../support/Transcript';
import type { BuildOptions } from '../../src/server/createServer';
import { FakeEmbedder, failingEmbedder } from '../support/FakeEmbedder';

/** /healthz says how the server matches, and a server whose sentence model cannot be used still starts. */
describe('Matching mode: semantic, or lexical-only when the model cannot be used', function () {
  this.timeout(60_000);

  async function healthz(env: Record<string, string>, logLines: string[] = [], build: BuildOptions = {}) {
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    const app = await createTestApp(env, { logger: pino({ level: 'warn' }, sink) }, build);
    try {
      const base = await app.listen(0);
      const res = await fetch(`${base}/healthz`);
      const answer = await fetch(`${base}/api/answers?q=${encodeURIComponent('what does the senco do')}`);
      return { health: (await res.json()) as { status: string; matching: string }, answer: (await answer.json()) as { outcome: string; results: Array<{ id: string }> } };
    } finally {
      await app.close();
    }
  }

  it('by default matches semantically, and says so', async () => {
    const { health, answer } = await healthz({});
    expect(health).to.include({ status: 'ok', matching: 'semantic' });
    expect(answer.results[0].id).to.equal('senco');
  });

  it('with MATCHING=lexical, matches lexically and says so', async () => {
    const { health, answer } = await healthz({ MATCHING: 'lexical' });
    expect(health.matching).to.equal('lexical-only');
    expect(answer.results[0].id).to.equal('senco');
  });

  it('when the model cannot load, starts on lexical matching, says so, and logs why', async () => {
    const log: string[] = [];
    const { health, answer } = await healthz({}, log, { embedder: failingEmbedder('the weights are missing') });
    expect(health.matching).to.equal('lexical-only');
    expect(answer.results[0].id).to.equal('senco');
    const warning = log.map((l) => JSON.parse(l) as { msg: string; reason?: string }).find((l) => l.msg === 'matching is lexical-only');
    expect(warning?.reason).to.match(/sentence model could not be used: the weights are missing/);
  });

  it('when the vector cache cannot be written, still matches semantically and warns', async () => {
    // A file where the cache folder should be: nothing can be read or written there.
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cache-')), 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const log: string[] = [];
    const { health } = await healthz({ VECTOR_CACHE_DIR: path.join(blocker, 'vectors') }, log, { embedder: async () => new FakeEmbedder() });
    expect(health.matching).to.equal('semantic');
    expect(log.join('\n')).to.match(/could not be cached/);
  });

  it('rejects an unknown MATCHING value, naming the setting', async () => {
    let message = '';
    try {
      await createTestApp({ MATCHING: 'magic' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.match(/MATCHING/);
  });
});
