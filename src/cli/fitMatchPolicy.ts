/**
 * The fitting behind `npm run eval -- --fit`: fusion weights and decision thresholds for
 * both modes (semantic, lexical-only), fitted on people's questions (dev.jsonl,
 * dev-hard.jsonl) and on the answers' own phrasings, each held out from the index in turn.
 * Reports five-fold cross-validated figures (each fold's lines decided by a policy fitted
 * without them), then fits on everything and writes src/matching/match-policy.json.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Answer } from '../knowledge/Answer';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { REPO_ROOT, SHARED_DIR } from '../knowledge/paths';
import { AnswerMatcher, FITTED_POLICY, type MatchPolicy, type MessageReadings, type ModePolicy } from '../matching/AnswerMatcher';
import type { Embedder } from '../matching/Embedder';
import { LexicalScorer, OUT_OF_SCOPE } from '../matching/LexicalScorer';
import { decideAll, fitMode, UTILITY, type FitExample } from '../matching/PolicyFitter';
import { SemanticScorer, semanticEntries } from '../matching/SemanticScorer';
import { createMatcher, DEFAULT_VECTOR_CACHE_DIR } from '../matching/createMatcher';
import { VectorCache } from '../matching/VectorCache';
import { URGENT_TOPIC_ID } from '../matching/AnswerService';
import { OUTSIDER_LONG_SET, OUTSIDER_SET, readLines, report, TEAM_SET, type EvalLine, type EvalRow } from './matcherReport';

const FOLDS = 5;
/** The answers' own phrasings count half as much as people's questions. */
const PHRASING_WEIGHT = 0.5;
export const POLICY_FILE = path.join(REPO_ROOT, 'src', 'matching', 'match-policy.json');

function foldOf(text: string): number {
  return crypto.createHash('sha256').update(text).digest()[0] % FOLDS;
}

/** Known texts answered from a table (the cached knowledge vectors), anything else embedded. */
class LookupEmbedder implements Embedder {
  constructor(
    private readonly inner: Embedder,
    private readonly known: Map<string, Float32Array>,
  ) {}
  get modelId(): string {
    return this.inner.modelId;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = texts.filter((t) => !this.known.has(t));
    if (missing.length) (await this.inner.embed(missing)).forEach((v, i) => this.known.set(missing[i], v));
    return texts.map((t) => this.known.get(t) as Float32Array);
  }
}

interface Labelled {
  line: EvalLine;
  readings: MessageReadings;
  fold: number;
  set: string;
}

/** Lexical-only readings: the same lexical scores, no semantic ones. */
function lexicalOnly(r: MessageReadings): MessageReadings {
  return { words: r.words, whole: { lexical: r.whole.lexical }, focus: r.focus ? { lexical: r.focus.lexical } : undefined };
}

function examplesOf(items: readonly Labelled[], weight: number, semantic: boolean): FitExample[] {
  return items.map((i) => ({ readings: semantic ? i.readings : lexicalOnly(i.readings), expect: i.line.expect, weight }));
}

function rowsOf(items: readonly Labelled[], policy: ModePolicy, semantic: boolean): EvalRow[] {
  const decided = decideAll(examplesOf(items, 1, semantic), policy);
  return items.map((it, i) => {
    const d = decided[i];
    const answers = d.ranked.filter((id) => !id.startsWith(OUT_OF_SCOPE));
    return { q: it.line.q, expect: it.line.expect, style: it.line.style, who: it.line.who, outcome: d.outcome, top: d.chosen[0], top3: answers.slice(0, 3), confidence: 0, ms: 0 };
  });
}

