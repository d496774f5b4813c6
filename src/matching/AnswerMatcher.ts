import type { Answer } from '../knowledge/Answer';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { DigestMemo } from './DigestMemo';
import { decide, type DecisionParameters, type MatchOutcome } from './DecisionPolicy';
import { LexicalScorer, OUT_OF_SCOPE } from './LexicalScorer';
import { questionParts } from './QuestionFocus';
import { fuse, type FusedCandidate, type FusionWeights, type ScoredReading } from './ScoreFusion';
import type { SemanticScorer } from './SemanticScorer';
import fittedPolicy from './match-policy.json';

export type { MatchOutcome } from './DecisionPolicy';

export interface RankedAnswer {
  answer: Answer;
  /** The fused ranking score. */
  score: number;
  /** How closely the question echoes one of this answer's phrasings, 0–1. */
  echo: number;
}

export interface MatchResult {
  query: string;
  outcome: MatchOutcome;
  /** The estimated chance that the top candidate is right, 0–1. */
  confidence: number;
  /** `answer`: the one answer; `clarify`: one to three close candidates (one when the only near runner-up is out of scope); `none`: empty. */
  candidates: RankedAnswer[];
  /** For `none`: the subject it does not cover that the question is about, if it is one. */
  outOfScope?: string;
}

/** Fusion weights and decision for one mode of matching. */
export interface ModePolicy {
  fusion: FusionWeights;
  decision: DecisionParameters;
}

/** The fitted policy file (`src/matching/match-policy.json`, written by `npm run eval -- --fit`). */
export interface MatchPolicy {
  version: number;
  /** With the semantic scorer. */
  semantic: ModePolicy;
  /** Lexical scoring alone (the model could not load). */
  lexical: ModePolicy;
}

export const FITTED_POLICY = fittedPolicy as unknown as MatchPolicy;

/** What the pipeline worked out for a message: every stage's output, for the decision and for measurement. */
export interface MatchTrace {
  /** Content words in the message (after filler). */
  words: number;
  /** Every candidate, out-of-scope subjects included, best first. */
  ranked: FusedCandidate[];
}

/** The scorers' outputs for a message: the whole (filler out) and its focus sentence in a longer one. */
export interface MessageReadings {
  words: number;
  whole: ScoredReading;
  focus?: ScoredReading;
}

/** Longest message the scorers read: beyond it a story adds nothing the focus sentence lacks. */
const MAX_READ_CHARS = 1200;

/** A long story is embedded by its opening (who and what) and its end (the question): the model's cost grows with length. */
const EMBED_HEAD_WORDS = 25;
const EMBED_TAIL_WORDS = 35;

function embeddable(text: string): string {
  const words = text.split(' ');
  return words.length <= EMBED_HEAD_WORDS + EMBED_TAIL_WORDS ? text : [...words.slice(0, EMBED_HEAD_WORDS), ...words.slice(-EMBED_TAIL_WORDS)].join(' ');
}

/** A message read and its vectors asked for. */
interface Embedding {
  words: number;
  texts: string[];
  vectors?: Promise<Float32Array[]>;
}

/** Messages whose readings are kept by default (a few megabytes at most: scores and ids, no text). */
export const READINGS_KEPT = 512;

function readingKey(question: string, embedFocus: boolean): string {
  return DigestMemo.key(embedFocus ? 'focus' : 'whole', question);
}


/**
 * Understanding as a pipeline: normalise (filler out, the question found inside a story,
 * text-speak and typos mended), score (lexical BM25; semantic sentence vectors when the
 * model is loaded), fuse, decide (answer, "Did you mean", or none) with weights and
 * thresholds fitted from measurement. Plain TypeScript: no Bot Framework here.
 */
