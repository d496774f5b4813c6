import type { LexicalScore } from './LexicalScorer';
import type { SemanticScore } from './SemanticScorer';

/** How the scorers' evidence is weighed into one ranking score. Fitted by `npm run eval -- --fit`. */
export interface FusionWeights {
  /** Share of the semantic score against the lexical one (0: lexical only). */
  semanticWeight: number;
  /** Share of the focus sentence's scores against the whole message's (long messages only). */
  focusWeight: number;
  /** Share of the top-three mean in the semantic score against the single closest phrasing. */
  semanticTop3Share: number;
  /** Share of the answer classifier's score in the semantic score (0 when absent from an older policy). */
  classifierShare?: number;
  /** Weight of the echo feature (a question that repeats one phrasing's words) on top. */
  echoWeight: number;
}

/** The scorers' outputs for one reading of the message (the whole, or its focus sentence). */
export interface ScoredReading {
  lexical: LexicalScore[];
  semantic?: Map<string, SemanticScore>;
}

/** One candidate after fusion, with the features the decision policy reads. */
export interface FusedCandidate {
  id: string;
  /** The ranking score. */
  score: number;
  lexical: number;
  semantic: number;
  echo: number;
}

/** How many of each scorer's best candidates enter fusion. */
const POOL = 15;

function semanticOf(s: SemanticScore | undefined, w: FusionWeights): number {
  if (!s) return 0;
  const c = w.classifierShare ?? 0;
  return (1 - c) * ((1 - w.semanticTop3Share) * s.best + w.semanticTop3Share * s.top3) + c * s.classifier;
}

/**
 * Fusion: the lexical and semantic scores of the whole message and of its focus sentence,
 * weighed into one score per candidate. Candidates come from either scorer's best few.
 */
export function fuse(whole: ScoredReading, focus: ScoredReading | undefined, w: FusionWeights): FusedCandidate[] {
  const ids = new Set<string>();
  for (const r of [whole, focus]) {
    if (!r) continue;
    for (const l of r.lexical.slice(0, POOL)) ids.add(l.id);
    // The focus sentence's semantic candidates count only where it is weighed (it is then embedded).
    if (r.semantic && (r === whole || w.focusWeight > 0)) {
      for (const s of [...r.semantic.values()].sort((a, b) => b.best - a.best).slice(0, POOL)) ids.add(s.id);
    }
  }
  const lexOf = (r: ScoredReading | undefined, id: string) => r?.lexical.find((l) => l.id === id);
  const semantic = whole.semantic !== undefined;
  const f = focus ? w.focusWeight : 0;
  const out: FusedCandidate[] = [];
  for (const id of ids) {
    const lw = lexOf(whole, id);
    const lf = focus ? lexOf(focus, id) : undefined;
    const lexical = (1 - f) * (lw?.score ?? 0) + f * (lf?.score ?? 0);
    const echo = Math.max(lw?.echo ?? 0, lf?.echo ?? 0);
    const sem = semantic ? (1 - f) * semanticOf(whole.semantic?.get(id), w) + f * semanticOf(focus?.semantic?.get(id), w) : 0;
    const s = semantic ? w.semanticWeight : 0;
    out.push({ id, score: (1 - s) * lexical + s * sem + w.echoWeight * echo, lexical, semantic: sem, echo });
  }
  return out.sort((a, b) => b.score - a.score);
}
