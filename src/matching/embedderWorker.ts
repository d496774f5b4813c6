/**
 * The sentence model in a worker thread (started by WorkerEmbedder): it loads the Universal
 * Sentence Encoder, says "ready" with its model id and dimensions, then embeds each request in
 * the order it came, one at a time, and sends the vectors back (their buffers transferred, not
 * copied). Nothing here logs or keeps the texts.
 */
import { parentPort } from 'node:worker_threads';
import { UniversalSentenceEncoder } from './UniversalSentenceEncoder';

interface Request {
  id: number;
  texts: string[];
}

const port = parentPort;
if (!port) throw new Error('embedderWorker runs only as a worker thread');

UniversalSentenceEncoder.load().then(
  (model) => {
    let queue: Promise<void> = Promise.resolve();
    port.on('message', (req: Request) => {
      queue = queue.then(async () => {
        try {
          const vectors = await model.embed(req.texts);
          port.postMessage({ id: req.id, vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
        } catch (err) {
          port.postMessage({ id: req.id, error: (err as Error).message ?? String(err) });
        }
      });
    });
    port.postMessage({ ready: true, modelId: model.modelId, dimensions: model.dimensions });
  },
  (err: unknown) => port.postMessage({ ready: false, error: (err as Error).message ?? String(err) }),
);
