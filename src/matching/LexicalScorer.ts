import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { TextNormaliser } from './TextNormaliser';

/** Prefix of the ids of out-of-scope subjects among the candidates. */
export const OUT_OF_SCOPE = 'out-of-scope:';

/** One candidate's lexical evidence for a question. */
export interface LexicalScore {
  /** An answer id, or `out-of-scope:<id>` for a subject it does not answer. */
  id: string;
  /** 0–1: BM25 relevance relative to the best hit, tempered by coverage and absolute strength. */
  score: number;
  /** How closely the question echoes one of this candidate's phrasings (weighted Jaccard), 0–1. */
  echo: number;
}

interface IndexedAnswer {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  body: string;
}

type PassageKind = 'question' | 'title' | 'keywords' | 'body';

interface IndexedPassage {
  id: string;
  answerId: string;
  kind: PassageKind;
  text: string;
}

/** Field weights for the whole-answer ranking: people's phrasings and keywords count most. */
const FIELD_BOOST = { questions: 3, keywords: 2.5, title: 2, body: 0.6 };
/** How the two rankings combine: whole answers (all their words) and best single passages. */
const WHOLE_ANSWER_SHARE = 0.65;
/** Weight of a close echo of one phrasing on top of the two rankings. */
const ECHO_BONUS = 0.5;
/** A word no answer uses weighs this share of the rarest word's weight. */
const UNKNOWN_TERM_SHARE = 0.7;
/** A best whole-answer BM25 score of this size is a fairly strong match. */
const STRENGTH_SCALE = 12;
/** How much each kind of passage counts: people's phrasings and titles most, the answer text least. */
const KIND_WEIGHT: Record<PassageKind, number> = { question: 1, title: 1, keywords: 0.8, body: 0.45 };
/** Echo (the costly feature) is worked out only for this many of the best candidates. */
const ECHO_CANDIDATES = 12;
/** Longest word the typo mender looks at: longer strings are not words anyone mistyped. */
const MAX_MENDED_WORD = 24;
/** At most this many fuzzy searches per message (each is a pass over the vocabulary). */
const MAX_MENDED_PER_MESSAGE = 20;
/** Mended words remembered across messages (people misspell the same words). */
const MENDED_MEMORY = 5000;

/**
 * The lexical stage of matching: typos mended against the knowledge base's own vocabulary
 * (fuse.js), then BM25 (MiniSearch) over whole answers and over their single best passages,
 * with an echo feature for a question that repeats one phrasing's content words. The
 * out-of-scope subjects are candidates too, so a question about benefits finds its real
 * neighbour. Plain TypeScript: no Bot Framework here.
 */
export class LexicalScorer {
  readonly normaliser: TextNormaliser;
  private readonly index: MiniSearch<IndexedPassage>;
  private readonly answerIndex: MiniSearch<IndexedAnswer>;
  private readonly vocabulary: Set<string>;
  /** The vocabulary by word length: a typo keeps roughly its length, so only three lengths are searched. */
  private readonly spellers = new Map<number, Fuse<string>>();
  private readonly phrasingTerms = new Map<string, Array<Set<string>>>();
  private readonly answerTerms = new Map<string, Set<string>>();
  private readonly idf = new Map<string, number>();
  private readonly unknownTermWeight: number;
  private readonly mended = new Map<string, string>();

  constructor(kb: KnowledgeBase) {
    this.normaliser = new TextNormaliser(kb.rewrites);
    const docs: IndexedAnswer[] = kb.answers.map((a) => ({
      id: a.id,
      title: a.title,
      questions: kb.phrasingsOf(a.id).join(' \n '),
      keywords: a.keywords.join(' \n '),
      body: a.body,
    }));
    for (const t of kb.outOfScope) {
      docs.push({ id: `${OUT_OF_SCOPE}${t.id}`, title: t.title, questions: t.phrasings.join(' \n '), keywords: '', body: '' });
    }
    const passages: IndexedPassage[] = [
      ...kb.outOfScope.flatMap((t) => t.phrasings.map((q, i) => ({ id: `${OUT_OF_SCOPE}${t.id}#q${i}`, answerId: `${OUT_OF_SCOPE}${t.id}`, kind: 'question' as const, text: q }))),
      ...kb.answers.flatMap((a) => [
        ...kb.phrasingsOf(a.id).map((q, i) => ({ id: `${a.id}#q${i}`, answerId: a.id, kind: 'question' as const, text: q })),
        { id: `${a.id}#title`, answerId: a.id, kind: 'title' as const, text: a.title },
        { id: `${a.id}#keywords`, answerId: a.id, kind: 'keywords' as const, text: a.keywords.join(' ') },
        { id: `${a.id}#body`, answerId: a.id, kind: 'body' as const, text: a.body },
      ]),
    ];
    const tokenize = (text: string) => this.normaliser.tokens(text);
    this.index = new MiniSearch<IndexedPassage>({
      fields: ['text'],
      storeFields: ['answerId', 'kind'],
      tokenize,
      processTerm: (term) => term,
      searchOptions: { combineWith: 'OR' },
    });
    this.index.addAll(passages);
    this.answerIndex = new MiniSearch<IndexedAnswer>({
      fields: ['title', 'questions', 'keywords', 'body'],
      tokenize,
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
    this.normaliser.learnStems(this.vocabulary);
    const byLength = new Map<number, string[]>();
    for (const w of this.vocabulary) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
    for (const [n, words] of byLength) this.spellers.set(n, new Fuse(words, { includeScore: true, threshold: 0.3, distance: 20 }));

    const n = docs.length;
    const df = new Map<string, number>();
    for (const terms of this.answerTerms.values()) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + n / f));
    this.unknownTermWeight = UNKNOWN_TERM_SHARE * Math.log(1 + n);
  }

