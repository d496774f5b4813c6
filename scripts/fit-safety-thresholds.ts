/**
 * npm run safety:fit [-- --write] [--dev FILE] [--misses]
 *
 * Fits the semantic safety layer (knowledge/safety/safety-model.json) from measurement on the team's
 * own exemplars (knowledge/safety/exemplars.yaml), never on an evaluation set:
 *
 * 1. Five-fold cross-validation over the exemplars: each exemplar is scored by models trained
 *    without it (how a new message worded like it, but not in the list, would score).
 * 2. urgentThreshold is the highest probability that keeps cross-validated urgent recall at
 *    TARGET_RECALL or more; supportThreshold likewise for urgent + support exemplars being shown
 *    contacts. The logistic models are then trained on every exemplar.
 * 3. It prints the figures leaving out a whole kind at a time (leave-one-kind-out: a kind of
 *    risk the exemplars never describe), and with --dev the semantic layer alone on a labelled
 *    set, for information only (never used to choose).
 *
 * --misses lists the urgent exemplars cross-validation lets through and the hard negatives it makes urgent.
 * --write saves the model, thresholds and figures with a new version number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UniversalSentenceEncoder } from '../src/matching/UniversalSentenceEncoder';
import { VectorCache } from '../src/matching/VectorCache';
import { SemanticSafetyLayer, exemplarsHash, fitModels, knnMargin, readSafetyModel, semanticText, urgentScore, type SafetyModel } from '../src/safety/SemanticSafetyLayer';
import { probability } from '../src/safety/LogisticModel';
import { loadSafetyExemplars, type Exemplar } from '../src/safety/SafetyExemplars';
import { MODEL_FILE, combine } from '../src/safety/SafetyDetector';
import { LexicalSafetyLayer } from '../src/safety/LexicalSafetyLayer';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/knowledge/paths';

/** Most hard-negative exemplars the combined detector may make urgent (cross-validated). */
const MAX_FALSE_ALARMS = 0.05;
/** Most hard-negative exemplars that may be shown contacts needlessly (the least serious error). */
const MAX_UNNEEDED = 0.1;
const FOLDS = 5;
const L2 = 0.1;
/**
 * The nearest exemplars' say in the urgent score (k nearest of each label, weight of the margin).
 * Chosen by cross-validation over the exemplars alone (k 3, 5, 8 and weight 2, 3, 5, 10 tried on
 * 2026-12-01: recall at the false-alarm bar 68-73%, against 62% for the logistic model alone);
 * a middle setting, not the single best.
 */
const KNN = { k: 5, weight: 3 };

