import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Embedder } from '../matching/Embedder';
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
  /** Urgent when some part of the message has P(urgent) at least this. */
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

/** The parts of a message that are read: the whole, and for a longer one each sentence (a short one with its neighbour). */
export function messageParts(text: string, minSentenceWords: number): string[] {
  const whole = semanticText(text);
  const ss = sentences(whole);
  if (ss.length <= 1) return [whole || '.'];
  const parts = new Set<string>([whole]);
  // Each sentence alone; a short one ("got the pills.", "bye") read with its neighbour.
  for (let i = 0; i < ss.length; i++) {
    if (ss[i].split(' ').length >= minSentenceWords + 2) parts.add(ss[i]);
    else if (i + 1 < ss.length) parts.add(`${ss[i]}. ${ss[i + 1]}`);
    else if (i > 0) parts.add(`${ss[i - 1]}. ${ss[i]}`);
  }
  return [...parts].slice(0, 16);
}

/** Fewer words than this never get support from the semantic layer alone. */
export const MIN_SUPPORT_WORDS = 6;

export interface PartScores {
  /** P(urgent) for the part. */
  urgent: number;
  /** P(urgent or support) for the part. */
  risk: number;
  vector: Float32Array;
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

  scoreVector(v: Float32Array): PartScores {
    return { urgent: probability(this.model.urgent, v), risk: probability(this.model.risk, v), vector: v };
  }

  /** The urgent (or support) kind whose k nearest exemplars are closest to `v`. */
  kindOf(v: Float32Array, label: 'urgent' | 'support'): string {
    const byKind = new Map<string, number[]>();
    this.exemplars.forEach((e, i) => {
      if (e.label !== label) return;
      let s = 0;
      const x = this.vectors[i];
      for (let j = 0; j < x.length; j++) s += x[j] * v[j];
      const list = byKind.get(e.kind) ?? [];
      list.push(s);
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
    // The whole message alone (a MemoisingEmbedder shares it with the matcher when the texts
    // agree), then the sentences in one batch.
    const [whole] = await this.embedder.embed([parts[0]]);
    const rest = parts.length > 1 ? await this.embedder.embed(parts.slice(1)) : [];
    return [whole, ...rest].map((v) => this.scoreVector(v));
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
