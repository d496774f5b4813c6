/** Longest answer a recogniser reads, in characters: a guide answer is a few words, not a letter. */
export const MAX_ANSWER_CHARS = 300;
/** Most words a recogniser reads. */
export const MAX_ANSWER_WORDS = 40;
/** Longest word a recogniser reads: longer runs of letters or digits are cut to this. */
export const MAX_WORD_CHARS = 30;

export interface TextBounds {
  chars: number;
  words: number;
  wordChars: number;
}

export const ANSWER_BOUNDS: TextBounds = { chars: MAX_ANSWER_CHARS, words: MAX_ANSWER_WORDS, wordChars: MAX_WORD_CHARS };

/** A free-text answer (a worry told in a few sentences): more of it is read, still bounded. */
export const FREE_TEXT_BOUNDS: TextBounds = { chars: 1000, words: 160, wordChars: MAX_WORD_CHARS };

/**
 * The start of what a person typed, small enough that reading it costs little whatever it is:
 * at most `chars` characters and `words` words, each word at most `wordChars` characters
 * (recognizers-text and fuse.js cost more than linearly in the length of what they read:
 * "1 1 1 …" over 5,000 characters took 9 s in the duration model). What a guide question
 * asks for ("year 3", "about two terms", "yes, SALT and the EP") fits well inside.
 */
export function boundedText(input: string, bounds: TextBounds = ANSWER_BOUNDS): string {
  const head = input.slice(0, bounds.chars);
  const words = head.split(/\s+/).filter((w) => w.length > 0);
  return words
    .slice(0, bounds.words)
    .map((w) => (w.length > bounds.wordChars ? w.slice(0, bounds.wordChars) : w))
    .join(' ');
}