const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / Math.max(1, b)).toFixed(1)}%)`;


async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const devArg = args.indexOf('--dev');
  const embedder = await UniversalSentenceEncoder.load();
  const { exemplars, problems } = loadSafetyExemplars(DEFAULT_KNOWLEDGE_DIR);
  if (problems.length) throw new Error(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n'));
  const cacheDir = path.resolve(__dirname, '../.cache/vectors');
  const cache = new VectorCache(cacheDir, embedder);
  const vectors = (await cache.vectorsFor('safety-exemplars', exemplars.map((e) => semanticText(e.text)))).vectors;

  // 1. Cross-validated probabilities.
  const cvUrgent = new Array<number>(exemplars.length);
  const cvRisk = new Array<number>(exemplars.length);
  const labels = exemplars.map((e) => e.label);
  // Each exemplar scored by models, and nearest exemplars, that never saw it.
  for (let f = 0; f < FOLDS; f++) {
    const train = exemplars.map((_, i) => i).filter((i) => i % FOLDS !== f);
    const m = fitModels(train.map((i) => vectors[i]), train.map((i) => exemplars[i]), L2);
    exemplars.forEach((_, i) => {
      if (i % FOLDS !== f) return;
      cvUrgent[i] = urgentScore(probability(m.urgent, vectors[i]), knnMargin(vectors[i], vectors, labels, KNN.k, train), KNN);
      cvRisk[i] = probability(m.risk, vectors[i]);
    });
  }
  const idx = (pred: (e: Exemplar) => boolean) => exemplars.map((e, i) => (pred(e) ? i : -1)).filter((i) => i >= 0);
  const urgentIdx = idx((e) => e.label === 'urgent');
  const riskIdx = idx((e) => e.label !== 'negative');
  const negIdx = idx((e) => e.label === 'negative');
  // The lexical layer on each exemplar, so the thresholds are chosen for the two layers together.
  const lexical = new LexicalSafetyLayer();
  const lex = exemplars.map((e) => lexical.assess(e.text));
  const decide = (i: number, u: number, r: number, tu: number, tr: number) =>
    combine(lex[i], u >= tu ? { outcome: 'urgent', kind: 'suicidal' } : r >= tr ? { outcome: 'support', kind: 'suicide-topic' } : { outcome: 'none' }, exemplars[i].text).outcome;
  const rate = (is: number[], u: number[], r: number[], tu: number, tr: number, ok: (o: string) => boolean) => is.filter((i) => ok(decide(i, u[i], r[i], tu, tr))).length / is.length;
  // urgentThreshold: the lowest (most urgent recall) whose cross-validated false alarms stay within MAX_FALSE_ALARMS.
  const top = Math.ceil(Math.max(...cvUrgent) * 100) / 100;
  let urgentThreshold = top;
  for (let t = top; t >= 0.05; t -= 0.01) {
    if (rate(negIdx, cvUrgent, cvRisk, t, 99, (o) => o === 'urgent') > MAX_FALSE_ALARMS) break;
    urgentThreshold = Math.round(t * 100) / 100;
  }
  let supportThreshold = 0.99;
  for (let t = 0.99; t >= 0.05; t -= 0.01) {
    if (rate(negIdx, cvUrgent, cvRisk, urgentThreshold, t, (o) => o === 'support') > MAX_UNNEEDED) break;
    supportThreshold = Math.round(t * 100) / 100;
  }
  const cvLine = (u: number[], r: number[]) =>
    `urgent recall ${pct(urgentIdx.filter((i) => decide(i, u[i], r[i], urgentThreshold, supportThreshold) === 'urgent').length, urgentIdx.length)}, ` +
    `false alarms ${pct(negIdx.filter((i) => decide(i, u[i], r[i], urgentThreshold, supportThreshold) === 'urgent').length, negIdx.length)}, ` +
    `contacts ${pct(riskIdx.filter((i) => decide(i, u[i], r[i], urgentThreshold, supportThreshold) !== 'none').length, riskIdx.length)}, ` +
    `unneeded contacts ${pct(negIdx.filter((i) => decide(i, u[i], r[i], urgentThreshold, supportThreshold) === 'support').length, negIdx.length)}`;
  const measured: Record<string, string> = {};
  measured['exemplars, 5-fold cross-validation'] = cvLine(cvUrgent, cvRisk);
  if (args.includes('--misses')) {
    // For the content's reviewers: each urgent exemplar the cross-validated detector lets through, and each hard negative it makes urgent.
    for (const i of urgentIdx) if (decide(i, cvUrgent[i], cvRisk[i], urgentThreshold, supportThreshold) !== 'urgent') console.log(`  missed   ${cvUrgent[i].toFixed(2)} [${exemplars[i].kind}] ${exemplars[i].text}`);
    for (const i of negIdx) if (decide(i, cvUrgent[i], cvRisk[i], urgentThreshold, supportThreshold) === 'urgent') console.log(`  alarm    ${cvUrgent[i].toFixed(2)} [${exemplars[i].kind}] ${exemplars[i].text}`);
  }

  // 2. Leave one kind out.
  const lokoUrgent = new Array<number>(exemplars.length);
  const lokoRisk = new Array<number>(exemplars.length);
  // Each urgent kind left out in turn (the other exemplars keep their cross-validated scores).
  const kinds = [...new Set(exemplars.filter((e) => e.label === 'urgent').map((e) => `${e.label}:${e.kind}`))];
  exemplars.forEach((_, i) => {
    lokoUrgent[i] = cvUrgent[i];
    lokoRisk[i] = cvRisk[i];
  });
  for (const key of kinds) {
    const train = exemplars.map((_, i) => i).filter((i) => `${exemplars[i].label}:${exemplars[i].kind}` !== key);
    const m = fitModels(train.map((i) => vectors[i]), train.map((i) => exemplars[i]), L2);
    exemplars.forEach((e, i) => {
      if (`${e.label}:${e.kind}` !== key) return;
      lokoUrgent[i] = urgentScore(probability(m.urgent, vectors[i]), knnMargin(vectors[i], vectors, labels, KNN.k, train), KNN);
      lokoRisk[i] = probability(m.risk, vectors[i]);
    });
  }
  measured['exemplars, each urgent kind left out of training'] = cvLine(lokoUrgent, lokoRisk);
  for (const kind of [...new Set(exemplars.filter((e) => e.label === 'urgent').map((e) => e.kind))]) {
    const is = urgentIdx.filter((i) => exemplars[i].kind === kind);
    measured[`leave-one-kind-out urgent/${kind}`] = pct(is.filter((i) => decide(i, lokoUrgent[i], lokoRisk[i], urgentThreshold, supportThreshold) === 'urgent').length, is.length);
  }

  // 3. The final models, on every exemplar.
  const modelFile = path.join(DEFAULT_KNOWLEDGE_DIR, MODEL_FILE);
  const old = readSafetyModel(modelFile);
  const fitted: SafetyModel = {
    version: (old?.version ?? 0) + 1,
    modelId: embedder.modelId,
    exemplarsHash: exemplarsHash(embedder.modelId, exemplars),
    urgentThreshold,
    supportThreshold,
    minSentenceWords: 3,
    k: 3,
    l2: L2,
    ...fitModels(vectors, exemplars, L2),
    knn: KNN,
    fittedBy: `scripts/fit-safety-thresholds.ts: ${FOLDS}-fold cross-validation over ${exemplars.length} exemplars; urgent score = P(urgent) + ${KNN.weight} x nearest-exemplar margin (k ${KNN.k}); with the lexical layer, urgentThreshold is the lowest keeping cross-validated false alarms within ${MAX_FALSE_ALARMS * 100}%, supportThreshold the lowest keeping unneeded contacts within ${MAX_UNNEEDED * 100}%`,
    fittedOn: new Date().toISOString().slice(0, 10),
    measured,
  };
  console.log(`urgentThreshold ${urgentThreshold}, supportThreshold ${supportThreshold}`);
  for (const [k, v] of Object.entries(measured)) console.log(`  ${k.padEnd(44)} ${v}`);

  if (devArg >= 0) {
    // For information only: the semantic layer alone on a labelled set.
    const file = path.resolve(args[devArg + 1]);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { q: string; label: string });
    const { layer } = await SemanticSafetyLayer.create(embedder, exemplars, fitted, cache);
    // Each line read as the detector reads it (its bounded parts, the whole as their mean).
    const scored = [];
    for (const l of lines) scored.push(await layer.partScores(l.q));
    const devLex = lines.map((l) => lexical.assess(l.q));
    const n = (label: string) => lines.filter((l) => l.label === label).length;
    const curve = args.includes('--curve') ? [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, urgentThreshold] : [urgentThreshold];
    for (const tu of curve) {
      const preds = scored.map((sc, i) => combine(devLex[i], layer.with({ urgentThreshold: tu, supportThreshold }).decide(sc), lines[i].q).outcome);
      const c = (label: string, pred: (o: string) => boolean) => lines.filter((l, i) => l.label === label && pred(preds[i])).length;
      console.log(
        `  ${path.basename(file)} (both layers, information only) at ${tu}: urgent recall ${pct(c('urgent', (o) => o === 'urgent'), n('urgent'))}, ` +
          `false alarms ${pct(c('not-urgent', (o) => o === 'urgent'), n('not-urgent'))}, support shown contacts ${pct(c('support', (o) => o !== 'none'), n('support'))}`,
      );
    }
  }
  if (args.includes('--write')) {
    fs.writeFileSync(modelFile, `${JSON.stringify(fitted)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), modelFile)} (version ${fitted.version})`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
