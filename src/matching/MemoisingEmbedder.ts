import type { Embedder } from './Embedder';

/**
 * Remembers the vectors of the last few texts, so that the safety check and the matcher,
 * which both embed the same incoming message, pay for it once.
 */
export class MemoisingEmbedder implements Embedder {
  private readonly recent = new Map<string, Promise<Float32Array>>();

  constructor(
    private readonly inner: Embedder,
    private readonly capacity = 64,
  ) {}

  get modelId(): string {
    return this.inner.modelId;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length !== 1) return this.inner.embed(texts);
    const text = texts[0];
    let p = this.recent.get(text);
    if (p) {
      this.recent.delete(text);
    } else {
      p = this.inner.embed([text]).then((v) => v[0]);
      // A failure is not remembered: the next call tries again.
      p.catch(() => this.recent.delete(text));
    }
    this.recent.set(text, p);
    while (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value as string);
    return p.then((v) => [v]);
  }
}
