/**
 * Builds the knowledge base's sentence-vector cache (.cache/vectors, or VECTOR_CACHE_DIR)
 * when it is missing or stale, so the server starts ready in well under 3 s. Run by
 * scripts/ensure-setup.mjs before `npm start` and `npm test`; never fails the set-up: if the
 * model cannot load, the server will say so and match lexically.
 */
import 'dotenv/config';
import { KnowledgeBase } from '../src/knowledge/KnowledgeBase';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/knowledge/paths';
import { createMatcher } from '../src/matching/createMatcher';

async function main(): Promise<void> {
  if (process.env.MATCHING === 'lexical') return;
  const started = Date.now();
  let kb: KnowledgeBase;
  try {
    kb = KnowledgeBase.fromFolder(process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR);
  } catch {
    // kb:check and the server report knowledge problems in full; nothing to embed until then.
    return;
  }
  const built = await createMatcher(kb, { cacheDir: process.env.VECTOR_CACHE_DIR || undefined });
  if (built.lexicalOnlyReason) {
    console.warn(`Knowledge vectors not built (${built.lexicalOnlyReason}); matching will be lexical-only.`);
    return;
  }
  const s = (Date.now() - started) / 1000;
  if (s > 3) console.log(`Knowledge vectors built in ${s.toFixed(0)} s.`);
}

void main();
