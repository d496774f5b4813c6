import crypto from 'node:crypto';
import { dot } from './Embedder';

/** How strongly the classifier's weights are held towards zero: of 0.1, 0.3, 1 and 3 tried, 0.1 ranked the development sets' questions best once fused. */
export const RIDGE_LAMBDA = 0.1;

/**
 * A linear classifier over sentence vectors: one weight vector per answer (and per
 * out-of-scope subject), fitted by ridge regression onto the answers' own phrasings. Where
 * the closest-phrasing score asks "which single phrasing is this most like?", the
 * classifier asks "which direction in the model's space marks this answer out from the
 * others?", so a message worded unlike any one phrasing can still land on its answer. Its
 * scores are one more semantic feature for fusion, weighed by the fitted policy.
 * Plain TypeScript; trained in closed form ((XᵀX + λI)⁻¹ XᵀY by Cholesky), in a few seconds.
 */
export class AnswerClassifier {
  constructor(
    /** The ids, in the order of `weights`. */
    readonly labels: readonly string[],
    /** One weight vector per label. */
    private readonly weights: readonly Float32Array[],
  ) {}

  /** The texts that key a cached classifier: its labels, each carrying a hash of everything it was trained on. */
  static cacheKeys(entries: ReadonlyArray<{ id: string; text: string }>, lambda = RIDGE_LAMBDA): string[] {
    const h = crypto.createHash('sha256').update(`ridge ${lambda}`);
    for (const e of entries) h.update('\u0000').update(e.id).update('\u0001').update(e.text);
    const digest = h.digest('hex').slice(0, 16);
    return labelsOf(entries).map((l) => `${l}\u0001${digest}`);
  }

  /** Trains on one vector per entry, labelled with its entry's id. */
  static train(entries: ReadonlyArray<{ id: string }>, vectors: readonly Float32Array[], lambda = RIDGE_LAMBDA): AnswerClassifier {
    if (entries.length !== vectors.length) throw new Error('one vector per entry');
    const labels = labelsOf(entries);
    const K = labels.length;
    const D = vectors[0]?.length ?? 0;
    const index = new Map(labels.map((l, i) => [l, i]));
    // A = XᵀX + λI (upper triangle, then mirrored), B = XᵀY.
    const A = new Float64Array(D * D);
    const B = new Float64Array(D * K);
    vectors.forEach((x, n) => {
      const k = index.get(entries[n].id) as number;
      for (let i = 0; i < D; i++) {
        const xi = x[i];
        if (xi === 0) continue;
        const row = i * D;
        for (let j = i; j < D; j++) A[row + j] += xi * x[j];
        B[i * K + k] += xi;
      }
    });
    for (let i = 0; i < D; i++) {
      for (let j = 0; j < i; j++) A[i * D + j] = A[j * D + i];
      A[i * D + i] += lambda;
    }
    // Cholesky: A = L Lᵀ (A is symmetric positive definite for λ > 0).
    const L = new Float64Array(D * D);
    for (let i = 0; i < D; i++) {
      for (let j = 0; j <= i; j++) {
        let s = A[i * D + j];
        for (let k = 0; k < j; k++) s -= L[i * D + k] * L[j * D + k];
        L[i * D + j] = i === j ? Math.sqrt(s) : s / L[j * D + j];
      }
    }
    const weights: Float32Array[] = [];
    const z = new Float64Array(D);
    const w = new Float64Array(D);
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < D; i++) {
        let s = B[i * K + c];
        for (let k = 0; k < i; k++) s -= L[i * D + k] * z[k];
        z[i] = s / L[i * D + i];
      }
      for (let i = D - 1; i >= 0; i--) {
        let s = z[i];
        for (let k = i + 1; k < D; k++) s -= L[k * D + i] * w[k];
        w[i] = s / L[i * D + i];
      }
      weights.push(Float32Array.from(w));
    }
    return new AnswerClassifier(labels, weights);
  }

  /** The weight vectors, one per label (what the cache keeps). */
  get vectors(): readonly Float32Array[] {
    return this.weights;
  }

  /** Each label's score for a unit query vector (about 1 for its own phrasings, about 0 for others'). */
  scores(query: Float32Array): Map<string, number> {
    const out = new Map<string, number>();
    this.weights.forEach((w, c) => out.set(this.labels[c], dot(w, 0, query)));
    return out;
  }
}

function labelsOf(entries: ReadonlyArray<{ id: string }>): string[] {
  return [...new Set(entries.map((e) => e.id))];
}