export class AnswerMatcher {
  readonly lexical: LexicalScorer;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly semanticScorer?: SemanticScorer,
    private readonly policy: MatchPolicy = FITTED_POLICY,
    lexical?: LexicalScorer,
    /** Recent messages' readings kept (0: none; see read). */
    memoEntries = READINGS_KEPT,
  ) {
    this.lexical = lexical ?? new LexicalScorer(kb);
    this.readings = new DigestMemo<MessageReadings>(memoEntries);
  }

  /** "semantic" when sentence vectors take part, "lexical-only" when the model could not load. */
  get mode(): 'semantic' | 'lexical-only' {
    return this.semanticScorer ? 'semantic' : 'lexical-only';
  }

  private get modePolicy(): ModePolicy {
    return this.semanticScorer ? this.policy.semantic : this.policy.lexical;
  }

  /** The question normalised, with typos mended against the knowledge base's vocabulary. */
  correct(question: string): string {
    return this.lexical.correct(question);
  }

  /** Every stage's output for a message, under the given fusion weights (the policy's by default). */
  async trace(question: string, fusion: FusionWeights = this.modePolicy.fusion): Promise<MatchTrace> {
    return AnswerMatcher.fuseReadings(await this.read(question), fusion);
  }

  /**
   * Normalise and score: the scorers' outputs for the whole message and for its focus sentence.
   * The focus is embedded only when the policy gives it weight (`embedFocus`; the fitting script
   * asks for everything).
   */
  read(question: string, embedFocus = this.modePolicy.fusion.focusWeight > 0): Promise<MessageReadings> {
    // The readings are a pure function of the text (the knowledge base and the model do not
    // change while the server runs): a question asked again is served what it got before.
    return this.readings.get(readingKey(question, embedFocus), () => this.readAfresh(question, embedFocus));
  }

  private async readAfresh(question: string, embedFocus: boolean): Promise<MessageReadings> {
    const { words, texts, vectors: embedding } = this.embedding(question, embedFocus);
    if (words === 0) return { words, whole: { lexical: [] } };
    // The texts are with the model already (in its worker, on the other core): the lexical
    // scores are worked out while it embeds them.
    const lexical = texts.map((t) => this.lexical.score(t));
    const vectors = await embedding;
    const [w, f] = texts.map((_, i) => ({ lexical: lexical[i], semantic: vectors?.[i] ? this.semanticScorer?.score(vectors[i]) : undefined }));
    return { words, whole: w, focus: f };
  }

  /** Recent messages' readings, by a digest of the message (never its text). */
  private readonly readings: DigestMemo<MessageReadings>;

  /**
   * Starts reading the message now, before it is matched: the bot calls this as the safety check
   * begins, so the model embeds what both need in one call (BatchingEmbedder) instead of two in
   * turn. The reading goes into the readings memo, where the match that follows finds it. Decides
   * nothing (the safety check still comes first) and changes no vector. With the memo off
   * (memoEntries 0) it does nothing: the match could not find the reading, and would read again.
   */
  prepare(question: string): void {
    if (!this.semanticScorer || this.readings.capacity <= 0) return;
    this.read(question).catch(() => undefined);
  }

  /** The message read (filler out, focus found, typos mended), and its texts' vectors asked for. */
  private embedding(question: string, embedFocus: boolean): Embedding {
    const parts = questionParts(question.slice(0, MAX_READ_CHARS));
    const whole = this.lexical.correct(parts.whole);
    const focus = parts.sentences > 1 ? this.lexical.correct(parts.focus) : undefined;
    const words = this.lexical.terms(whole).length;
    if (words === 0) return { words, texts: [] };
    const texts = focus ? [whole, focus] : [whole];
    const vectors = this.semanticScorer?.embed(texts.slice(0, embedFocus ? 2 : 1).map(embeddable));
    return { words, texts, vectors };
  }

  /** Fuse: one ranking from the readings under the given weights. */
  static fuseReadings(r: MessageReadings, fusion: FusionWeights): MatchTrace {
    return { words: r.words, ranked: r.words === 0 ? [] : fuse(r.whole, r.focus, fusion) };
  }

  /** Answers ranked for a question, best first (out-of-scope subjects and what ranks below them left out). */
  async rank(question: string): Promise<RankedAnswer[]> {
    return this.answersAbove((await this.trace(question)).ranked);
  }

  async match(question: string): Promise<MatchResult> {
    return this.decideOn(question, await this.trace(question));
  }

  /** The decision on a trace (the fitting script calls this with traces it has built). */
  decideOn(query: string, t: MatchTrace, decision: DecisionParameters = this.modePolicy.decision): MatchResult {
    const d = decide(decision, t.ranked, t.words);
    return { query, outcome: d.outcome, confidence: d.confidence, candidates: this.toAnswers(d.chosen), outOfScope: d.outOfScope };
  }

  private answersAbove(ranked: FusedCandidate[]): RankedAnswer[] {
    const cut = ranked.findIndex((c) => c.id.startsWith(OUT_OF_SCOPE));
    return this.toAnswers(cut >= 0 ? ranked.slice(0, cut) : ranked);
  }

  private toAnswers(cs: FusedCandidate[]): RankedAnswer[] {
    return cs.flatMap((c) => {
      const answer = this.kb.get(c.id);
      return answer ? [{ answer, score: Math.max(0, Math.min(1, c.score)), echo: c.echo }] : [];
    });
  }
}
