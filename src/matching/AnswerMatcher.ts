import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import type { Answer } from '../knowledge/Answer';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { TextNormaliser } from './TextNormaliser';

export type MatchOutcome = 'answer' | 'clarify' | 'none';

export interface RankedAnswer {
  answer: Answer;
  /** 0–1, higher is better. */
  score: number;
}

export interface MatchResult {
  query: string;
  outcome: MatchOutcome;
  /** Confidence in the top candidate, 0–1. */
  confidence: number;
  /** `answer`: the one answer; `clarify`: the two or three close candidates; `none`: empty. */
  candidates: RankedAnswer[];
}

/**
 * Where the three outcomes divide. Set from measurement with `npm run eval`
 * (see README, "Matching"); change them only with a new measurement.
 */
export interface MatcherThresholds {
  /** Below this confidence the matcher abstains (`none`). */
  minConfidence: number;
  /** A runner-up scoring at least this share of the winner's score makes it a close call (`clarify`). */
  closeRatio: number;
  /** At or above this confidence a close call is still answered when the winner leads by `decisiveLead`. */
  sureConfidence: number;
  decisiveLead: number;
}

export const DEFAULT_THRESHOLDS: MatcherThresholds = {
  minConfidence: 0.35,
  closeRatio: 0.85,
  sureConfidence: 0.7,
  decisiveLead: 0.08,
};

interface IndexedAnswer {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  body: string;
}

/** Field weights for word-level ranking: people's phrasings and keywords count most. */
const BOOST = { questions: 3, keywords: 2.5, title: 2, body: 0.6 };

/**
 * Ranks knowledge-base answers for a free-text question. Word-level relevance comes from
 * MiniSearch's BM25 over stemmed words (wink-porter2-stemmer); typos are mended first by
 * fuse.js against the knowledge base's own vocabulary; text-speak and abbreviations are
 * rewritten by TextNormaliser. Plain TypeScript: no Bot Framework here.
 */
export class AnswerMatcher {
  private readonly normaliser: TextNormaliser;
  private readonly index: MiniSearch<IndexedAnswer>;
  private readonly vocabulary: Set<string>;
  private readonly speller: Fuse<string>;
  /** Stemmed terms each answer knows, for how much of a question an answer covers. */
  private readonly answerTerms = new Map<string, Set<string>>();
  /** How rare each stemmed term is across answers (inverse document frequency). */
  private readonly idf = new Map<string, number>();
  private readonly unknownTermWeight: number;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly thresholds: MatcherThresholds = DEFAULT_THRESHOLDS,
  ) {
    this.normaliser = new TextNormaliser(kb.rewrites);
    const docs = kb.answers.map((a) => ({
      id: a.id,
      title: a.title,
      questions: a.questions.join(' \n '),
      keywords: a.keywords.join(' \n '),
      body: a.body,
    }));
    this.index = new MiniSearch<IndexedAnswer>({
      fields: ['title', 'questions', 'keywords', 'body'],
      tokenize: (text) => this.normaliser.tokens(text),
      processTerm: (term) => term,
      searchOptions: { boost: BOOST, combineWith: 'OR' },
    });
    this.index.addAll(docs);

    this.vocabulary = new Set();
    for (const d of docs) {
      const text = [d.title, d.questions, d.keywords, d.body].join(' ');
      for (const w of this.normaliser.normalise(text).split(' ')) if (w.length > 2) this.vocabulary.add(w);
      this.answerTerms.set(d.id, new Set(this.normaliser.tokens(text)));
    }
    this.speller = new Fuse([...this.vocabulary], { includeScore: true, threshold: 0.3, distance: 20 });

    const n = docs.length;
    const df = new Map<string, number>();
    for (const terms of this.answerTerms.values()) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + n / f));
    this.unknownTermWeight = Math.log(1 + n);
  }

  /** The question with typos mended against the knowledge base's vocabulary. */
  correct(question: string): string {
    return this.normaliser
      .normalise(question)
      .split(' ')
      .map((w) => {
        if (w.length < 4 || !/^[a-z]+$/.test(w) || this.vocabulary.has(w) || TextNormaliser.isStopword(w)) return w;
        if (this.idf.has(TextNormaliser.stemWord(w))) return w;
        const best = this.speller.search(w, { limit: 1 })[0];
        return best && (best.score ?? 1) <= 0.3 ? best.item : w;
      })
      .join(' ');
  }

  /** Every answer with any relevance, best first, scores 0–1. */
  rank(question: string): RankedAnswer[] {
    const corrected = this.correct(question);
    const terms = [...new Set(this.normaliser.tokens(corrected))];
    if (terms.length === 0) return [];
    const totalWeight = terms.reduce((s, t) => s + this.weight(t), 0);
    const hits = this.index.search(corrected);
    if (hits.length === 0) return [];
    const best = hits[0].score;
    return hits
      .map((h) => {
        const known = this.answerTerms.get(h.id as string) ?? new Set<string>();
        const covered = terms.reduce((s, t) => s + (known.has(t) ? this.weight(t) : 0), 0) / totalWeight;
        // Relevance relative to the best hit, tempered by how much of the question this answer covers
        // and by how strong the best hit is in absolute terms (a weak best is not a sure answer).
        const strength = 1 - Math.exp(-best / 12);
        const score = covered * Math.sqrt(h.score / best) * (0.5 + 0.5 * strength);
        return { answer: this.kb.get(h.id as string) as Answer, score: Math.min(1, score) };
      })
      .sort((a, b) => b.score - a.score);
  }

  match(question: string): MatchResult {
    const ranked = this.rank(question);
    const top = ranked[0];
    const t = this.thresholds;
    if (!top || top.score < t.minConfidence) {
      return { query: question, outcome: 'none', confidence: top?.score ?? 0, candidates: [] };
    }
    const close = ranked.slice(1, 3).filter((r) => r.score >= top.score * t.closeRatio);
    const decisive = top.score >= t.sureConfidence && (close.length === 0 || top.score - close[0].score >= t.decisiveLead);
    if (close.length === 0 || decisive) {
      return { query: question, outcome: 'answer', confidence: top.score, candidates: [top] };
    }
    return { query: question, outcome: 'clarify', confidence: top.score, candidates: [top, ...close] };
  }

  private weight(term: string): number {
    return this.idf.get(term) ?? this.unknownTermWeight;
  }
}
