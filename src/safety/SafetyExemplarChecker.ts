import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeProblem } from '../knowledge/Answer';
import type { Exemplar } from './SafetyExemplars';
import { EXEMPLARS_FILE } from './SafetyExemplars';
import { exemplarsHash, readSafetyModel } from './SemanticSafetyLayer';
import { MODEL_FILE } from './SafetyDetector';

/** Exemplars this close (shared words over all words) to an evaluation line are treated as copied. */
export const MAX_OVERLAP = 0.45;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter((w) => w.length > 1));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Checks the safety exemplars beyond their schema: none is a copy or near-copy of a line of the
 * evaluation sets (they measure the product; the held-out set is worded differently), and the
 * fitted model (knowledge/safety/safety-model.json) was fitted on these exemplars.
 */
export function checkSafetyExemplars(exemplars: readonly Exemplar[], knowledgeDir: string, evalDir?: string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  if (evalDir && fs.existsSync(evalDir)) {
    const lines: Array<{ file: string; q: string; w: Set<string> }> = [];
    for (const f of fs.readdirSync(evalDir).filter((n) => n.endsWith('.jsonl'))) {
      for (const l of fs.readFileSync(path.join(evalDir, f), 'utf8').split('\n')) {
        if (!l.trim()) continue;
        const q = (JSON.parse(l) as { q?: string }).q;
        if (typeof q === 'string') lines.push({ file: f, q, w: words(q) });
      }
    }
    exemplars.forEach((e) => {
      const w = words(e.text);
      const near = lines.find((l) => overlap(w, l.w) >= MAX_OVERLAP);
      if (near) problems.push({ file: EXEMPLARS_FILE, field: `${e.label}.${e.kind}`, message: `"${e.text}" is too close to a line of ${near.file}; write a new situation in new words` });
    });
  }
  const modelFile = path.join(knowledgeDir, MODEL_FILE);
  const model = readSafetyModel(modelFile);
  if (!model) problems.push({ file: MODEL_FILE, field: '(file)', message: 'is missing or unreadable: run npm run safety:fit -- --write' });
  else if (model.exemplarsHash !== exemplarsHash(model.modelId, exemplars)) {
    problems.push({ file: MODEL_FILE, field: 'exemplarsHash', message: 'was fitted on other exemplars: run npm run safety:fit -- --write' });
  }
  return problems;
}
