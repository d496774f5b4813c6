/**
 * Builds the sentence-vector caches of the knowledge base and of the safety exemplars (.cache/vectors, or VECTOR_CACHE_DIR)
 * when it is missing or stale, so the server starts ready in well under 3 s. Run by
 * scripts/ensure-setup.mjs before `npm start` and `npm test`; never fails the set-up: if the
 * model cannot load, the server will say so and match lexically.
 */
import 'dotenv/config';
import { KnowledgeBase } from '../src/knowledge/KnowledgeBase';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/knowledge/paths';
import { createMatcher, DEFAULT_VECTOR_CACHE_DIR } from '../src/matching/createMatcher';
import { SafetyDetector } from '../src/safety/SafetyDetector';

async function main(): Promise<void> {
  if (process.env.MATCHING === 'lexical') return;
  const started = Date.now();
  const knowledgeDir = process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR;
  let kb: KnowledgeBase;
  try {
    kb = KnowledgeBase.fromFolder(knowledgeDir);
  } catch {
    // kb:check and the server report knowledge problems in full; nothing to embed until then.
    return;
  }
  const cacheDir = process.env.VECTOR_CACHE_DIR || DEFAULT_VECTOR_CACHE_DIR;
  const built = await createMatcher(kb, { cacheDir });
  if (built.lexicalOnlyReason || !built.embedder) {
    console.warn(`Knowledge vectors not built (${built.lexicalOnlyReason ?? 'no sentence model'}); matching will be lexical-only.`);
    return;
  }
  // The safety exemplars' vectors too, where the server looks for them (createServer): without
  // them the first start after a clone embeds some 1,100 exemplars (20 s or more) before it is ready.
  const safety = await SafetyDetector.create(knowledgeDir, built.embedder, cacheDir);
  if (safety.warning) console.warn(`Safety check: ${safety.warning}.`);
  const s = (Date.now() - started) / 1000;
  if (s > 3) console.log(`Sentence vectors (knowledge and safety exemplars) built in ${s.toFixed(0)} s.`);
}

void main();
