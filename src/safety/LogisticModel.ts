import { dot } from '../matching/Embedder';

/**
 * A small logistic regression over sentence vectors (one weight per dimension and a bias),
 * trained by full-batch gradient descent with L2 regularisation and classes weighted equally.
 * Deterministic: the same vectors and labels give the same weights. Plain TypeScript.
 */
export interface LogisticWeights {
  w: number[];
  b: number;
}

export interface TrainOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

export function trainLogistic(xs: readonly Float32Array[], ys: readonly number[], options: TrainOptions = {}): LogisticWeights {
  const { l2 = 0.1, iterations = 1500, learningRate = 2 } = options;
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const pos = ys.reduce((s, y) => s + y, 0) / Math.max(1, n);
  const sw = ys.map((y) => (y === 1 ? 0.5 / Math.max(pos, 1e-9) : 0.5 / Math.max(1 - pos, 1e-9)));
  const w = new Float64Array(d);
  let b = 0;
  const grad = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * x[j];
      const g = (1 / (1 + Math.exp(-z)) - ys[i]) * sw[i];
      for (let j = 0; j < d; j++) grad[j] += g * x[j];
      gb += g;
    }
    for (let j = 0; j < d; j++) w[j] -= learningRate * (grad[j] / n + (l2 * w[j]) / n);
    b -= learningRate * (gb / n);
  }
  return { w: Array.from(w, (x) => Math.round(x * 1e6) / 1e6), b: Math.round(b * 1e6) / 1e6 };
}

export function probability(m: LogisticWeights, v: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-(m.b + dot(m.w, 0, v, m.w.length))));
}
