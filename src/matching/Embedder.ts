/**
 * Turns text into a fixed-length vector whose direction carries its meaning, so that two
 * sentences saying the same thing in different words sit close together. Plain TypeScript:
 * the model behind it is an implementation detail (see UniversalSentenceEncoder), and
 * nothing outside that one class imports a model package.
 */
export interface Embedder {
  /** A short, stable name for the model (it keys the on-disk vector cache). */
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Cosine similarity of two vectors (dot product when both are unit length), -1..1. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The vector scaled to unit length (a zero vector stays zero). */
export function unitLength(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const out = new Float32Array(v.length);
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < v.length; i++) out[i] = v[i] * s;
  return out;
}
