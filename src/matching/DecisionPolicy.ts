import { OUT_OF_SCOPE } from './LexicalScorer';
import type { FusedCandidate } from './ScoreFusion';

export type MatchOutcome = 'answer' | 'clarify' | 'none';

/** The fitted decision: a logistic estimate that the top candidate is right, and where it divides. */
export interface DecisionParameters {
  /** Logistic coefficients, one per feature in DECISION_FEATURES, and the intercept. */
  coefficients: Record<DecisionFeature, number>;
  intercept: number;
  /** At or above this estimated chance of being right, answer outright. */
  answerAt: number;
  /** At or above this (and below answerAt), ask "Did you mean" with the close candidates. */
  clarifyAt: number;
  /** Candidates within this much of the top score are offered with it in "Did you mean". */
  clarifyWithin: number;
}

export const DECISION_FEATURES = ['top', 'gap', 'semantic', 'lexical', 'echo', 'length', 'outOfScope'] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/** The features of a ranking that the decision reads. `words`: content words in the message. */
export function decisionFeatures(ranked: readonly FusedCandidate[], words: number): Record<DecisionFeature, number> {
  const [a, b] = ranked;
  const out = ranked.find((c) => c.id.startsWith(OUT_OF_SCOPE));
  return {
    top: a?.score ?? 0,
    gap: (a?.score ?? 0) - (b?.score ?? 0),
    semantic: a?.semantic ?? 0,
    lexical: a?.lexical ?? 0,
    echo: a?.echo ?? 0,
    length: Math.min(1, Math.log(1 + words) / Math.log(60)),
    // How close the nearest subject we do not cover comes: a benefits question dressed in SEN words.
    outOfScope: out?.score ?? 0,
  };
}

/** The estimated chance that the top candidate is the right answer, 0–1. */
export function chanceRight(p: Pick<DecisionParameters, 'coefficients' | 'intercept'>, x: Record<DecisionFeature, number>): number {
  let z = p.intercept;
  for (const f of DECISION_FEATURES) z += p.coefficients[f] * x[f];
  return 1 / (1 + Math.exp(-z));
}

export interface Decision {
  outcome: MatchOutcome;
  /** The estimated chance the top candidate is right (0 when an out-of-scope subject ranks first). */
  confidence: number;
  /** `answer`: one; `clarify`: one to three; `none`: empty. Answers only, never an out-of-scope subject. */
  chosen: FusedCandidate[];
  /** For `none`: the out-of-scope subject that ranked first, if one did. */
  outOfScope?: string;
}

/**
 * The decision stage: answer, "Did you mean", or an honest "I don't know", from the fitted
 * estimate that the top candidate is right. The estimate reads the whole ranking (an
 * out-of-scope runner-up makes the top less sure); only answers ranked above the first
 * out-of-scope subject are offered, and an out-of-scope subject ranked first means none.
 */
export function decide(p: DecisionParameters, ranked: readonly FusedCandidate[], words: number): Decision {
  if (ranked.length === 0) return { outcome: 'none', confidence: 0, chosen: [] };
  if (ranked[0].id.startsWith(OUT_OF_SCOPE)) return { outcome: 'none', confidence: 0, chosen: [], outOfScope: ranked[0].id.slice(OUT_OF_SCOPE.length) };
  const firstOut = ranked.findIndex((c) => c.id.startsWith(OUT_OF_SCOPE));
  const offered = firstOut >= 0 ? ranked.slice(0, firstOut) : ranked;
  const confidence = chanceRight(p, decisionFeatures(ranked, words));
  if (confidence >= p.answerAt) return { outcome: 'answer', confidence, chosen: [offered[0]] };
  if (confidence >= p.clarifyAt) {
    const close = offered.slice(1, 3).filter((c) => c.score >= offered[0].score - p.clarifyWithin);
    // "Did you mean" offers a choice where there is one: the runner-up at least.
    return { outcome: 'clarify', confidence, chosen: [offered[0], ...(close.length ? close : offered.slice(1, 2))] };
  }
  return { outcome: 'none', confidence, chosen: [] };
}
