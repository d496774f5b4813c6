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

/**
 * The dot product of `b` with the `length` numbers of `a` from `offset` (a row of a matrix kept
 * end to end). Four sums at once: the similarity loops over every phrasing and exemplar run
 * about twice as fast as with one (the order of the additions differs by rounding only).
 */
export function dot(a: ArrayLike<number>, offset: number, b: ArrayLike<number>, length: number = b.length): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < length; j += 4) {
    s0 += a[offset + j] * b[j];
    s1 += a[offset + j + 1] * b[j + 1];
    s2 += a[offset + j + 2] * b[j + 2];
    s3 += a[offset + j + 3] * b[j + 3];
  }
  for (; j < length; j++) s0 += a[offset + j] * b[j];
  return s0 + s1 + (s2 + s3);
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
