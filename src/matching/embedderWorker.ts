/**
 * The sentence model in a worker thread (started by WorkerEmbedder): it loads the Universal
 * Sentence Encoder, says "ready" with its model id and dimensions, then embeds each request in
 * the order it came, and sends the vectors back (their buffers transferred, not copied). Requests
 * that wait while the model is busy go to it together, in one call (BatchingEmbedder). Nothing here
 * logs or keeps the texts.
 */
import { parentPort } from 'node:worker_threads';
import { BatchingEmbedder } from './BatchingEmbedder';
import { UniversalSentenceEncoder } from './UniversalSentenceEncoder';

interface Request {
  id: number;
  texts: string[];
}

const port = parentPort;
if (!port) throw new Error('embedderWorker runs only as a worker thread');

UniversalSentenceEncoder.load().then(
  (loaded) => {
    const model = new BatchingEmbedder(loaded);
    port.on('message', (req: Request) => {
      model.embed(req.texts).then(
        (vectors) => port.postMessage({ id: req.id, vectors }, vectors.map((v) => v.buffer as ArrayBuffer)),
        (err: unknown) => port.postMessage({ id: req.id, error: (err as Error).message ?? String(err) }),
      );
    });
    port.postMessage({ ready: true, modelId: model.modelId, dimensions: model.dimensions });
  },
  (err: unknown) => port.postMessage({ ready: false, error: (err as Error).message ?? String(err) }),
);