/** The answers' phrasings (and out-of-scope phrasings) each read against an index that lacks their fold. */
async function heldOutPhrasings(kb: KnowledgeBase, embedder: Embedder, known: Map<string, Float32Array>): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const keep = (q: string) => foldOf(q) !== fold;
    const answers: Answer[] = kb.all.map((a) => ({ ...a, questions: a.questions.filter(keep) }));
    const outOfScope = kb.outOfScope.map((t) => ({ ...t, phrasings: t.phrasings.filter(keep) }));
    const held = new KnowledgeBase(answers, kb.rewrites, kb.sources, outOfScope);
    const lexical = new LexicalScorer(held);
    const lookup = new LookupEmbedder(embedder, known);
    const entries = semanticEntries(held, lexical.normaliser);
    const semantic = SemanticScorer.fromVectors(lookup, entries, await lookup.embed(entries.map((e) => e.text)));
    const matcher = new AnswerMatcher(held, semantic, FITTED_POLICY, lexical);
    const lines: EvalLine[] = [
      ...kb.all.flatMap((a) => a.questions.filter((q) => !keep(q)).map((q) => ({ q, expect: a.variantOf ?? a.id }))),
      ...kb.outOfScope.flatMap((t) => t.phrasings.filter((q) => !keep(q)).map((q) => ({ q, expect: 'none' }))),
    ];
    for (const line of lines) out.push({ line, readings: await matcher.read(line.q, true), fold, set: 'phrasings' });
  }
  return out;
}

/** Where a freshly fitted policy differs from the committed one (empty when they agree). */
export function policyDifferences(fitted: MatchPolicy, committed: MatchPolicy, tolerance = 0.02): string[] {
  const out: string[] = [];
  for (const mode of ['semantic', 'lexical'] as const) {
    const a = fitted[mode];
    const b = committed[mode];
    for (const [k, v] of Object.entries(a.fusion)) if (v !== (b.fusion as unknown as Record<string, number>)[k]) out.push(`${mode}.fusion.${k}: fitted ${v}, committed ${(b.fusion as unknown as Record<string, number>)[k]}`);
    for (const k of ['answerAt', 'clarifyAt', 'clarifyWithin'] as const) if (a.decision[k] !== b.decision[k]) out.push(`${mode}.decision.${k}: fitted ${a.decision[k]}, committed ${b.decision[k]}`);
    const close = (x: number, y: number | undefined) => y !== undefined && Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(y));
    if (!close(a.decision.intercept, b.decision.intercept)) out.push(`${mode}.decision.intercept: fitted ${a.decision.intercept}, committed ${b.decision.intercept}`);
    for (const [k, v] of Object.entries(a.decision.coefficients)) {
      const c = (b.decision.coefficients as Record<string, number>)[k];
      if (!close(v, c)) out.push(`${mode}.decision.coefficients.${k}: fitted ${v}, committed ${c}`);
    }
  }
  return out;
}

