import { Culture, DateTimeOptions, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { answerText } from './answerText';
import { boundedText, type TextBounds } from './boundedText';
import { numbersIn } from './numberWords';
import { TypoMender } from './TypoMender';
import { saysAMomentNotALength } from './momentWords';

export interface Duration {
  /** How long, in calendar months (one decimal place). */
  months: number;
  /** The answer in plain words for a summary: "2 terms", "since September 2026", "about 18 months". */
  label: string;
  /** For "since …" answers: the start date (YYYY-MM-DD). */
  since?: string;
}

/**
 * An English school term in calendar months. Three terms run from September to July, so a term
 * with its holiday is about three and a half months: "two terms" is September to Easter.
 */
export const TERM_MONTHS = 3.5;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What recognizers-text's date model reads of an answer: a few words from the first that speaks of time. */
const DATE_MODEL_BOUNDS: TextBounds = { chars: 80, words: 8, wordChars: 30 };
/** A date in figures: day, month and year, or year, month and day. */
const NUMERIC_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;
/** A word of figures that may be a number or a date: "18", "3/4/2025", "2025-04-03", "1.5", "(6),". */
const DATE_OR_NUMBER_WORD = /^[("']?\d{1,4}(?:[/.:-]\d{1,4}){0,2}[)"'.,;:!?]*$/;
const TIME_CUE = new RegExp(`\\d|^(since|for|about|around|over|nearly|almost|ago|last|this|past|week|month|year|day|term|half|couple|few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\w+teen|twenty|${MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase()).join('|')})`);

/**
 * The date model's cost grows faster than the text it reads (each date-like token is tried
 * against the others: 40 of them took 230 ms), so it reads only a few words, from the first
 * that speaks of time ("well it's been since 3/4/2025 i think" → "since 3/4/2025 i think").
 */
function dateWindow(text: string): string {
  // Runs of punctuation and figures that are neither a number nor a date ("-./,..:-:,1,1./1:")
  // say nothing of time, and cost the model most: 80 characters of them took 60 ms.
  const words = text.split(' ').filter((w) => /[a-z]/i.test(w) || DATE_OR_NUMBER_WORD.test(w));
  // From the word before the cue: "a year and a half", "half a term".
  const start = Math.max(0, words.findIndex((w) => TIME_CUE.test(w)) - 1);
  const window = boundedText(words.slice(start).join(' '), DATE_MODEL_BOUNDS).split(' ');
  // A date written in figures ("3/4/2025", "2025-04-03") costs the model 10–15 ms on its own, and
  // each more one as much again: an answer says since when once, so the window ends at the first.
  const firstDate = window.findIndex((w) => NUMERIC_DATE.test(w));
  return (firstDate < 0 ? window : window.slice(0, firstDate + 1)).join(' ');
}

const DAYS_PER_MONTH = 365.25 / 12;

const mender = new TypoMender([
  'terms', 'months', 'weeks', 'years', 'since', 'about', 'around', 'roughly', 'half',
  ...MONTH_NAMES.map((m) => m.toLowerCase()), 'christmas', 'easter', 'summer', 'autumn', 'spring',
]);

const NONE_YET = /^(none|nothing|not (started|yet|any)|hasn'?t started|has not started|no support|no help|never|zero|0)( yet)?$/;
const LESS_THAN_A_TERM = /\b(less than|under|not even) (a|one) term\b/;
const YEAR_OR_MORE = /\b(a year or (more|longer)|(more|longer) than a year|over a year|over 12 months|more than 12 months)\b/;
const YEARS = /\b(for years|several years|a few years|many years|years and years)\b/;
const TERMS = /\b((?:[a-z]+|\d+(?:\.\d+)?)(?: and a half)?|a couple of|a few|half a|a|one|the) terms?( and a half)?\b/;
const THIS_TERM = /\b(this term|since the start of (this )?term|start of term)\b/;
const LAST_TERM = /\b(last term|since last term|the term before)\b/;
const SCHOOL_YEAR_START = /\b(start|beginning) of (the |this )?(school |academic )?year\b|\bthis (school |academic )year\b|\bsince (the )?summer( holidays?)?\b/;
const CHRISTMAS = /\b(since )?(christmas|xmas|the new year)\b/;
const EASTER = /\b(since )?easter\b/;
const SINCE_CUE = /\b(since|from|start(ed|ing|s)?|began|begun|back in|in|as of|for)\b/;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function monthsBetween(from: Date, to: Date): number {
  return round1(Math.max(0, to.getTime() - from.getTime()) / 86_400_000 / DAYS_PER_MONTH);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The latest of month/day's dates that is not after `now` (this year's, or last year's). */
function lastOccurrence(month: number, day: number, now: Date): Date {
  const thisYear = new Date(Date.UTC(now.getUTCFullYear(), month, day));
  return thisYear.getTime() <= now.getTime() ? thisYear : new Date(Date.UTC(now.getUTCFullYear() - 1, month, day));
}

/** Start of the school term that `now` is in (terms start about 1 September, 1 January, 15 April). */
function termStart(now: Date, termsBack: number): Date {
  const starts: Date[] = [];
  for (let y = now.getUTCFullYear() - 2; y <= now.getUTCFullYear(); y++) {
    starts.push(new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 3, 15)), new Date(Date.UTC(y, 8, 1)));
  }
  const past = starts.filter((d) => d.getTime() <= now.getTime()).sort((a, b) => b.getTime() - a.getTime());
  return past[Math.min(termsBack, past.length - 1)];
}

function since(start: Date, now: Date, label: string): Duration {
  return { months: monthsBetween(start, now), label, since: isoDate(start) };
}

function termCount(quantity: string, trailingHalf: boolean): number | undefined {
  const q = quantity.trim();
  let n: number | undefined;
  if (q === 'a' || q === 'one' || q === 'the') n = 1;
  else if (q === 'half a') n = 0.5;
  else if (q === 'a couple of') n = 2;
  else if (q === 'a few') n = 3;
  else {
    const nums = numbersIn(q);
    n = nums.length ? nums.reduce((sum, x) => sum + x.value, 0) : undefined;
  }
  if (n === undefined) return undefined;
  return n + (trailingHalf ? 0.5 : 0);
}

function fromTimex(timex: string): number | undefined {
  // P6M, P1.5Y, P3W, P10D, P1Y6M
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$/.exec(timex);
  if (!m || m[0] === 'P') return undefined;
  const [, y, mo, w, d] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return y * 12 + mo + (w * 7 + d) / DAYS_PER_MONTH;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function monthsLabel(months: number, approximate: boolean): string {
  const m = round1(months);
  if (m < 1) return `${approximate ? 'about ' : ''}${plural(Math.max(1, Math.round(m * DAYS_PER_MONTH / 7)), 'week')}`;
  return `${approximate ? 'about ' : ''}${plural(Number.isInteger(m) ? m : round1(m), 'month')}`;
}

/**
 * How long something has gone on, from what people type: "two terms", "a term and a half",
 * "since September" (the past September), "about 6 months", "a year and a half", "since sept",
 * "since 3/4/2025" (UK order: 3 April), "this term", "since Christmas". Undefined when the answer
 * gives no length of time. `now` is the moment the answer was given.
 */
export function recognizeDuration(input: string, now: Date = new Date()): Duration | undefined {
  const text = mender.mend(answerText(boundedText(input)));
  if (!text) return undefined;
  // "tonight", "an hour ago", "this morning": a moment, not how long support has been in place.
  if (saysAMomentNotALength(text)) return undefined;
  const approximate = /\b(about|around|roughly|approximately|approx|nearly|almost|maybe|over|more than|just over|just under)\b/.test(text);

  if (NONE_YET.test(text)) return { months: 0, label: 'not started yet' };
  if (LESS_THAN_A_TERM.test(text)) return { months: 2, label: 'less than a term' };
  if (YEAR_OR_MORE.test(text)) return { months: 12, label: 'a year or more' };
  if (YEARS.test(text)) return { months: 24, label: 'several years' };
  if (LAST_TERM.test(text)) return since(termStart(now, 1), now, 'since last term');
  if (THIS_TERM.test(text)) return since(termStart(now, 0), now, 'since the start of this term');
  if (SCHOOL_YEAR_START.test(text)) return since(lastOccurrence(8, 1, now), now, 'since the start of the school year');

  const terms = TERMS.exec(text);
  if (terms) {
    const count = termCount(terms[1], !!terms[2]);
    if (count !== undefined && count > 0 && count <= 39) {
      const label = `${approximate ? 'about ' : ''}${count === 1 ? 'a term' : `${count} terms`}`;
      return { months: round1(count * TERM_MONTHS), label };
    }
  }

  const results = recognizeDateTime(dateWindow(text), Culture.EnglishOthers, DateTimeOptions.None, now);
  let durationMonths = 0;
  let durations = 0;
  for (const r of results) {
    const values = ((r.resolution as { values?: Array<Record<string, string>> })?.values ?? []);
    if (r.typeName === 'datetimeV2.duration') {
      const months = values.map((v) => fromTimex(v.timex ?? '')).find((m) => m !== undefined);
      if (months !== undefined) {
        durationMonths += months;
        durations++;
      }
      continue;
    }
    if (durations > 0) continue;
    // A date and time ("at 9 on Monday") is a moment; only a day or a range of days starts a length of time.
    if (r.typeName === 'datetimeV2.daterange' || r.typeName === 'datetimeV2.date') {
      // A date is a start only when it is said as one ("since September", "from Easter", or the
      // date alone): "think friday is the day" mentions a day, it does not say since when.
      if (!SINCE_CUE.test(text) && text.split(' ').length > 3) continue;
      // "since September" comes back as this year's and next year's: the start is the latest one not in the future.
      const starts = values
        .map((v) => v.start ?? v.value)
        .filter((s): s is string => !!s && /^\d{4}-\d{2}-\d{2}/.test(s))
        .map((s) => new Date(`${s.slice(0, 10)}T00:00:00Z`));
      if (starts.length === 0) continue;
      const past = starts.filter((d) => d.getTime() <= now.getTime()).sort((a, b) => b.getTime() - a.getTime());
      const start = past[0] ?? new Date(Date.UTC(starts[0].getUTCFullYear() - 1, starts[0].getUTCMonth(), starts[0].getUTCDate()));
      const label = start.getUTCDate() === 1 ? `since ${MONTH_NAMES[start.getUTCMonth()]} ${start.getUTCFullYear()}` : `since ${start.getUTCDate()} ${MONTH_NAMES[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
      return since(start, now, label);
    }
  }
  if (durations > 0) return { months: round1(durationMonths), label: monthsLabel(durationMonths, approximate) };

  if (CHRISTMAS.test(text)) return since(lastOccurrence(0, 1, now), now, 'since Christmas');
  if (EASTER.test(text)) return since(lastOccurrence(3, 1, now), now, 'since Easter');
  return undefined;
}
