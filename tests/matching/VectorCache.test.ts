import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VectorCache } from '../../src/matching/VectorCache';
import { FakeEmbedder } from '../support/FakeEmbedder';

describe('VectorCache: knowledge vectors on disk, keyed by model and content', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vectors-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const texts = ['what is sen support', 'who is the senco', 'how do i ask for an assessment'];

  it('builds the vectors when the file is missing, then reads them without embedding again', async () => {
    const embedder = new FakeEmbedder();
    const cache = new VectorCache(dir, embedder);
    const first = await cache.vectorsFor('knowledge', texts);
    expect(first.fromCache).to.equal(false);
    expect(embedder.texts).to.equal(3);
    const second = await new VectorCache(dir, embedder).vectorsFor('knowledge', texts);
    expect(second.fromCache).to.equal(true);
    expect(embedder.texts).to.equal(3);
    expect([...second.vectors[1]]).to.deep.equal([...first.vectors[1]]);
  });

  it('rebuilds when the content changes (stale), and removes the stale file', async () => {
    const embedder = new FakeEmbedder();
    const cache = new VectorCache(dir, embedder);
    await cache.vectorsFor('knowledge', texts);
    const changed = [...texts.slice(0, 2), 'how do i ask the council for an assessment'];
    const r = await cache.vectorsFor('knowledge', changed);
    expect(r.fromCache).to.equal(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('knowledge-'))).to.have.length(1);
    expect(cache.read('knowledge', texts)).to.equal(undefined);
  });

  it('rebuilds when the model changes', async () => {
    await new VectorCache(dir, new FakeEmbedder([], 'model-a')).vectorsFor('knowledge', texts);
    const r = await new VectorCache(dir, new FakeEmbedder([], 'model-b')).vectorsFor('knowledge', texts);
    expect(r.fromCache).to.equal(false);
  });

  for (const [what, damage] of [
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 7)],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', (b: Buffer) => Buffer.alloc(b.length, 0xff)],
  ] as Array<[string, (b: Buffer) => Buffer]>) {
    it(`rebuilds a corrupt file (${what}) instead of reading it`, async () => {
      const embedder = new FakeEmbedder();
      const cache = new VectorCache(dir, embedder);
      await cache.vectorsFor('knowledge', texts);
      const file = cache.file('knowledge', texts);
      fs.writeFileSync(file, damage(fs.readFileSync(file)));
      const r = await cache.vectorsFor('knowledge', texts);
      expect(r.fromCache).to.equal(false);
      expect(r.vectors).to.have.length(3);
      expect(r.vectors.every((v) => v.every(Number.isFinite))).to.equal(true);
      expect((await cache.vectorsFor('knowledge', texts)).fromCache).to.equal(true);
    });
  }
});