/** Fits (and writes the policy file, unless `check`: then only compares). Resolves to the differences from the committed file. */
export async function runFit(kb: KnowledgeBase, verbose: boolean, check = false): Promise<string[]> {
  const started = Date.now();
  const built = await createMatcher(kb);
  if (!built.embedder) throw new Error(`cannot fit the semantic mode: ${built.lexicalOnlyReason}`);
  const lexical = built.matcher.lexical;
  const entries = semanticEntries(kb, lexical.normaliser);
  const cache = new VectorCache(DEFAULT_VECTOR_CACHE_DIR, built.embedder);
  const { vectors } = await cache.vectorsFor('knowledge', entries.map((e) => e.text));
  const known = new Map(entries.map((e, i) => [e.text, vectors[i]]));

  const sets = { 'dev.jsonl': path.join(SHARED_DIR, 'eval', 'dev.jsonl'), 'dev-hard.jsonl': path.join(SHARED_DIR, 'eval', 'dev-hard.jsonl') };
  const people: Labelled[] = [];
  for (const [set, file] of Object.entries(sets)) {
    for (const line of readLines(file)) {
      // Urgent lines are the safety check's, which runs before matching.
      if (line.expect === URGENT_TOPIC_ID) continue;
      people.push({ line, readings: await built.matcher.read(line.q, true), fold: foldOf(line.q), set });
    }
  }
  const phrasings = await heldOutPhrasings(kb, built.embedder, known);
  console.log(`Fitting on ${people.length} questions from dev.jsonl and dev-hard.jsonl and ${phrasings.length} held-out phrasings (${((Date.now() - started) / 1000).toFixed(0)} s to read them)\n`);

  const modes = [
    { name: 'semantic' as const, semantic: true },
    { name: 'lexical' as const, semantic: false },
  ];
  const crossValidated: Record<string, Record<string, unknown>> = {};
  const fitted: Partial<Record<'semantic' | 'lexical', ModePolicy>> = {};
  for (const mode of modes) {
    const heldOutRows: EvalRow[] = [];
    const setOf = new Map<EvalRow, string>();
    for (let k = 0; k < FOLDS; k++) {
      const train = [...examplesOf(people.filter((p) => p.fold !== k), 1, mode.semantic), ...examplesOf(phrasings, PHRASING_WEIGHT, mode.semantic)];
      const policy = fitMode(train, mode.semantic);
      const test = people.filter((p) => p.fold === k);
      rowsOf(test, policy, mode.semantic).forEach((r, i) => {
        heldOutRows.push(r);
        setOf.set(r, test[i].set);
      });
    }
    console.log(`=== ${mode.name} mode: five-fold cross-validated (each line decided by a policy fitted without its fold)\n`);
    crossValidated[mode.name] = {};
    for (const set of Object.keys(sets)) {
      const rows = heldOutRows.filter((r) => setOf.get(r) === set);
      console.log(report(`${set} (held-out folds)`, rows, verbose).replace(/\n {2}latency per question.*$/m, '') + '\n');
      const s = summariseBrief(rows);
      crossValidated[mode.name][set] = s;
    }
    const all = [...examplesOf(people, 1, mode.semantic), ...examplesOf(phrasings, PHRASING_WEIGHT, mode.semantic)];
    fitted[mode.name] = fitMode(all, mode.semantic);
    console.log(`${mode.name} policy fitted on everything: ${JSON.stringify(fitted[mode.name])}\n`);
  }

  const policy: MatchPolicy & Record<string, unknown> = {
    version: (FITTED_POLICY.version ?? 0) + 1,
    semantic: fitted.semantic as ModePolicy,
    lexical: fitted.lexical as ModePolicy,
    fittedBy: 'npm run eval -- --fit (src/cli/fitMatchPolicy.ts, src/matching/PolicyFitter.ts)',
    fittedOn: { questions: people.length, heldOutPhrasings: phrasings.length, phrasingWeight: PHRASING_WEIGHT, knowledgeAnswers: kb.answers.length },
    utility: UTILITY,
    crossValidated,
  };
  const differences = policyDifferences(policy, FITTED_POLICY);
  if (check) {
    console.log(differences.length ? `The committed policy is NOT what the fit gives:\n  ${differences.join('\n  ')}` : 'The committed policy is what the fit gives.');
  } else {
    fs.writeFileSync(POLICY_FILE, JSON.stringify(policy, null, 2) + '\n');
    console.log(`Wrote ${path.relative(process.cwd(), POLICY_FILE)}`);
  }

  // The team's own set and the outsider-written ones were never part of the fit: decided with the policy just written.
  const unfitted: Array<[string, string]> = [
    [TEAM_SET, 'never fitted on; urgent lines left to the safety check'],
    [OUTSIDER_SET, 'written without sight of the knowledge base or the eval sets; never fitted on'],
    [OUTSIDER_LONG_SET, 'written without sight of the knowledge base or the eval sets; never fitted on'],
  ];
  for (const [file, about] of unfitted) {
    const rows = await Promise.all(readLines(file).filter((l) => l.expect !== URGENT_TOPIC_ID).map(async (line) => ({ line, readings: await built.matcher.read(line.q, true), fold: 0, set: 'unfitted' })));
    console.log('\n' + report(`${path.basename(file)} (${about})`, rowsOf(rows, policy.semantic, true), verbose).replace(/\n {2}latency per question.*$/m, ''));
  }
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return differences;
}

function summariseBrief(rows: readonly EvalRow[]): Record<string, number> {
  const inScope = rows.filter((r) => r.expect !== 'none');
  const none = rows.filter((r) => r.expect === 'none');
  const r3 = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 1000);
  return {
    lines: rows.length,
    top1: r3(inScope.filter((r) => r.outcome !== 'none' && r.top === r.expect).length, inScope.length),
    answeredRight: r3(inScope.filter((r) => r.outcome === 'answer' && r.top === r.expect).length, inScope.length),
    confidentWrong: r3(inScope.filter((r) => r.outcome === 'answer' && r.top !== r.expect).length + none.filter((r) => r.outcome === 'answer').length, rows.length),
    noneAbstain: r3(none.filter((r) => r.outcome === 'none').length, none.length),
  };
}
