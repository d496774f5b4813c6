import crypto from 'node:crypto';
import type { Embedder } from '../../src/matching/Embedder';
import { unitLength } from '../../src/matching/Embedder';

/** A tiny bag-of-words embedder for tests: each word hashed into one of 64 dimensions. */
export class FakeEmbedder implements Embedder {
  readonly modelId = 'fake-bag-of-words-64';
  readonly dimensions = 64;
  calls = 0;
  failing = false;

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls++;
    if (this.failing) throw new Error('model unavailable');
    return texts.map((t) => {
      const v = new Float32Array(this.dimensions);
      for (const w of t.toLowerCase().split(/[^a-z']+/).filter((x) => x.length > 2)) v[crypto.createHash('md5').update(w).digest()[0] % this.dimensions] += 1;
      return unitLength(v);
    });
  }
}
