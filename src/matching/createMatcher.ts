import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { REPO_ROOT } from '../knowledge/paths';
import { AnswerMatcher, FITTED_POLICY, type MatchPolicy } from './AnswerMatcher';
import type { Embedder } from './Embedder';
import { LexicalScorer } from './LexicalScorer';
import { CachingEmbedder } from './CachingEmbedder';
import { MemoisingEmbedder } from './MemoisingEmbedder';
import { SemanticScorer } from './SemanticScorer';
import { UniversalSentenceEncoder } from './UniversalSentenceEncoder';
import { VectorCache } from './VectorCache';

/** Where the knowledge base's sentence vectors are kept by default (never committed). */
export const DEFAULT_VECTOR_CACHE_DIR = path.join(REPO_ROOT, '.cache', 'vectors');

export interface MatcherOptions {
  /** false: lexical matching only (MATCHING=lexical). Default true. */
  semantic?: boolean;
  /** Folder of the vector cache (VECTOR_CACHE_DIR). */
  cacheDir?: string;
  /** The embedder (tests pass a small fake); default the Universal Sentence Encoder, shared per process. */
  embedder?: () => Promise<Embedder>;
  policy?: MatchPolicy;
  /** Recent messages' readings kept (default READINGS_KEPT; 0: none). */
  memoEntries?: number;
}

export interface BuiltMatcher {
  matcher: AnswerMatcher;
  /** The embedder in use (shared with the safety check), when semantic matching is on. */
  embedder?: Embedder;
  /** Why matching is lexical only, when it is. */
  lexicalOnlyReason?: string;
  /** Things worth a warning in the log that did not stop semantic matching. */
  warnings: string[];
}

/**
 * Builds the matcher: the lexical stage always, the semantic stage when the model loads.
 * If it cannot load (or its vectors cannot be built), matching carries on lexical-only and
 * the reason is returned for the log and /healthz.
 */
export async function createMatcher(kb: KnowledgeBase, options: MatcherOptions = {}): Promise<BuiltMatcher> {
  // The model is asked for first: where it loads off this thread, the lexical index is built meanwhile.
  const loading = options.semantic === false ? undefined : (options.embedder ?? (() => UniversalSentenceEncoder.shared()))();
  loading?.catch(() => undefined);
  const lexical = new LexicalScorer(kb);
  const policy = options.policy ?? FITTED_POLICY;
  const warnings: string[] = [];
  const memo = options.memoEntries;
  if (!loading) return { matcher: new AnswerMatcher(kb, undefined, policy, lexical, memo), lexicalOnlyReason: 'MATCHING=lexical', warnings };
  try {
    const loaded = await loading;
    // (A CachingEmbedder already shares each message's vectors: the server's, src/server/serverEmbedder.ts.)
    const embedder = loaded instanceof MemoisingEmbedder || loaded instanceof CachingEmbedder ? loaded : new MemoisingEmbedder(loaded);
    const cache = new VectorCache(options.cacheDir ?? DEFAULT_VECTOR_CACHE_DIR, embedder);
    const semantic = await SemanticScorer.build(kb, lexical.normaliser, embedder, cache, (w) => warnings.push(w));
    return { matcher: new AnswerMatcher(kb, semantic, policy, lexical, memo), embedder, warnings };
  } catch (err) {
    return { matcher: new AnswerMatcher(kb, undefined, policy, lexical, memo), lexicalOnlyReason: `the sentence model could not be used: ${(err as Error).message}`, warnings };
  }
}
