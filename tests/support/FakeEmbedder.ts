import type { Embedder } from '../../src/matching/Embedder';
import { unitLength } from '../../src/matching/Embedder';

/**
 * A small stand-in for a sentence model: each word adds to one of 64 dimensions (by a hash),
 * and words listed as `alike` share a dimension, so "paper" and "document" land together as
 * a real model would place them. Deterministic, instant, and it counts its calls.
 */
export class FakeEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions = 64;
  calls = 0;
  texts = 0;

  constructor(
    private readonly alike: string[][] = [],
    modelId = 'fake-64',
  ) {
    this.modelId = modelId;
  }

  private slot(word: string): number {
    const group = this.alike.findIndex((g) => g.includes(word));
    const key = group >= 0 ? `group:${group}` : word;
    let h = 2166136261;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    return (h >>> 0) % this.dimensions;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls++;
    this.texts += texts.length;
    return texts.map((t) => {
      const v = new Float32Array(this.dimensions);
      for (const w of t.toLowerCase().split(/[^a-z0-9]+/).filter((x) => x.length > 2)) v[this.slot(w)] += 1;
      return unitLength(v);
    });
  }
}

/** An embedder whose model cannot load. */
export function failingEmbedder(message = 'model files missing'): () => Promise<Embedder> {
  return () => Promise.reject(new Error(message));
}
