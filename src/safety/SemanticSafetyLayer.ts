import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Embedder } from '../matching/Embedder';
import { dot, unitLength } from '../matching/Embedder';
import { embedByLength } from '../matching/BatchingEmbedder';
import type { VectorCache } from '../matching/VectorCache';
import type { SafetyAssessment, SupportKind, UrgentKind } from './SafetyAssessment';
import { NO_RISK } from './SafetyAssessment';
import type { Exemplar } from './SafetyExemplars';
import { safetyText, sentences } from './safetyText';
import { withoutIdioms } from './LexicalSafetyLayer';
import { probability, trainLogistic, type LogisticWeights } from './LogisticModel';

/**
 * The semantic layer's model and thresholds, fitted by `npm run safety:fit`
 * (scripts/fit-safety-thresholds.ts) from measurement on the exemplars, and kept, versioned,
 * in knowledge/safety/safety-model.json. `exemplarsHash` ties it to the exemplars it was fitted on.
 */
export interface SafetyModel {
  version: number;
  modelId: string;
  exemplarsHash: string;
  /**
   * Urgent when some part of the message scores at least this: P(urgent) from the logistic model,
   * plus (with `knn`) its weight times the nearest-exemplar margin (see urgentScore).
   */
  urgentThreshold: number;
  /** Support (contacts shown) when some part has P(risk: urgent or support) at least this. */
  supportThreshold: number;
  /** Sentences of fewer words are read only with a neighbour. */
  minSentenceWords: number;
  /** Neighbours averaged to name the kind. */
  k: number;
  l2: number;
  urgent: LogisticWeights;
  risk: LogisticWeights;
  /**
   * The nearest exemplars' say in the urgent score: the mean similarity of the `k` nearest urgent
   * exemplars minus that of the `k` nearest that are not urgent (hard negatives or support), times
   * `weight`. Absent in models fitted before version 4.
   */
  knn?: { k: number; weight: number };
  fittedBy?: string;
  fittedOn?: string;
  measured?: Record<string, string>;
}

export function readSafetyModel(file: string): SafetyModel | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SafetyModel;
  } catch {
    return undefined;
  }
}

/** The text an exemplar or a message is embedded as: read as the safety check reads it, idioms removed. */
export function semanticText(text: string): string {
  return withoutIdioms(safetyText(text)).trim();
}

/** A hash of the model name and every exemplar (label, kind, text): a fitted model is valid only for these. */
export function exemplarsHash(modelId: string, exemplars: readonly Exemplar[]): string {
  const h = crypto.createHash('sha256').update(modelId);
  for (const e of exemplars) h.update('\u0000').update(`${e.label}\u0001${e.kind}\u0001${semanticText(e.text)}`);
  return h.digest('hex').slice(0, 20);
}

/** The whole message is read by its opening and its end beyond this many words (the model's cost grows with length). */
export const WHOLE_HEAD_WORDS = 25;
export const WHOLE_TAIL_WORDS = 35;
/** At most this many sentences (or a short one with its neighbour) are read besides the whole. */
export const MAX_SENTENCE_PARTS = 3;
/** A sentence is read by its first this many words (a run-on "sentence" is read whole by the lexical layer). */
export const MAX_PART_WORDS = 32;

/**
 * Words near risk: a sentence with one is read before the others when a long message has more
 * sentences than are read (strong words count twice). Only the order of reading: the sentence's
 * vector decides. ("Cut" counts only as cutting skin: "they want to cut his hours" is about school.)
 */
const STRONG_CUE =
  /\b(?:die|dying|dead|death|kill\w*|suicid\w*|self-harm\w*|disappear\w*|vanish\w*|forever|for good|burden|better off|without me|goodbye|bye|farewell|pills?|tablets?|paracetamol|overdos\w*|rope|noose|bridge|roof|cliff|tracks|cutting|cut (?:myself|himself|herself|themselves|my|his|her) (?:arms?|wrists?|legs?|skin)|ending it|end it|blood|bleed\w*|burn\w*|hurt\w*|harm\w*|hits?|hitting|touch\w*|scared|afraid|frightened|terrified|danger|threat\w*|knife|weapon|missing|run away|ran away|seizure|fitting|breath\w*|unconscious|swallow\w*|strangl\w*|heaven)\b/g;