  /** The question normalised, with typos mended against the knowledge base's vocabulary. */
  correct(question: string): string {
    let searches = 0;
    return this.normaliser
      .normalise(question)
      .split(' ')
      .map((w) => {
        if (w.length < 4 || w.length > MAX_MENDED_WORD || !/^[a-z]+$/.test(w) || this.vocabulary.has(w) || TextNormaliser.isStopword(w)) return w;
        if (this.idf.has(TextNormaliser.stemWord(w))) return w;
        const known = this.mended.get(w);
        if (known !== undefined) return known;
        // Bounded work per message: a long message mends its first few unknown words only.
        if (++searches > MAX_MENDED_PER_MESSAGE) return w;
        // A typo keeps roughly its length: "sencp" is "senco", but "loss" is not "possibly".
        const best = [w.length - 1, w.length, w.length + 1]
          .flatMap((n) => this.spellers.get(n)?.search(w, { limit: 3 }) ?? [])
          .sort((a, b) => (a.score ?? 1) - (b.score ?? 1))
          .find((r) => (r.score ?? 1) <= 0.3);
        const mended = best ? best.item : w;
        if (this.mended.size >= MENDED_MEMORY) this.mended.delete(this.mended.keys().next().value as string);
        this.mended.set(w, mended);
        return mended;
      })
      .join(' ');
  }

  /** Content words of already-corrected text, stemmed and de-duplicated. */
  terms(corrected: string): string[] {
    return [...new Set(this.normaliser.tokens(corrected))];
  }

  /** Every candidate with any lexical relevance to the corrected text, best first. */
  score(corrected: string): LexicalScore[] {
    const terms = this.terms(corrected);
    if (terms.length === 0) return [];
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
    if (perAnswer.size === 0 || whole.length === 0) return [];
    const passageRaw = new Map(
      [...perAnswer].map(([id, scores]) => {
        const [a = 0, b = 0, c = 0] = scores.sort((x, y) => y - x);
        return [id, a + 0.15 * b + 0.05 * c] as const;
      }),
    );
    const bestPassage = Math.max(...passageRaw.values());
    const bestWhole = whole[0].score;
    const termSet = new Set(terms);
    // Echo costs a pass over every phrasing of an answer: only the best few candidates by the
    // two rankings get it, so the cost grows with the candidates worth scoring, not the base.
    const base = whole
      .map((h) => ({ id: h.id as string, raw: WHOLE_ANSWER_SHARE * (h.score / bestWhole) + (1 - WHOLE_ANSWER_SHARE) * ((passageRaw.get(h.id as string) ?? 0) / bestPassage), echo: 0 }))
      .sort((a, b) => b.raw - a.raw);
    for (const c of base.slice(0, ECHO_CANDIDATES)) {
      c.echo = this.echo(c.id, termSet);
      c.raw += ECHO_BONUS * c.echo;
    }
    const best = Math.max(...base.map((r) => r.raw));
    // A weak best hit is not a sure answer, however far it leads.
    const strength = 1 - Math.exp(-bestWhole / STRENGTH_SCALE);
    return base
      .map((h) => {
        const known = this.answerTerms.get(h.id) ?? new Set<string>();
        const covered = terms.reduce((s, t) => s + (known.has(t) ? this.weight(t) : 0), 0) / totalWeight;
        return { id: h.id, score: Math.min(1, covered * (h.raw / best) * (0.5 + 0.5 * strength)), echo: h.echo };
      })
      .sort((a, b) => b.score - a.score);
  }

  /** How closely the terms echo one of the candidate's phrasings: best weighted Jaccard overlap, 0–1. */
  private echo(answerId: string, terms: Set<string>): number {
    let best = 0;
    const termWeight = [...terms].reduce((s, t) => s + this.weight(t), 0);
    for (const p of this.phrasingTerms.get(answerId) ?? []) {
      let shared = 0;
      let onlyPhrasing = 0;
      for (const t of p) {
        const w = this.weight(t);
        if (terms.has(t)) shared += w;
        else onlyPhrasing += w;
      }
      const all = termWeight + onlyPhrasing;
      if (all > 0) best = Math.max(best, shared / all);
    }
    return best;
  }

  private weight(term: string): number {
    return this.idf.get(term) ?? this.unknownTermWeight;
  }
}
