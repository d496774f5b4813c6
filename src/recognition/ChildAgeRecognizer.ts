import { Culture, recognizeAge } from '@microsoft/recognizers-text-suite';
import { answerText } from './answerText';
import { boundedText } from './boundedText';
import { numbersIn, numberWord } from './numberWords';
import { TypoMender } from './TypoMender';

/** Where a child or young person is in education, as the guides word their advice. */
export type SchoolStage = 'early-years' | 'primary' | 'secondary' | 'post-16';

export interface ChildAge {
  /** In years, when the answer gave one (a half-year kept: 18 months → 1.5). */
  age?: number;
  /** English school year: 0 is reception, 1–13 Year 1 to Year 13. */
  schoolYear?: number;
  stage: SchoolStage;
}

/** Ages the SEND system covers: 0 to 25. */
export const MAX_AGE = 25;

const mender = new TypoMender([
  'reception', 'nursery', 'preschool', 'playgroup', 'college', 'sixth', 'primary', 'secondary', 'infants', 'juniors',
  'school', 'years', 'months', 'apprenticeship', 'childminder',
]);

// Places, in the order they are tried: the most specific first.
const POST_16 = /\b(college|sixth[\s-]?form|6th[\s-]?form|further education|fe|post[\s-]?16|apprenticeship|training provider)\b/;
const SECONDARY = /\b(secondary|high school|upper school|senior school|ks ?[34]|key stage (3|4|three|four)|gcses?)\b/;
const PRIMARY = /\b(primary|infants?( school)?|juniors?( school)?|first school|ks ?[12]|key stage (1|2|one|two))\b/;
const RECEPTION = /\b(reception|year r|yr r|fs2|foundation stage 2)\b/;
const EARLY_YEARS = /\b(nursery|pre[\s-]?school|playgroup|childminder|early years( setting)?|eyfs|fs1|not at school yet|not in school yet|toddler|baby)\b/;
const YEAR_GROUP = /\b(?:year|yr|y)\s*-?\s*(\d{1,2}|[a-z]+)\b/;

/** The school year's stage: Reception with the early years (it ends the Early Years Foundation Stage). */
export function stageOfYear(schoolYear: number): SchoolStage {
  if (schoolYear <= 0) return 'early-years';
  if (schoolYear <= 6) return 'primary';
  if (schoolYear <= 11) return 'secondary';
  return 'post-16';
}

/**
 * The stage for an age. Ages straddle school years (an 11-year-old may be in Year 6 or 7);
 * the guess leans to the later stage, and from 16 a young person has rights of their own.
 */
export function stageOfAge(age: number): SchoolStage {
  if (age < 5) return 'early-years';
  if (age < 11) return 'primary';
  if (age < 16) return 'secondary';
  return 'post-16';
}

/** "Year 3", "yr6", "Y9", "year eleven": the year, or null for a year group that does not exist ("year 15"). */
function yearGroup(text: string): { year: number; span: string } | null | undefined {
  const m = YEAR_GROUP.exec(text);
  if (!m) return undefined;
  const token = m[1];
  const year = /^\d+$/.test(token) ? Number(token) : numberWord(token);
  if (year === undefined) return undefined;
  if (!Number.isInteger(year) || year < 1 || year > 13) return null;
  return { year, span: m[0] };
}

function ageIn(text: string): number | undefined {
  // "7yo", "7 yrs", "7y/o" read as "7 years old"; "and a half" kept.
  const t = text.replace(/(\d+(?:\.\d+)?)\s*(?:yo|y\/o|yrs?|yr old)\b/g, '$1 years old');
  // "18 months", "eighteen months old": a baby or toddler.
  const months = /\b(\d+|[a-z]+(?:[\s-][a-z]+)?)\s+months?\b/.exec(t);
  if (months) {
    const n = /^\d+$/.test(months[1]) ? Number(months[1]) : numberWord(months[1]);
    if (n !== undefined) return Math.round((n / 12) * 2) / 2;
  }
  for (const r of recognizeAge(t, Culture.English)) {
    const res = r.resolution as { value?: string; unit?: string };
    if (typeof res.value !== 'string' || res.value === '') continue;
    const value = Number(res.value);
    if (!Number.isFinite(value)) continue;
    if (res.unit === 'Year') return value;
    if (res.unit === 'Month') return Math.round((value / 12) * 2) / 2;
  }
  const nums = numbersIn(t).filter((n) => !/^(a half|half)$/.test(n.text));
  if (nums.length === 0) return undefined;
  const first = nums[0];
  const half = /^\s*and a half\b/.test(t.slice(first.end + 1)) ? 0.5 : 0;
  return first.value + half;
}

/**
 * A child's age or school year from what a parent, young person or member of staff types:
 * "he's 7", "year 3", "14 years old", "in reception", "she's at college", "nursery",
 * "sixth form", "Y9", "she is seven", "18 months". Undefined when neither is there, or the
 * age is outside 0–25. Plain TypeScript over recognizers-text 1.3.1.
 */
export function recognizeChildAge(input: string): ChildAge | undefined {
  const text = mender.mend(answerText(boundedText(input)));
  if (!text) return undefined;

  let stage: SchoolStage | undefined;
  let schoolYear: number | undefined;
  let rest = text;
  const group = yearGroup(text);
  if (group === null) return undefined;
  if (group) {
    schoolYear = group.year;
    stage = stageOfYear(group.year);
    rest = text.replace(group.span, ' ');
  } else if (RECEPTION.test(text)) {
    schoolYear = 0;
    stage = 'early-years';
  } else if (POST_16.test(text)) {
    stage = 'post-16';
  } else if (SECONDARY.test(text)) {
    stage = 'secondary';
  } else if (PRIMARY.test(text)) {
    stage = 'primary';
  } else if (EARLY_YEARS.test(text)) {
    stage = 'early-years';
  }

  const age = ageIn(rest);
  const validAge = age !== undefined && age >= 0 && age <= MAX_AGE ? age : undefined;
  if (age !== undefined && validAge === undefined && !stage) return undefined;
  if (!stage && validAge === undefined) return undefined;
  return {
    ...(validAge !== undefined ? { age: validAge } : {}),
    ...(schoolYear !== undefined ? { schoolYear } : {}),
    stage: stage ?? stageOfAge(validAge as number),
  };
}