const WEAK_CUE = /\b(?:end\w*|to be over|all over|gone|never|anymore|any more|no more|sorry|thank\w*|love|look after|take care|giv\w*|gave|letter|note|tonight|right now|plan\w*|cope|can'?t|enough|point|alone|nobody|no one)\b/g;

function cueScore(text: string): number {
  return 2 * (text.match(STRONG_CUE)?.length ?? 0) + (text.match(WEAK_CUE)?.length ?? 0);
}

function capWords(text: string, max: number): string {
  const words = text.split(' ');
  return words.length <= max ? text : words.slice(0, max).join(' ');
}

/** The whole message as it is read: its opening and its end when it is long. */
export function wholePart(text: string): string {
  const words = text.split(' ');
  return words.length <= WHOLE_HEAD_WORDS + WHOLE_TAIL_WORDS ? text : [...words.slice(0, WHOLE_HEAD_WORDS), ...words.slice(-WHOLE_TAIL_WORDS)].join(' ');
}

/**
 * A question put after a comma ("…if she was not here, what should school do") starts a clause
 * of its own: a risk told in the first clause is then read without the question diluting it.
 */
const QUESTION_CLAUSE = /,\s+(?=(?:so\s+|and\s+|but\s+)?(?:what|how|who|where|when|why|which|can|could|should|would|will|is|are|am|does|do|did|has|have|any|anyone|anything|is there|please)\b)/;

/**
 * A sentence's clauses: split before a question that follows a comma, when what comes before it
 * has a word near risk ("…better off if she was not here, what should school do"). Without one
 * ("my husband and I are divorcing, who gets custody") the sentence is read whole, as written.
 */
export function clauses(sentence: string): string[] {
  const cs = sentence.split(QUESTION_CLAUSE).map((c) => c.trim()).filter(Boolean);
  return cs.length > 1 && cs.slice(0, -1).some((c) => cueScore(c) > 0) ? cs : [sentence];
}

/**
 * The parts of a message that are read, bounded: the whole (its opening and end when long), and
 * for a longer one up to MAX_SENTENCE_PARTS sentences (a short one with its neighbour): the last
 * and the first, then those with the most words near risk, kept in the message's order.
 */
export function messageParts(text: string, minSentenceWords: number): string[] {
  const whole = semanticText(text);
  // Sentences, and the clauses of each; `sep[i]` joins unit i to the one before it as the message had them.
  const ss: string[] = [];
  const sep: string[] = [];
  for (const sentence of sentences(whole)) {
    clauses(sentence).forEach((c, j) => {
      ss.push(c);
      sep.push(j === 0 ? '. ' : ', ');
    });
  }
  if (ss.length <= 1) return [wholePart(whole) || '.'];
  const candidates: string[] = [];
  // Each sentence or clause alone; a short one ("got the pills.", "bye", "what should I do")
  // read with its neighbour, joined as it was (a question clause gives back its whole sentence).
  for (let i = 0; i < ss.length; i++) {
    if (ss[i].split(' ').length >= minSentenceWords + 2) candidates.push(ss[i]);
    else if (i + 1 < ss.length) candidates.push(`${ss[i]}${sep[i + 1]}${ss[i + 1]}`);
    else if (i > 0) candidates.push(`${ss[i - 1]}${sep[i]}${ss[i]}`);
  }
  // The last sentence (often the question) and the first (who and what) always; then the
  // sentences nearest risk; then the rest from the end.
  const last = candidates.length - 1;
  const rank = (i: number) => (i === last ? 1000 : i === 0 ? 999 : 0) + 10 * cueScore(candidates[i]) + i / candidates.length;
  const chosen = candidates.map((_, i) => i).sort((a, b) => rank(b) - rank(a)).slice(0, MAX_SENTENCE_PARTS).sort((a, b) => a - b);
  // The whole first (scored as the mean of the rest); then each part read, once.
  return [wholePart(whole), ...new Set(chosen.map((i) => capWords(candidates[i], MAX_PART_WORDS)))];
}


/** Fewer words than this never get support from the semantic layer alone. */
export const MIN_SUPPORT_WORDS = 6;

export interface PartScores {
  /** The urgent score of the part (P(urgent), with the nearest-exemplar margin: urgentScore). */
  urgent: number;
  /** P(urgent or support) for the part. */
  risk: number;
  vector: Float32Array;
}

/**
 * The nearest-exemplar margin of `v`: the mean similarity of its `k` nearest urgent exemplars
 * minus the larger of that of its `k` nearest hard negatives and its `k` nearest support
 * exemplars. Only the exemplars in `among` count (all when absent), so cross-validation can
 * leave some out. Vectors are unit length, so similarity is the dot product.
 */
export function knnMargin(v: ArrayLike<number>, vectors: readonly Float32Array[], labels: readonly Exemplar['label'][], k: number, among?: readonly number[]): number {
  const sims: Record<Exemplar['label'], number[]> = { urgent: [], support: [], negative: [] };
  const visit = (i: number) => {
    sims[labels[i]].push(dot(vectors[i], 0, v));
  };
  if (among) for (const i of among) visit(i);
  else for (let i = 0; i < vectors.length; i++) visit(i);
  const top = (xs: number[]) => {
    xs.sort((a, b) => b - a);
    const t = xs.slice(0, k);
    return t.length ? t.reduce((a, b) => a + b, 0) / t.length : 0;
  };
  return top(sims.urgent) - Math.max(top(sims.negative), top(sims.support));
}

/** The urgent score of a vector: P(urgent), plus the weighted nearest-exemplar margin when the model has one. */
export function urgentScore(pUrgent: number, margin: number, knn: SafetyModel['knn']): number {
  return knn ? pUrgent + knn.weight * margin : pUrgent;
}

/** Fits the two logistic models on exemplar vectors. */
export function fitModels(vectors: readonly Float32Array[], exemplars: readonly Exemplar[], l2: number): { urgent: LogisticWeights; risk: LogisticWeights } {
  return {
    urgent: trainLogistic(vectors, exemplars.map((e) => (e.label === 'urgent' ? 1 : 0)), { l2 }),
    risk: trainLogistic(vectors, exemplars.map((e) => (e.label === 'negative' ? 0 : 1)), { l2 }),
  };
}

/**
 * The semantic layer of the safety check. Two small logistic models over sentence vectors,
 * trained on the team's exemplars (knowledge/safety/exemplars.yaml): P(urgent) and P(risk is
 * the subject). Every part of a message is read (the whole, and each sentence, a short one
 * with its neighbour), so a risk said in passing inside a long message about school is
 * heard; the most worrying part decides. The kind is the urgent kind whose nearest exemplars
 * are closest to that part. Plain TypeScript over the Embedder interface.
 */
export class SemanticSafetyLayer {
  private constructor(
    private readonly embedder: Embedder,
    private readonly exemplars: readonly Exemplar[],
    private readonly vectors: readonly Float32Array[],
    readonly model: SafetyModel,
  ) {}

  /**
   * Builds the layer. The exemplars' vectors come from the cache when fresh. When the fitted
   * model does not match the exemplars (they changed since `npm run safety:fit`), the models are
   * trained again here, with the fitted thresholds, and `stale` says so.
   */
  static async create(embedder: Embedder, exemplars: readonly Exemplar[], fitted: SafetyModel, cache?: VectorCache): Promise<{ layer: SemanticSafetyLayer; stale: boolean }> {
    const texts = exemplars.map((e) => semanticText(e.text));
    const vectors = cache ? (await cache.vectorsFor('safety-exemplars', texts)).vectors : await embedder.embed(texts);
    const hash = exemplarsHash(embedder.modelId, exemplars);
    const stale = fitted.exemplarsHash !== hash || fitted.modelId !== embedder.modelId || fitted.urgent.w.length !== embedder.dimensions;
    const model = stale ? { ...fitted, ...fitModels(vectors, exemplars, fitted.l2), exemplarsHash: hash, modelId: embedder.modelId } : fitted;
    return { layer: new SemanticSafetyLayer(embedder, exemplars, vectors, model), stale };
  }

  /** The same layer with other models or thresholds (for fitting and cross-validation). */
  with(model: Partial<SafetyModel>): SemanticSafetyLayer {
    return new SemanticSafetyLayer(this.embedder, this.exemplars, this.vectors, { ...this.model, ...model });
  }

  private get labels(): Exemplar['label'][] {
    return (this.labelCache ??= this.exemplars.map((e) => e.label));
  }
  private labelCache?: Exemplar['label'][];

  scoreVector(v: Float32Array): PartScores {
    const p = probability(this.model.urgent, v);
    const margin = this.model.knn ? knnMargin(v, this.vectors, this.labels, this.model.knn.k) : 0;
    return { urgent: urgentScore(p, margin, this.model.knn), risk: probability(this.model.risk, v), vector: v };
  }

  /** The urgent (or support) kind whose k nearest exemplars are closest to `v`. */
  kindOf(v: Float32Array, label: 'urgent' | 'support'): string {
    const byKind = new Map<string, number[]>();
    this.exemplars.forEach((e, i) => {
      if (e.label !== label) return;
      const list = byKind.get(e.kind) ?? [];
      list.push(dot(this.vectors[i], 0, v));
      byKind.set(e.kind, list);
    });
    let best = '';
    let bestScore = -Infinity;
    for (const [kind, sims] of byKind) {
      const top = sims.sort((a, b) => b - a).slice(0, this.model.k);
      const m = top.reduce((a, b) => a + b, 0) / top.length;
      if (m > bestScore) {
        bestScore = m;
        best = kind;
      }
    }
    return best;
  }

  decide(parts: readonly PartScores[]): SafetyAssessment {
    if (parts.length === 0) return NO_RISK;
    const top = parts.reduce((a, b) => (b.urgent > a.urgent ? b : a));
    if (top.urgent >= this.model.urgentThreshold) {
      const kind = this.kindOf(top.vector, 'urgent') as UrgentKind;
      return { outcome: 'urgent', kind, layer: 'semantic', reason: `semantic:${kind}:${top.urgent.toFixed(2)}` };
    }
    const risky = parts.reduce((a, b) => (b.risk > a.risk ? b : a));
    if (risky.risk >= this.model.supportThreshold) {
      const kind = this.kindOf(risky.vector, 'support') as SupportKind;
      return { outcome: 'support', kind, layer: 'semantic', reason: `semantic-support:${kind}:${risky.risk.toFixed(2)}` };
    }
    return NO_RISK;
  }

  /** Each part of the message, embedded and scored. */
  async partScores(text: string): Promise<PartScores[]> {
    const parts = messageParts(text, this.model.minSentenceWords);
    if (parts.length === 1) return (await embedByLength(this.embedder, parts)).map((v) => this.scoreVector(v));
    // A longer message: its sentences are embedded, and the whole is read as their mean (the
    // sentence model's vectors add up meaningfully), so no word is embedded twice.
    const vs = await embedByLength(this.embedder, parts.slice(1));
    const mean = new Float32Array(vs[0].length);
    for (const v of vs) for (let j = 0; j < v.length; j++) mean[j] += v[j];
    return [unitLength(mean), ...vs].map((v) => this.scoreVector(v));
  }

  async assess(text: string): Promise<SafetyAssessment> {
    // A word or two ("yes please", "Trafford") is too little for sentence vectors to read
    // reliably; the lexical layer reads those.
    const words = semanticText(text).split(' ').filter(Boolean).length;
    if (words < this.model.minSentenceWords) return NO_RISK;
    const found = this.decide(await this.partScores(text));
    // Support from vectors alone needs a sentence or more: short replies to the bot's own
    // questions ("I'm his mum", "don't send it") sit near everything and carry no subject.
    return found.outcome === 'support' && words < MIN_SUPPORT_WORDS ? NO_RISK : found;
  }
}
