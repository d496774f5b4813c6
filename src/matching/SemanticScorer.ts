import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerClassifier } from './AnswerClassifier';
import { dot, type Embedder } from './Embedder';
import { embedByLength } from './BatchingEmbedder';
import { OUT_OF_SCOPE } from './LexicalScorer';
import type { TextNormaliser } from './TextNormaliser';
import type { VectorCache } from './VectorCache';

/** One candidate's semantic evidence for a question. */
export interface SemanticScore {
  id: string;
  /** Cosine similarity of the question to the candidate's closest phrasing (or title). */
  best: number;
  /** Mean of its three closest phrasings: an answer several phrasings support beats one lucky one. */
  top3: number;
  /** The answer classifier's score (0 when there is none). */
  classifier: number;
}

/** The texts a candidate is known by: its phrasings and title, normalised as questions are. */
export function semanticEntries(kb: KnowledgeBase, normaliser: TextNormaliser): Array<{ id: string; text: string }> {
  const entries: Array<{ id: string; text: string }> = [];
  for (const a of kb.answers) {
    for (const q of [a.title, ...kb.phrasingsOf(a.id)]) entries.push({ id: a.id, text: normaliser.normalise(q) });
  }
  for (const t of kb.outOfScope) {
    for (const q of t.phrasings) entries.push({ id: `${OUT_OF_SCOPE}${t.id}`, text: normaliser.normalise(q) });
  }
  return entries;
}

/**
 * The semantic stage of matching: the question's sentence vector against the vectors of
 * every phrasing of every answer (and of the out-of-scope subjects), so "is there a paper
 * where all his help is written down?" finds the SEN support plan without sharing its
 * words. Entry vectors come from the VectorCache; only the question is embedded per turn.
 */
export class SemanticScorer {
  /** Each entry's position by its text. */
  private readonly byText = new Map<string, number>();
  /** The distinct ids, and each entry's position among them. */
  private readonly labels: string[] = [];
  private readonly labelOf: Int32Array;
  /** How many entries each id has (at most three count towards top3). */
  private readonly counts: Int32Array;

  private constructor(
    private readonly embedder: Embedder,
    private readonly ids: string[],
    /** Every entry vector, end to end, for a tight loop. */
    private readonly matrix: Float32Array,
    private readonly dims: number,
    texts: readonly string[] = [],
    /** Trained on the same entries; its scores join each candidate's evidence. */
    readonly classifier?: AnswerClassifier,
  ) {
    texts.forEach((t, i) => {
      if (t && !this.byText.has(t)) this.byText.set(t, i);
    });
    const index = new Map<string, number>();
    this.labelOf = new Int32Array(ids.length);
    ids.forEach((id, i) => {
      let k = index.get(id);
      if (k === undefined) {
        k = this.labels.length;
        index.set(id, k);
        this.labels.push(id);
      }
      this.labelOf[i] = k;
    });
    this.counts = new Int32Array(this.labels.length);
    for (const k of this.labelOf) this.counts[k]++;
  }

  /** Builds the scorer from cached vectors (embedding and caching them when missing or stale); `warn` hears of a cache that cannot be written. */
  static async build(kb: KnowledgeBase, normaliser: TextNormaliser, embedder: Embedder, cache?: VectorCache, warn?: (message: string) => void): Promise<SemanticScorer> {
    const entries = semanticEntries(kb, normaliser);
    const texts = entries.map((e) => e.text);
    let vectors: Float32Array[];
    let classifier: AnswerClassifier | undefined;
    if (cache) {
      const got = await cache.vectorsFor('knowledge', texts);
      if (got.notKept) warn?.(`the knowledge vectors could not be cached (${got.notKept}); they will be worked out again at the next start`);
      vectors = got.vectors;
      // The classifier's weights are kept beside the vectors, keyed by what it was trained on.
      const keys = AnswerClassifier.cacheKeys(entries);
      const kept = cache.read('classifier', keys);
      if (kept) {
        classifier = new AnswerClassifier(keys.map((k) => k.slice(0, k.indexOf('\u0001'))), kept);
      } else {
        classifier = AnswerClassifier.train(entries, vectors);
        try {
          cache.write('classifier', keys, classifier.vectors);
        } catch (err) {
          warn?.(`the answer classifier could not be cached (${(err as Error).message}); it will be trained again at the next start`);
        }
      }
    } else {
      vectors = await embedder.embed(texts);
      classifier = AnswerClassifier.train(entries, vectors);
    }
    return SemanticScorer.fromVectors(embedder, entries, vectors, classifier);
  }

  /**
   * From vectors already worked out, one per entry (the fitting script holds phrasings out
   * this way); the classifier is trained on them unless given.
   */
  static fromVectors(embedder: Embedder, entries: ReadonlyArray<{ id: string; text?: string }>, vectors: readonly Float32Array[], classifier?: AnswerClassifier): SemanticScorer {
    const dims = embedder.dimensions;
    const matrix = new Float32Array(vectors.length * dims);
    vectors.forEach((v, i) => matrix.set(v, i * dims));
    const trained = classifier ?? (vectors.length ? AnswerClassifier.train(entries, vectors) : undefined);
    return new SemanticScorer(embedder, entries.map((e) => e.id), matrix, dims, entries.map((e) => e.text ?? ''), trained);
  }

  /** The unit vectors of the texts (the question, its focus sentence); a text that is one of the entries needs no model. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = texts.filter((t) => !this.byText.has(t));
    // (The whole of a long message and its question sentence go in separate calls: a call is padded to its longest text.)
    const embedded = missing.length ? await embedByLength(this.embedder, missing) : [];
    return texts.map((t) => {
      const i = this.byText.get(t);
      return i === undefined ? (embedded[missing.indexOf(t)] as Float32Array) : this.matrix.subarray(i * this.dims, (i + 1) * this.dims);
    });
  }

  /** Every candidate's closest-phrasing and top-three similarity to the question vector (one pass, each id's best three kept). */
  score(query: Float32Array): Map<string, SemanticScore> {
    const { dims, matrix, labelOf } = this;
    const K = this.labels.length;
    // Each id's three best similarities, best first.
    const top = new Float64Array(3 * K).fill(-Infinity);
    for (let i = 0; i < labelOf.length; i++) {
      const sim = dot(matrix, i * dims, query, dims);
      const t = 3 * labelOf[i];
      if (sim > top[t + 2]) {
        if (sim > top[t]) {
          top[t + 2] = top[t + 1];
          top[t + 1] = top[t];
          top[t] = sim;
        } else if (sim > top[t + 1]) {
          top[t + 2] = top[t + 1];
          top[t + 1] = sim;
        } else {
          top[t + 2] = sim;
        }
      }
    }
    const out = new Map<string, SemanticScore>();
    const classified = this.classifier?.scores(query);
    for (let k = 0; k < K; k++) {
      const n = Math.min(3, this.counts[k]);
      let sum = 0;
      for (let r = 0; r < n; r++) sum += top[3 * k + r];
      const id = this.labels[k];
      out.set(id, { id, best: top[3 * k], top3: sum / n, classifier: classified?.get(id) ?? 0 });
    }
    return out;
  }
}
