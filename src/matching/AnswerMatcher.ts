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
  /** How closely the question echoes one of this answer's phrasings, 0–1 (1: the same content words). */
  echo: number;
}

export interface MatchResult {
  query: string;
  outcome: MatchOutcome;
  /** Confidence in the top candidate, 0–1. */
  confidence: number;
  /** `answer`: the one answer; `clarify`: the two or three close candidates; `none`: empty. */
  candidates: RankedAnswer[];
  /** For `none`: the subject it does not cover that the question is about, if it is one. */
  outOfScope?: string;
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

/** Prefix of the ids of out-of-scope subjects inside the matcher. */
const OUT_OF_SCOPE = 'out-of-scope:';

export const DEFAULT_THRESHOLDS: MatcherThresholds = {
  minConfidence: 0.32,
  closeRatio: 0.85,
  sureConfidence: 0.7,
  decisiveLead: 0.15,
};

interface IndexedAnswer {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  body: string;
}

/** Field weights for the whole-answer ranking: people's phrasings and keywords count most. */
const FIELD_BOOST = { questions: 3, keywords: 2.5, title: 2, body: 0.6 };

/** How the two rankings combine: whole answers (all their words) and best single passages. */
const WHOLE_ANSWER_SHARE = 0.65;

/** Weight of a close echo of one phrasing (all the same words, few others) on top of the two rankings. */
const ECHO_BONUS = 0.5;

/** An echo this close (weighted Jaccard) means the question repeats one phrasing's content words. */
const EXACT_ECHO = 0.95;

/** A word no answer uses weighs this share of the rarest word's weight: enough that a question mostly about something else abstains. */
const UNKNOWN_TERM_SHARE = 0.7;

/** One searchable passage: a phrasing, the title, the keywords or the answer text of an answer. */
interface IndexedPassage {
  id: string;
  answerId: string;
  kind: PassageKind;
  text: string;
}

type PassageKind = 'question' | 'title' | 'keywords' | 'body';

/** How much each kind of passage counts: people's phrasings and titles most, the answer text least. */
/** A best passage scoring this (BM25) is a fairly strong match. */
const STRENGTH_SCALE = 12;

const KIND_WEIGHT: Record<PassageKind, number> = { question: 1, title: 1, keywords: 0.8, body: 0.45 };

/**
 * Ranks knowledge-base answers for a free-text question. Word-level relevance comes from
 * MiniSearch's BM25 over stemmed words (wink-porter2-stemmer); typos are mended first by
 * fuse.js against the knowledge base's own vocabulary; text-speak and abbreviations are
 * rewritten by TextNormaliser. Plain TypeScript: no Bot Framework here.
 */
export class AnswerMatcher {
  private readonly normaliser: TextNormaliser;
  private readonly index: MiniSearch<IndexedPassage>;
  private readonly answerIndex: MiniSearch<IndexedAnswer>;
  private readonly vocabulary: Set<string>;
  private readonly speller: Fuse<string>;
  /** Stemmed terms of each answer's phrasings and title, for how closely a question echoes one. */
  private readonly phrasingTerms = new Map<string, Array<Set<string>>>();
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
    // Subjects it does not answer are indexed too, so a question about benefits or transport
    // finds its real neighbour and abstains, instead of stretching an SEN answer to fit.
    for (const t of kb.outOfScope) {
      docs.push({ id: `${OUT_OF_SCOPE}${t.id}`, title: t.title, questions: t.phrasings.join(' \n '), keywords: '', body: '' });
    }
    const passages: IndexedPassage[] = [
      ...kb.outOfScope.flatMap((t) => t.phrasings.map((q, i) => ({ id: `${OUT_OF_SCOPE}${t.id}#q${i}`, answerId: `${OUT_OF_SCOPE}${t.id}`, kind: 'question' as const, text: q }))),
      ...kb.answers.flatMap((a) => [
      ...a.questions.map((q, i) => ({ id: `${a.id}#q${i}`, answerId: a.id, kind: 'question' as const, text: q })),
      { id: `${a.id}#title`, answerId: a.id, kind: 'title' as const, text: a.title },
      { id: `${a.id}#keywords`, answerId: a.id, kind: 'keywords' as const, text: a.keywords.join(' ') },
      { id: `${a.id}#body`, answerId: a.id, kind: 'body' as const, text: a.body },
      ]),
    ];
    this.index = new MiniSearch<IndexedPassage>({
      fields: ['text'],
      storeFields: ['answerId', 'kind'],
      tokenize: (text) => this.normaliser.tokens(text),
      processTerm: (term) => term,
      searchOptions: { combineWith: 'OR' },
    });
    this.index.addAll(passages);
    this.answerIndex = new MiniSearch<IndexedAnswer>({
      fields: ['title', 'questions', 'keywords', 'body'],
      tokenize: (text) => this.normaliser.tokens(text),
      processTerm: (term) => term,
      searchOptions: { boost: FIELD_BOOST, combineWith: 'OR' },
    });
    this.answerIndex.addAll(docs);

    for (const p of passages) {
      if (p.kind !== 'question' && p.kind !== 'title') continue;
      const list = this.phrasingTerms.get(p.answerId) ?? [];
      list.push(new Set(this.normaliser.tokens(p.text)));
      this.phrasingTerms.set(p.answerId, list);
    }
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
    this.unknownTermWeight = UNKNOWN_TERM_SHARE * Math.log(1 + n);
  }

