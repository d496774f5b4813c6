import { KnowledgeBase } from '../src/knowledge/KnowledgeBase';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/knowledge/paths';
import { createMatcher } from '../src/matching/createMatcher';
import { LexicalScorer } from '../src/matching/LexicalScorer';
import { UniversalSentenceEncoder } from '../src/matching/UniversalSentenceEncoder';
import { SafetyDetector } from '../src/safety/SafetyDetector';
import path from 'node:path';
(async () => {
  let t = Date.now();
  const lap = (s: string) => { const n = Date.now(); console.log(s, n - t, 'ms'); t = n; };
  const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR); lap('kb');
  new LexicalScorer(kb); lap('lexical index');
  const m = await UniversalSentenceEncoder.load(); lap('model load');
  await m.embed(['hello there']); lap('first embed');
  await createMatcher(kb, { embedder: async () => m }); lap('createMatcher (lexical + vectors + classifier)');
  await SafetyDetector.create(DEFAULT_KNOWLEDGE_DIR, m, path.resolve(DEFAULT_KNOWLEDGE_DIR, '..', '.cache', 'vectors')); lap('safety');
})();
