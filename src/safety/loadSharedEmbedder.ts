import path from 'node:path';
import { SafetyDetector } from './SafetyDetector';
import type { Embedder } from '../matching/Embedder';
import { MemoisingEmbedder } from '../matching/MemoisingEmbedder';
import { UniversalSentenceEncoder } from '../matching/UniversalSentenceEncoder';

let shared: Promise<Embedder> | undefined;

/**
 * The sentence model, loaded once per process and shared (the safety check and the matcher embed
 * each message once between them through the MemoisingEmbedder). A failed load is not kept: the
 * next call tries again.
 */
export function loadSharedEmbedder(): Promise<Embedder> {
  if (!shared) {
    shared = UniversalSentenceEncoder.shared().then((e) => new MemoisingEmbedder(e));
    shared.catch(() => (shared = undefined));
  }
  return shared;
}

/**
 * The safety check for a command line or a test: both layers over the shared sentence model,
 * exemplar vectors cached in `.cache/vectors` beside the knowledge folder; the lexical layer
 * alone if the model cannot load (and `warning` says so).
 */
export async function createSafetyCheck(knowledgeDir: string): Promise<{ detector: SafetyDetector; warning?: string }> {
  const embedder = await loadSharedEmbedder().catch(() => undefined);
  return SafetyDetector.create(knowledgeDir, embedder, path.resolve(knowledgeDir, '..', '.cache', 'vectors'));
}