  /** The question with typos mended against the knowledge base's vocabulary. */
  correct(question: string): string {
    return this.normaliser
      .normalise(question)
      .split(' ')
      .map((w) => {
        if (w.length < 4 || !/^[a-z]+$/.test(w) || this.vocabulary.has(w) || TextNormaliser.isStopword(w)) return w;
        if (this.idf.has(TextNormaliser.stemWord(w))) return w;
        // A typo keeps roughly its length: "sencp" is "senco", but "loss" is not "possibly".
        const best = this.speller.search(w, { limit: 3 }).find((r) => Math.abs(r.item.length - w.length) <= 1 && (r.score ?? 1) <= 0.3);
        return best ? best.item : w;
      })
      .join(' ');
  }

  /** Every answer with any relevance, best first, scores 0–1. */
  rank(question: string): RankedAnswer[] {
    return this.rankWithScope(question).ranked;
  }

  /**
   * The ranking, cut where an out-of-scope subject ranks: answers below it are not offered.
   * `outOfScope` names the subject when it ranks first.
   */
  private rankWithScope(question: string): { ranked: RankedAnswer[]; outOfScope?: string } {
    const none = { ranked: [] };
    const corrected = this.correct(question);
    const terms = [...new Set(this.normaliser.tokens(corrected))];
    if (terms.length === 0) return none;
    const totalWeight = terms.reduce((s, t) => s + this.weight(t), 0);
    // Each answer scores by its best passages: the best counts fully, the next two a little,
    // so an answer that several phrasings support beats one lucky phrasing.
    const perAnswer = new Map<string, number[]>();
    for (const h of this.index.search(corrected)) {
      const list = perAnswer.get(h.answerId as string) ?? [];
      list.push(h.score * KIND_WEIGHT[h.kind as PassageKind]);
      perAnswer.set(h.answerId as string, list);
    }
    const whole = this.answerIndex.search(corrected);
    if (perAnswer.size === 0 || whole.length === 0) return none;
    const passageRaw = new Map([...perAnswer].map(([id, scores]) => {
      const [a = 0, b = 0, c = 0] = scores.sort((x, y) => y - x);
      return [id, a + 0.15 * b + 0.05 * c] as const;
    }));
    const bestPassage = Math.max(...passageRaw.values());
    const bestWhole = whole[0].score;
    const termSet = new Set(terms);
    const raw = whole.map((h) => ({
      id: h.id as string,
      score:
        WHOLE_ANSWER_SHARE * (h.score / bestWhole) +
        (1 - WHOLE_ANSWER_SHARE) * ((passageRaw.get(h.id as string) ?? 0) / bestPassage) +
        ECHO_BONUS * this.echo(h.id as string, termSet),
    }));
    const best = Math.max(...raw.map((r) => r.score));
    const strengthRaw = bestWhole;
    const scored = raw
      .map((h) => {
        const known = this.answerTerms.get(h.id) ?? new Set<string>();
        const covered = terms.reduce((s, t) => s + (known.has(t) ? this.weight(t) : 0), 0) / totalWeight;
        // Relevance relative to the best hit, tempered by how much of the question this answer covers
        // and by how strong the best hit is in absolute terms (a weak best is not a sure answer).
        const strength = 1 - Math.exp(-strengthRaw / STRENGTH_SCALE);
        const score = covered * (h.score / best) * (0.5 + 0.5 * strength);
        return { id: h.id, score: Math.min(1, score), echo: this.echo(h.id, termSet) };
      })
      .sort((a, b) => b.score - a.score);
    // Nothing ranked below an out-of-scope subject is offered: the question is about that subject.
    const firstOutOfScope = scored.findIndex((r) => r.id.startsWith(OUT_OF_SCOPE));
    return {
      ranked: (firstOutOfScope >= 0 ? scored.slice(0, firstOutOfScope) : scored).map((r) => ({ answer: this.kb.get(r.id) as Answer, score: r.score, echo: r.echo })),
      outOfScope: firstOutOfScope === 0 ? scored[0].id.slice(OUT_OF_SCOPE.length) : undefined,
    };
  }

  match(question: string): MatchResult {
    const { ranked, outOfScope } = this.rankWithScope(question);
    const top = ranked[0];
    const t = this.thresholds;
    if (outOfScope) return { query: question, outcome: 'none', confidence: 0, candidates: [], outOfScope };
    if (!top || top.score < t.minConfidence) {
      return { query: question, outcome: 'none', confidence: top?.score ?? 0, candidates: [] };
    }
    const close = ranked.slice(1, 3).filter((r) => r.score >= top.score * t.closeRatio);
    // A question that says just what one answer's phrasing says, and no other answer's, is that answer.
    const exactEcho = top.echo >= EXACT_ECHO && close.every((c) => c.echo < EXACT_ECHO - 0.2);
    const decisive = exactEcho || (top.score >= t.sureConfidence && (close.length === 0 || top.score - close[0].score >= t.decisiveLead));
    if (close.length === 0 || decisive) {
      return { query: question, outcome: 'answer', confidence: top.score, candidates: [top] };
    }
    return { query: question, outcome: 'clarify', confidence: top.score, candidates: [top, ...close] };
  }

  /** How closely the question echoes one of the answer's phrasings: best weighted Jaccard overlap, 0–1. */
  private echo(answerId: string, terms: Set<string>): number {
    let best = 0;
    for (const p of this.phrasingTerms.get(answerId) ?? []) {
      let shared = 0;
      let all = 0;
      for (const t of new Set([...p, ...terms])) {
        const w = this.weight(t);
        all += w;
        if (p.has(t) && terms.has(t)) shared += w;
      }
      if (all > 0) best = Math.max(best, shared / all);
    }
    return best;
  }

  private weight(term: string): number {
    return this.idf.get(term) ?? this.unknownTermWeight;
  }
}
