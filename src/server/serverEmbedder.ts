import type { EmbedderSettings } from '../config/Config';
import { BatchingEmbedder } from '../matching/BatchingEmbedder';
import { CachingEmbedder } from '../matching/CachingEmbedder';
import type { Embedder } from '../matching/Embedder';
import { UniversalSentenceEncoder } from '../matching/UniversalSentenceEncoder';
import { WorkerEmbedder } from '../matching/WorkerEmbedder';

/**
 * The sentence model as the server uses it (EMBEDDER_THREAD, EMBED_CACHE_*): the Universal
 * Sentence Encoder in a worker thread or on the event loop, one per process, behind an LRU cache
 * of message vectors (CachingEmbedder) that the matcher and the safety check share, so a message
 * both embed, or a question asked again, is embedded once. Each server gets its own cache. Texts
 * that reach the model together go to it in one call (BatchingEmbedder: in the worker, or here
 * on the event loop).
 */
export async function loadServerEmbedder(settings: EmbedderSettings): Promise<Embedder> {
  // A worker that cannot start (a platform without worker threads) falls back to the event loop.
  const model: Embedder =
    settings.thread === 'worker'
      ? await WorkerEmbedder.shared().catch(() => UniversalSentenceEncoder.shared().then((m) => new BatchingEmbedder(m)))
      : new BatchingEmbedder(await UniversalSentenceEncoder.shared());
  return new CachingEmbedder(model, { maxEntries: settings.cacheEntries, ttlMs: settings.cacheMinutes * 60_000 });
}
