import crypto from 'node:crypto';

/**
 * A small memo of results by the text they were worked out from: least recently used first out,
 * at most `capacity` kept. Keyed by a SHA-256 digest of the text, so it never holds what someone
 * typed, only what was worked out from it (scores, ids). For work that is a pure function of the
 * text while the process runs (the knowledge base and the models do not change under it): a
 * common question asked again is served the very result it got the first time. A promise that
 * fails is not kept.
 */
export class DigestMemo<V> {
  private readonly entries = new Map<string, Promise<V>>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  static key(...parts: readonly string[]): string {
    const h = crypto.createHash('sha256');
    for (const p of parts) h.update(String(p.length)).update(':').update(p);
    return h.digest('base64');
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The result for `key`, worked out by `work` only when it is not held. */
  get(key: string, work: () => Promise<V>): Promise<V> {
    if (this.capacity <= 0) return work();
    const held = this.entries.get(key);
    if (held) {
      // Map keeps insertion order: moved to the end, the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, held);
      this.hits++;
      return held;
    }
    this.misses++;
    const result = work();
    result.catch(() => {
      if (this.entries.get(key) === result) this.entries.delete(key);
    });
    this.entries.set(key, result);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }
}
