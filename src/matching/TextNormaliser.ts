import stem from 'wink-porter2-stemmer';

/**
 * Words that carry no topic: dropped before ranking. Question words and pronouns go;
 * negations stay out of this list because "not" changes what a person asks.
 */
const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for from with into about as is are was were be been being am ' +
    'do does did doing have has had having i me my mine we us our you your he him his she her they them their it its ' +
    'this that these those there here what which whom whose where can could would should will shall ' +
    'may might must just very really too also any some all much many more most such than own same other only up down ' +
    'out over again further once get got getting go going want wants need needs needed know tell please thanks thank ' +
    'hi hello hey ok okay yes yeah im ive id ill dont doesnt didnt isnt arent wasnt cant wont not no nor ' +
    'exactly actually basically really literally like would love etc anyway currently possibly probably ' +
    'nothing anything something everything ' +
    'child childs children kid kids son sons daughter daughters boy boys girl girls grandson grandsons granddaughter granddaughters stepson stepdaughter ' +
    'pupil pupils student students young person people ' +
    'school schools year years old mum dad parent parents carer carers family'
  ).split(/\s+/),
);

/** Common contractions, so "doesn't" and "does not" read the same. */
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/'s\b/g, ''],
];

/**
 * Longest text normalised, in characters: above any message (5,000) and any knowledge-base text,
 * so it only stops a pathological input from costing the server.
 */
export const MAX_NORMALISE_CHARS = 8000;
/** Longest word kept: longer runs of letters and digits are cut (no English word is longer; a 5,000-letter "word" cost fuse.js seconds). */
export const MAX_WORD_CHARS = 40;
/** Most of a question the matcher reads (the /api/answers limit too), and how much of it comes from the start. */
export const MAX_QUESTION_CHARS = 1000;
const QUESTION_HEAD_CHARS = 250;
const LONG_WORD = new RegExp(`([a-z0-9£]{${MAX_WORD_CHARS}})[a-z0-9£]+`, 'g');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Turns what people type into the words the knowledge base uses: lower case, plain
 * apostrophes, contractions opened, text-speak and abbreviations rewritten (from
 * `knowledge/synonyms.yaml`), punctuation dropped. Then tokens: stop words out, stemmed.
 */
export class TextNormaliser {
  private readonly rewrite: RegExp | undefined;
  private readonly rewrites: Map<string, string>;
  /** Stems of the knowledge base's own words, worked out once (stemming was a tenth of a turn's matching); never a message's words. */
  private readonly knownStems = new Map<string, string>();

  constructor(rewrites: Readonly<Record<string, string>>) {
    this.rewrites = new Map(Object.entries(rewrites).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
    const keys = [...this.rewrites.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // Whole words only: a key must not sit inside a longer word ("ds" is not in "needs").
    this.rewrite = keys.length ? new RegExp(`(?<![\\w£])(?:${keys.join('|')})(?![\\w])`, 'g') : undefined;
  }

  /**
   * The part of a long message the matcher reads: at most MAX_QUESTION_CHARS characters, its
   * start and its end (a long story usually ends in the question), cut at spaces. The urgent
   * check reads the whole message; this only bounds the cost of ranking.
   */
  static boundQuestion(text: string): string {
    if (text.length <= MAX_QUESTION_CHARS) return text;
    const head = text.slice(0, QUESTION_HEAD_CHARS).replace(/\S*$/, '');
    const tail = text.slice(text.length - (MAX_QUESTION_CHARS - QUESTION_HEAD_CHARS)).replace(/^\S*/, '');
    return `${head} ${tail}`;
  }

  /** Lower-cased text with synonyms applied and punctuation reduced to spaces. */
  normalise(text: string): string {
    let t = (text.length > MAX_NORMALISE_CHARS ? text.slice(0, MAX_NORMALISE_CHARS) : text)
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/&/g, ' and ')
      .replace(/(\d),(\d{3})\b/g, '$1$2');
    for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
    if (this.rewrite) t = t.replace(this.rewrite, (m) => ` ${this.rewrites.get(m) ?? m} `);
    return t
      .replace(/[^a-z0-9£ ]+/g, ' ')
      .replace(LONG_WORD, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** The content words of `text`, stemmed, in order. */
  tokens(text: string): string[] {
    return this.normalise(text)
      .split(' ')
      .filter((w) => w.length > 0 && !STOPWORDS.has(w))
      .map((w) => this.knownStems.get(w) ?? TextNormaliser.stemWord(w));
  }

  /** Keeps the stems of these words (the knowledge base's vocabulary), so they are not worked out again for every message. */
  learnStems(words: Iterable<string>): void {
    for (const w of words) if (!this.knownStems.has(w)) this.knownStems.set(w, TextNormaliser.stemWord(w));
  }

  /** Stems one already-normalised word (numbers and £ figures stay as they are). */
  static stemWord(word: string): string {
    return /^[a-z]+$/.test(word) ? stem(word) : word;
  }

  static isStopword(word: string): boolean {
    return STOPWORDS.has(word);
  }
}
