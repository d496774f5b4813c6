import type compromise from 'compromise';

// compromise takes about a quarter of a second to load: loaded when a question is first redacted
// (only with LOG_QUESTIONS=true), not at every start.
let loaded: typeof compromise | undefined;
function nlp(text: string): ReturnType<typeof compromise> {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('compromise') as typeof compromise & { default?: typeof compromise };
    loaded = m.default ?? m;
  }
  return loaded(text);
}

/** What each kind of personal detail is replaced with. Suggestions leave out phrasings holding one. */
export const REDACTED = {
  name: '[name]',
  phone: '[phone]',
  email: '[email]',
  postcode: '[postcode]',
  nhsNumber: '[NHS number]',
  number: '[number]',
  date: '[date]',
} as const;

const PLACEHOLDER = /\[(name|phone|email|postcode|NHS number|number|date)\]/;

/** True when `text` holds a redaction placeholder. */
export function hasRedaction(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** The text with its redaction marks taken out, for matching and grouping ("[name]" is not a word anyone asked about). */
export function withoutRedactions(text: string): string {
  return text.replace(new RegExp(PLACEHOLDER.source, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Words of this subject that compromise's name finder may take for a name ("sen", "Will",
 * "Mary" in a school's name is redacted on purpose; these are not). Compared lower-case.
 */
const SUBJECT_WORDS = [
  'sen', 'send', 'senco', 'sendco', 'sencos', 'sendiass', 'sendias', 'ias', 'iass', 'ehc', 'ehcp', 'ehcps', 'ehcna', 'ehcnar', 'ta', 'tas', 'lsa', 'salt', 'slt', 'ot', 'ep',
  'camhs', 'adhd', 'asd', 'asc', 'pda', 'dyslexia', 'dyspraxia', 'autism', 'apdr', 'sendist', 'ipsea', 'ofsted', 'senior', 'la', 'lea', 'nhs', 'gp', 'cahms', 'ks1', 'ks2', 'ks3', 'ks4',
];

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';

/** Ordered: the longer, more specific patterns run first so a phone number is not half a date. */
const PATTERNS: Array<[RegExp, string | ((m: string) => string)]> = [
  [/[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g, REDACTED.email],
  // "born on …", "DOB: …", "date of birth …": whatever date-like words follow.
  [new RegExp(`\\b(?:dob|d\\.o\\.b\\.?|date of birth|birthday|born(?: on| in)?)\\s*(?:is|was|:|-)?\\s*(?:the\\s+)?(?:${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{2,4})?|${MONTH}\\s+${DAY}(?:,?\\s+\\d{2,4})?|${MONTH}\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|(?:19|20)\\d{2})`, 'gi'), (m) => `${/^\w+/.exec(m)?.[0] ?? ''} ${REDACTED.date}`.replace(/^(date)$/i, '$1')],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g, REDACTED.date],
  [new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(?:19|20)\\d{2})?`, 'gi'), REDACTED.date],
  [new RegExp(`\\b${MONTH}\\s+[0-3]?\\d(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`, 'gi'), REDACTED.date],
  // UK phone numbers: +44 or 0, then 9 or 10 digits in any grouping of spaces, dashes and brackets.
  [/(?:\+44\s?\(?0?\)?\s?|\(?\b0)(?:[\s()-]*\d){9,10}\b/g, REDACTED.phone],
  // NHS numbers: 10 digits, usually 3 3 4. Any other 10 or more digit run goes too.
  [/\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g, (m) => (isNhsNumber(m) ? REDACTED.nhsNumber : REDACTED.number)],
  [/\b\d{8,}\b/g, REDACTED.number],
  // UK postcodes (with or without the space; lower case too).
  [/\b(?:gir\s?0aa|[a-pr-uwyz](?:\d[a-hjkpstuw\d]?|[a-hk-y]\d[abehmnprv-y\d]?)\s?\d[abd-hjlnp-uw-z]{2})\b/gi, REDACTED.postcode],
];

/** Phrases that introduce a name, in any case: "my son is called jack", "my name is sam", "I'm Priya". */
const NAME_AFTER = /\b(?:called|named|name is|name's|names|i'm|im|i am|this is|ask for|speak to|spoke to|from)\s+([a-z][a-z'-]+)(?:\s+([a-z][a-z'-]+))?/gi;
const CHILD_NAME = /\b(?:my|our|his|her)\s+(?:son|daughter|child|boy|girl|ds|dd|dc|grandson|granddaughter|nephew|niece|stepson|stepdaughter|brother|sister|kid)\s*,?\s+([A-Z][a-z'-]+)\b/g;

/** The NHS number check digit (modulus 11). */
export function isNhsNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/**
 * Takes personal details out of a question before it is kept: names (compromise's name finder,
 * plus the ways people introduce one: "my son Jack", "I'm Sarah", "Mrs Patel"), UK phone numbers,
 * email addresses, UK postcodes, NHS numbers and dates (of birth, or any full date). It errs
 * towards taking too much: a lost word costs a report little, a kept name costs a family more.
 */
export class Redactor {
  private readonly keep: Set<string>;

  constructor(keepWords: readonly string[] = []) {
    this.keep = new Set([...SUBJECT_WORDS, ...keepWords].map((w) => w.toLowerCase()));
  }

  redact(input: string): string {
    let text = input;
    for (const [pattern, replacement] of PATTERNS) {
      text = text.replace(pattern, (m) => (typeof replacement === 'string' ? replacement : replacement(m)));
    }
    text = this.redactNames(text);
    return text.replace(/\s{2,}/g, ' ').trim();
  }

  private redactNames(input: string): string {
    let text = input;
    // Titles followed by a name: Mr, Mrs, Ms, Mx, Dr in any case; Miss and Sir only before a capital ("miss school" is not a name).
    text = text.replace(/\b(?:[Mm]rs?|[Mm]s|[Mm]x|[Dd]r)\.?\s+[A-Za-z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?|\b(?:Miss|Sir)\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?/g, REDACTED.name);
    text = text.replace(CHILD_NAME, (m, name: string) => (this.keep.has(name.toLowerCase()) ? m : m.replace(name, REDACTED.name)));
    text = text.replace(NAME_AFTER, (m, first: string, second: string | undefined) => {
      const tagged = (w: string) => nlp(w).has('#FirstName') || nlp(w).has('#LastName') || nlp(w).has('#Person');
      if (this.keep.has(first.toLowerCase()) || !tagged(first)) return m;
      const both = second && !this.keep.has(second.toLowerCase()) && nlp(second).has('#LastName');
      return m.slice(0, m.indexOf(first)) + REDACTED.name + (second && !both ? m.slice(m.indexOf(first) + first.length) : '');
    });
    // Whatever else compromise recognises as a person, from the end so offsets stay right.
    const people = nlp(text).people().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
    for (const p of people.reverse()) {
      const raw = text.slice(p.offset.start, p.offset.start + p.offset.length);
      const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/'s$/i, '');
      if (!word || word.split(/\s+/).every((w) => this.keep.has(w.toLowerCase())) || PLACEHOLDER.test(raw)) continue;
      const start = p.offset.start + raw.indexOf(word);
      text = text.slice(0, start) + REDACTED.name + text.slice(start + word.length);
    }
    return text.replace(/(\[name\])(?:\s+\[name\])+/g, '$1');
  }
}
