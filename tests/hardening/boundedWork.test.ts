import { expect } from 'chai';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { AnswerService, type AnswerResponse } from '../../src/matching/AnswerService';
import { MAX_QUESTION_CHARS, MAX_WORD_CHARS, TextNormaliser } from '../../src/matching/TextNormaliser';
import { LexicalSafetyLayer } from '../../src/safety/LexicalSafetyLayer';
import { SafetyDetector } from '../../src/safety/SafetyDetector';
import { MAX_AGE, recognizeChildAge } from '../../src/recognition/ChildAgeRecognizer';
import { recognizeConcerns } from '../../src/recognition/ConcernRecognizer';
import { recognizeContact } from '../../src/recognition/ContactRecognizer';
import { recognizeCount } from '../../src/recognition/CountRecognizer';
import { recognizeDuration } from '../../src/recognition/DurationRecognizer';
import { recognizeProgress } from '../../src/recognition/ProgressRecognizer';
import { recognizeRole } from '../../src/recognition/RoleRecognizer';
import { recognizeSpecialists } from '../../src/recognition/SpecialistRecognizer';
import { recognizeWarningSigns, WARNING_SIGNS } from '../../src/recognition/WarningSignRecognizer';
import { recognizeYesNo } from '../../src/recognition/YesNoRecognizer';
import { MAX_MESSAGE_TEXT } from '../../src/server/messageRoutes';

/** The budget: no message may cost more than this much CPU. */
const BUDGET_MS = 50;
const LENGTH = MAX_MESSAGE_TEXT;

/** Tokens that cost the old code seconds when repeated (the probe's findings) and everyday ones. */
const TOKENS = [
  '1', '1 ', '12345678', 'since 3/4/2025 ', 'two terms ', 'year 3 ', '07700 900123 ', 'a', 'jo@example.com ', '£6,000 ',
  'killing ', 'took lots of ', 'pills ', 'he is 7 years old ', 'not sure ', 'yes ', 'no ', "don't ", 'ehcp ', 'senco ',
  '!', '?', '\n', '\t', '\u0000', '😀', 'é', '  ', '-', "'", 'recepton ', 'colledge ', 'psychologist ', 'and a half ',
  // Words that open or close the safety phrases' lookbehinds: a lookbehind over the whole sentence, tried at every position, once cost 30 ms here.
  'the school ', 'gets ', 'hit ', 'training on ', 'meltdown ', 'school been ', 'the ta ',
];

/** Exactly `length` characters from repeating `unit`. */
const fill = (unit: string, length = LENGTH) => unit.repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length);

/** 5,000-character inputs of many shapes: one token repeated, token soup, one long word, arbitrary code points. */
const longInput: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TOKENS).map((t) => fill(t)),
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }).map((ts) => fill(ts.join(''))),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((c) => fill(c)),
  fc.string({ unit: 'grapheme', minLength: 50, maxLength: 200 }).map((s) => fill(s)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).map((s) => fill(s)),
  fc.string({ unit: fc.constantFrom('1', ' ', ',', '.', '/', ':', '-'), minLength: 300, maxLength: 300 }).map((s) => fill(s)),
);

/** Any input at all, of any length up to the message limit. */
const anyInput: fc.Arbitrary<string> = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), longInput);

/** The CPU time of one call: the median of three, so a garbage collection or a compile that happens to fall in one run does not count. */
function cpuMs<T>(fn: () => T): { value: T; ms: number } {
  let value: T | undefined;
  const times = [0, 1, 2].map(() => {
    const start = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  });
  return { value: value as T, ms: times.sort((a, b) => a - b)[1] };
}

