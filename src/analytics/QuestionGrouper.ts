import { createHash } from 'node:crypto';
import { cosine, type Embedder } from '../matching/Embedder';
import { TextNormaliser } from '../matching/TextNormaliser';
import { withoutRedactions } from './Redactor';

export interface QuestionGroup {
  /** Stable for the same members: a short hash of them. */
  id: string;
  /** The member most like the others. */
  representative: string;
  /** Every member, most frequent first (a question asked twice is listed once, counted twice). */
  members: Array<{ text: string; count: number }>;
  /** How many questions, repeats included. */
  count: number;
}

/**
 * Lexical: share of content words (stemmed, synonyms applied) in common. Semantic: cosine of
 * Universal Sentence Encoder lite vectors; paraphrases there score about 0.6 to 0.75 and unrelated
 * questions of this subject up to about 0.55, so 0.6 keeps unrelated questions apart.
 */
export const GROUPING_THRESHOLDS = { lexical: 0.4, semantic: 0.6 } as const;

/**
 * Groups questions that ask the same thing. With an Embedder (the Universal Sentence Encoder in
 * the repo) by meaning or shared words, whichever is closer; without one by the content words they share (Jaccard over the matcher's own
 * normalised, stemmed tokens). Greedy: each question, most frequent first, joins the group it is most
 * like on average if that passes the threshold, else starts one. Deterministic for the same input.
 */
export class QuestionGrouper {
  private readonly normaliser: TextNormaliser;

  constructor(
    rewrites: Readonly<Record<string, string>> = {},
    private readonly embedder?: Embedder,
    private readonly thresholds: { lexical: number; semantic: number } = GROUPING_THRESHOLDS,
  ) {
    this.normaliser = new TextNormaliser(rewrites);
  }

  get method(): 'semantic' | 'lexical' {
    return this.embedder ? 'semantic' : 'lexical';
  }

  async group(texts: readonly string[]): Promise<QuestionGroup[]> {
    const counts = new Map<string, number>();
    for (const t of texts.map((x) => x.trim()).filter(Boolean)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const unique = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    const similarity = await this.similarity(unique);
    const groups: number[][] = [];
    unique.forEach((_, i) => {
      let best = -1;
      let bestSim = -Infinity;
      groups.forEach((g, gi) => {
        const s = g.reduce((sum, j) => sum + similarity(i, j), 0) / g.length;
        if (s > bestSim) {
          bestSim = s;
          best = gi;
        }
      });
      if (best >= 0 && bestSim >= 1) groups[best].push(i);
      else groups.push([i]);
    });
    return groups
      .map((g) => {
        const members = g.map((i) => ({ text: unique[i], count: counts.get(unique[i]) ?? 1 }));
        const central = g.reduce((a, b) => (this.centrality(b, g, similarity) > this.centrality(a, g, similarity) ? b : a), g[0]);
        const id = createHash('sha256').update(members.map((m) => m.text).sort().join('\n')).digest('hex').slice(0, 8);
        return { id, representative: unique[central], members, count: members.reduce((n, m) => n + m.count, 0) };
      })
      .sort((a, b) => b.count - a.count || a.representative.localeCompare(b.representative));
  }

  private centrality(i: number, g: number[], similarity: (a: number, b: number) => number): number {
    return g.reduce((s, j) => s + (i === j ? 0 : similarity(i, j)), 0);
  }

  /** Similarity scaled so that 1 is the threshold: with an embedder, whichever of meaning and shared words is closer. */
  private async similarity(texts: string[]): Promise<(a: number, b: number) => number> {
    const sets = texts.map((t) => new Set(this.normaliser.tokens(withoutRedactions(t))));
    const lexical = (a: number, b: number) => jaccard(sets[a], sets[b]) / this.thresholds.lexical;
    if (!this.embedder) return lexical;
    const vectors = await this.embedder.embed(texts.map(withoutRedactions));
    return (a, b) => Math.max(lexical(a, b), cosine(vectors[a], vectors[b]) / this.thresholds.semantic);
  }
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return both / (a.size + b.size - both);
}
