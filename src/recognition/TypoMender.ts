import Fuse from 'fuse.js';

/**
 * Mends misspelt words against a small vocabulary ("recepton" → "reception",
 * "colledge" → "college") with fuse.js, so the patterns that follow can stay exact.
 * Only words of five or more letters that are not already in the vocabulary are
 * touched (short words are too easily mistaken for one another), and only by a word
 * with the same first letter and nearly the same length.
 */
export class TypoMender {
  private readonly words: Set<string>;
  private readonly fuse: Fuse<string>;

  constructor(
    vocabulary: readonly string[],
    /** fuse.js score (0 exact … 1 anything) at or under which a word is replaced. */
    private readonly maxScore = 0.3,
  ) {
    this.words = new Set(vocabulary.map((w) => w.toLowerCase()));
    this.fuse = new Fuse([...this.words], { includeScore: true, threshold: maxScore, distance: 10, minMatchCharLength: 3 });
  }

  /** The text with each misspelt vocabulary word replaced by the vocabulary word. */
  mend(text: string): string {
    return text.replace(/[a-z]{5,}/g, (word) => {
      if (this.words.has(word)) return word;
      const best = this.fuse.search(word, { limit: 1 })[0];
      if (!best || (best.score ?? 1) > this.maxScore) return word;
      // A close match must start with the same letter and be within a letter of the same length,
      // or "nursery" would become "nurse" and "other" would become "mother".
      return best.item[0] === word[0] && Math.abs(best.item.length - word.length) <= 1 ? best.item : word;
    });
  }
}