/** The property: never throws, the outcome is valid, and it costs at most BUDGET_MS of CPU. */
function withinBudget<T>(name: string, fn: (text: string) => T, valid: (value: T) => boolean, runs = 25): void {
  it(`${name}: never throws, always a valid outcome, at most ${BUDGET_MS} ms of CPU on 5,000 characters of any shape`, () => {
    fc.assert(
      fc.property(longInput, (text) => {
        const { value, ms } = cpuMs(() => fn(text));
        expect(valid(value), `a valid outcome for ${JSON.stringify(text.slice(0, 40))}…`).to.equal(true);
        expect(ms, `CPU ms for ${JSON.stringify(text.slice(0, 40))}…`).to.be.at.most(BUDGET_MS);
      }),
      { numRuns: runs },
    );
    fc.assert(fc.property(anyInput, (text) => valid(fn(text))), { numRuns: runs });
  });
}

/** The same for a call that may return a promise (AnswerService.ask is becoming async). */
async function cpuMsAsync<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  let value: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    value = await fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return { value: value as T, ms: times.sort((a, b) => a - b)[1] };
}

const oneOf = <T>(value: unknown, allowed: readonly T[]) => allowed.includes(value as T);
const isString = (v: unknown): v is string => typeof v === 'string';

describe('Bounded work per message (property-based, fast-check)', function () {
  this.timeout(120_000);
  const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR);
  const normaliser = new TextNormaliser(kb.rewrites);
  // The safety check's lexical layer (the semantic one embeds: its cost is the model's, measured by npm run bench).
  const lexicalSafety = new LexicalSafetyLayer();
  const answers = new AnswerService(kb, new AnswerMatcher(kb), new SafetyDetector());
  const now = new Date('2026-11-23T12:00:00Z');

  before(async () => {
    // Warm up: recognizers-text builds its models on first use.
    for (const text of ['since september 2024', 'about 18 months', 'he is 7 years old', 'yes please', 'jo@example.com or 07700 900123', 'three', 'what is sen support']) {
      recognizeDuration(text, now);
      recognizeChildAge(text);
      recognizeContact(text);
      recognizeCount(text);
      recognizeYesNo(text);
      await answers.ask(text);
    }
  });

  withinBudget('TextNormaliser.normalise', (t) => normaliser.normalise(t), (v) => isString(v) && /^[a-z0-9£ ]*$/.test(v) && v.split(' ').every((w) => w.length <= MAX_WORD_CHARS));
  withinBudget('TextNormaliser.tokens', (t) => normaliser.tokens(t), (v) => Array.isArray(v) && v.every((w) => isString(w) && w.length > 0 && w.length <= MAX_WORD_CHARS));
  withinBudget('LexicalSafetyLayer.assess', (t) => lexicalSafety.assess(t), (v) => oneOf(v.outcome, ['urgent', 'support', 'none']));

  withinBudget('recognizeYesNo', recognizeYesNo, (v) => v === undefined || (oneOf(v.value, ['yes', 'no', 'unsure']) && isString(v.rest)));
  withinBudget('recognizeChildAge', recognizeChildAge, (v) =>
    v === undefined || (oneOf(v.stage, ['early-years', 'primary', 'secondary', 'post-16']) && (v.age === undefined || (v.age >= 0 && v.age <= MAX_AGE)) && (v.schoolYear === undefined || (Number.isInteger(v.schoolYear) && v.schoolYear >= 0 && v.schoolYear <= 13))));
  withinBudget('recognizeConcerns', recognizeConcerns, (v) => Array.isArray(v.areas) && Array.isArray(v.topics));
  withinBudget('recognizeContact', recognizeContact, (v) => v === undefined || (oneOf(v.kind, ['phone', 'email']) && isString(v.value) && v.value.length > 0 && v.value.length <= 300));
  withinBudget('recognizeCount', recognizeCount, (v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 100));
  withinBudget('recognizeDuration', (t) => recognizeDuration(t, now), (v) => v === undefined || (Number.isFinite(v.months) && v.months >= 0 && isString(v.label) && v.label.length > 0));
  withinBudget('recognizeProgress', recognizeProgress, (v) => v === undefined || oneOf(v, ['good', 'some', 'little', 'unsure']));
  withinBudget('recognizeRole', recognizeRole, (v) => v === undefined || oneOf(v, ['parent', 'young-person', 'school-staff', 'professional']));
  withinBudget('recognizeSpecialists', recognizeSpecialists, (v) => v === undefined || (oneOf(v.value, ['yes', 'no', 'unsure']) && Array.isArray(v.specialists)));
  withinBudget('recognizeWarningSigns', recognizeWarningSigns, (v) => v === undefined || (v.signs.every((s) => oneOf(s, WARNING_SIGNS)) && typeof v.unsure === 'boolean'));

  const validResponse = (r: AnswerResponse) => {
    // "Did you mean" offers one to three: one when the only other near candidate is a subject out of scope (never offered).
    const counts: Record<string, (n: number) => boolean> = { answer: (n) => n === 1, urgent: (n) => n === 1, clarify: (n) => n >= 1 && n <= 3, none: (n) => n === 0 };
    return oneOf(r.outcome, ['answer', 'clarify', 'none', 'urgent']) && Number.isFinite(r.confidence) && r.confidence >= 0 && r.confidence <= 1 && counts[r.outcome](r.results.length) && r.results.every((x) => !!x.answer?.id);
  };
  it('AnswerService.ask (urgent check, then the matcher): never throws, always a valid outcome, on any input', async () => {
    await fc.assert(fc.asyncProperty(anyInput, async (text) => validResponse(await answers.ask(text))), { numRuns: 40 });
  });

  for (const [what, text] of [
    ['one 5,000-letter word (fuse.js and the stemmer took 1.4–3 s)', fill('a')],
    ['5,000 digits', fill('7')],
    ['"1 1 1 …" over 5,000 characters', fill('1 ')],
    ['a 5,000-character story of everyday words', fill('my son has autism and the school says he does not need an ehcp what can i do ')],
  ] as const) {
    it(`AnswerService.ask stays within ${BUDGET_MS} ms of CPU on ${what}`, async () => {
      const { value, ms } = await cpuMsAsync(() => answers.ask(text));
      expect(validResponse(value)).to.equal(true);
      expect(ms).to.be.at.most(BUDGET_MS);
    });
  }

  it('the urgent check still reads the whole of a long message (risk at the end of 5,000 characters)', async () => {
    const story = `${fill('my son has had a hard year at school and the meetings keep getting moved. ', 4900)} i want to kill myself`;
    expect(lexicalSafety.assess(story).outcome).to.equal('urgent');
    expect((await answers.ask(story)).outcome).to.equal('urgent');
  });

  it('the matcher reads the start and the end of a long story (where the question usually is), at most 1,000 characters', () => {
    const story = `my daughter is in year 4. ${fill('we moved house in the summer and it has been a lot for everyone. ', 3000)} what is an education health and care plan?`;
    const bounded = TextNormaliser.boundQuestion(story);
    expect(bounded.length).to.be.at.most(MAX_QUESTION_CHARS);
    expect(bounded.startsWith('my daughter is in year 4.')).to.equal(true);
    expect(bounded.endsWith(' what is an education health and care plan?')).to.equal(true);
    expect(TextNormaliser.boundQuestion('what is sen support')).to.equal('what is sen support');
  });

  // The matcher reads at most 1,000 characters, mends at most 20 unknown words a message
  // (remembering what it mended) and ranks the terms once each.
  it(`AnswerService.ask: at most ${BUDGET_MS} ms of CPU on 5,000 characters of any shape`, async () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 4, maxLength: 10 });
    const madeUp = fc.array(word, { minLength: 800, maxLength: 800 }).map((ws) => ws.join(' ').slice(0, LENGTH));
    await fc.assert(fc.asyncProperty(fc.oneof(longInput, madeUp), async (text) => {
      expect((await cpuMsAsync(() => answers.ask(text))).ms).to.be.at.most(BUDGET_MS);
    }), { numRuns: 25 });
  });
});
