import type { Embedder } from './Embedder';

interface Waiting {
  texts: string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (err: Error) => void;
}

/** Most texts sent to the model in one call (a call of 32 sixty-word texts takes the model about a second). */
export const MAX_BATCH_TEXTS = 32;

/**
 * Puts the texts of calls that arrive together, or while the model is busy, into shared calls of
 * the model. Much of the model's cost is a fixed price per call (TensorFlow.js's JavaScript side,
 * op by op): measured here, 16 eight-word texts cost 323 ms one at a time and 91 ms in one call;
 * 16 twenty-word texts 270 ms and 153 ms; 16 fifty-word texts 513 ms and 422 ms. The model pads a
 * call to its longest text, which changes the cost but not the vectors (each text is read on its
 * own: cosine 1.000000 to its vector alone), so texts of like length share a call (the longest at
 * most twice the shortest, plus four words) and nothing the matcher or the safety check decides
 * changes.
 *
 * So under load, when many new messages wait at once, the model serves several times the
 * messages a second; a message alone goes to the model on the next turn of the event loop, as
 * before. Calls are answered in the order they came. If a shared call fails, each of its calls
 * is tried alone, so one bad text never fails another person's message.
 */
export class BatchingEmbedder implements Embedder {
  private readonly waiting: Waiting[] = [];
  private draining = false;
  /** Model calls made and texts sent (for tests and measurement). */
  calls = 0;
  texts = 0;

  constructor(
    private readonly inner: Embedder,
    private readonly maxTexts = MAX_BATCH_TEXTS,
  ) {}

  get modelId(): string {
    return this.inner.modelId;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ texts: [...texts], resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // The next turn of the event loop: calls made in this one (and messages already queued) join.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.run(this.nextBatch());
    } finally {
      this.draining = false;
    }
  }

  /** The calls waiting longest, up to maxTexts texts (a longer call goes alone). */
  private nextBatch(): Waiting[] {
    const batch: Waiting[] = [];
    let n = 0;
    while (this.waiting.length > 0 && (batch.length === 0 || n + this.waiting[0].texts.length <= this.maxTexts)) {
      const w = this.waiting.shift() as Waiting;
      batch.push(w);
      n += w.texts.length;
    }
    return batch;
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const all = batch.flatMap((w) => w.texts);
      const vectors = await this.embedByLength(all);
      let at = 0;
      for (const w of batch) {
        w.resolve(vectors.slice(at, at + w.texts.length));
        at += w.texts.length;
      }
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      for (const w of batch) await this.run([w]);
    }
  }

  /** One model call per group of texts of like length, longest first; the vectors in the texts' order. */
  private async embedByLength(texts: string[]): Promise<Float32Array[]> {
    return embedByLength(this.inner, texts, true, (n) => {
      this.calls++;
      this.texts += n;
    });
  }
}

function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/**
 * The texts' positions in groups of like length, longest first: the longest of a group at most
 * twice the shortest plus four words (padding a text to less than that costs less than a call of
 * its own).
 */
export function groupsByLength(texts: readonly string[]): number[][] {
  const len = texts.map(wordCount);
  const order = texts.map((_, i) => i).sort((a, b) => len[b] - len[a]);
  const groups: number[][] = [];
  for (const i of order) {
    const g = groups[groups.length - 1];
    if (g && len[g[0]] <= 2 * len[i] + 4) g.push(i);
    else groups.push([i]);
  }
  return groups;
}

/**
 * Embeds the texts with one call of `embedder` per group of like length; the vectors in the
 * texts' order. `serial`: one call after another (the model itself, where calls at once would
 * only interleave); otherwise all at once (to a BatchingEmbedder, which shares them out again).
 */
export async function embedByLength(embedder: Embedder, texts: readonly string[], serial = false, onCall?: (texts: number) => void): Promise<Float32Array[]> {
  const out = new Array<Float32Array>(texts.length);
  const run = async (group: number[]) => {
    onCall?.(group.length);
    const vectors = await embedder.embed(group.map((i) => texts[i]));
    if (vectors.length !== group.length) throw new Error(`the model returned ${vectors.length} vectors for ${group.length} texts`);
    group.forEach((i, j) => (out[i] = vectors[j]));
  };
  const groups = groupsByLength(texts);
  if (serial) for (const g of groups) await run(g);
  else await Promise.all(groups.map(run));
  return out;
}
