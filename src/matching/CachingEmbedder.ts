import { DigestMemo } from './DigestMemo';
import type { Embedder } from './Embedder';

export interface CachingEmbedderOptions {
  /** Most vectors kept (least recently used go first); 0 turns the cache off. */
  maxEntries: number;
  /** A vector unused for this long is dropped (ms). */
  ttlMs: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

/** A message is embedded in at most this many texts (the safety check's whole and sentences: 16). */
const MAX_TEXTS_KEPT = 32;

interface Entry {
  vectors: Promise<Float32Array[]>;
  usedAt: number;
}

/**
 * An LRU cache of sentence vectors in front of the model: common questions repeat ("what is
 * SEN support"), and embedding one costs the model 15–25 ms of CPU against a lookup's
 * microseconds. Keyed by the exact texts of a call (the matcher and the safety check each pass
 * their own normalised text; the safety check's sentences come in one batch), so what it
 * serves is what the model returned for that same call, bit for bit, and nothing the bot
 * decides changes. (A batch is cached whole, not text by text: the model's vector for a text
 * in a batch can differ from its vector alone in the seventh decimal place.)
 *
 * Privacy: the cache holds no message text. Its key is a SHA-256 digest of the texts, the
 * texts themselves are not kept once their vectors are asked for, and the cache lives in this
 * process's memory only (never written anywhere), bounded in size (`maxEntries` calls) and
 * forgetting vectors unused for `ttlMs`.
 *
 * A failed embedding is not remembered.
 */
export class CachingEmbedder implements Embedder {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: Embedder,
    private readonly options: CachingEmbedderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get modelId(): string {
    return this.inner.modelId;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  /** How many calls' vectors are held now. */
  get size(): number {
    return this.entries.size;
  }

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    // Long lists (the knowledge base's phrasings at start, the officers' report) are not messages: not kept.
    if (this.options.maxEntries <= 0 || texts.length === 0 || texts.length > MAX_TEXTS_KEPT) return this.inner.embed(texts);
    const now = this.now();
    this.dropExpired(now);
    const key = DigestMemo.key(...texts);
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: moving it to the end makes the first key the least recently used.
      this.entries.delete(key);
      entry.usedAt = now;
      this.entries.set(key, entry);
      this.hits++;
      return entry.vectors;
    }
    this.misses++;
    const vectors = this.inner.embed(texts);
    // A failure is not remembered: the next call tries again.
    vectors.catch(() => {
      if (this.entries.get(key)?.vectors === vectors) this.entries.delete(key);
    });
    this.entries.set(key, { vectors, usedAt: now });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return vectors;
  }

  private dropExpired(now: number): void {
    // The least recently used come first: stop at the first one still fresh.
    for (const [key, entry] of this.entries) {
      if (now - entry.usedAt <= this.options.ttlMs) break;
      this.entries.delete(key);
    }
  }
}
