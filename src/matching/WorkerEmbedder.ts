import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Embedder } from './Embedder';

/** The sentence model's thread: V8's young generation (new objects) at most this size. */
export const WORKER_YOUNG_GENERATION_MB = 8;

type Reply = { id: number; vectors?: Float32Array[]; error?: string };
type Ready = { ready: boolean; modelId?: string; dimensions?: number; error?: string };

/**
 * The Universal Sentence Encoder run in a worker thread (embedderWorker.ts), behind the same
 * Embedder interface: embedding a message costs the model 15–25 ms of CPU, and on the main
 * thread that blocks every other request for as long; in a worker it runs on the other core
 * while the event loop goes on serving. The vectors are the model's own (the same code and
 * weights, the same WebAssembly backend), so nothing the matcher or the safety check decides
 * changes.
 *
 * Requests are answered in order. The worker does not keep the process alive when idle. If it
 * dies, the requests waiting on it fail (the callers fall back as they do when the model fails)
 * and the next request starts a new one.
 */
export class WorkerEmbedder implements Embedder {
  private next = 0;
  private readonly waiting = new Map<number, { worker: Worker; resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();
  private worker: Promise<Worker> | undefined;
  private live: Worker | undefined;

  private constructor(
    readonly modelId: string,
    readonly dimensions: number,
    first: Worker,
  ) {
    this.worker = Promise.resolve(this.watch(first));
  }

  private static starting: Promise<WorkerEmbedder> | undefined;

  /** One worker per process, started on first use: servers built in the same process share it. A failed start is not kept. */
  static shared(): Promise<WorkerEmbedder> {
    WorkerEmbedder.starting ??= WorkerEmbedder.start().catch((err: unknown) => {
      WorkerEmbedder.starting = undefined;
      throw err;
    });
    return WorkerEmbedder.starting;
  }

  /** Starts the worker and waits for its model to load; throws (and stops it) when it cannot. */
  static async start(): Promise<WorkerEmbedder> {
    const { worker, ready } = await WorkerEmbedder.spawn();
    return new WorkerEmbedder(ready.modelId as string, ready.dimensions as number, worker);
  }

  private static spawn(): Promise<{ worker: Worker; ready: Ready }> {
    // Run from TypeScript source (tsx: tests, the bench) or from the build (dist, .js).
    const ext = path.extname(__filename);
    const file = path.join(__dirname, `embedderWorker${ext}`);
    // (A worker cannot load .ts by itself: tsx's require hook is installed first, with its cache of
    // compiled files off, so that the worker writes nothing to TMPDIR.)
    // The model's tensors live in WebAssembly memory, not V8's heap; the worker's JavaScript makes
    // little garbage, so a small young generation serves it (measured: about 15 MB less resident
    // memory, the same time per call).
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
    const worker =
      ext === '.ts'
        ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`, { eval: true, env: { ...process.env, TSX_DISABLE_CACHE: '1' }, resourceLimits })
        : new Worker(file, { resourceLimits });
    return new Promise((resolve, reject) => {
      const fail = (err: Error) => {
        void worker.terminate();
        reject(err);
      };
      worker.once('message', (ready: Ready) => {
        if (ready.ready && ready.modelId && ready.dimensions) {
          worker.removeListener('error', fail);
          worker.unref();
          resolve({ worker, ready });
        } else fail(new Error(`the sentence model did not load in its worker: ${ready.error ?? 'unknown'}`));
      });
      worker.once('error', fail);
    });
  }

  private watch(worker: Worker): Worker {
    this.live = worker;
    worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (![...this.waiting.values()].some((x) => x.worker === worker)) worker.unref();
      if (reply.vectors) w.resolve(reply.vectors);
      else w.reject(new Error(`the sentence model failed: ${reply.error ?? 'unknown'}`));
    });
    const lost = (why: string) => {
      // Only this worker's requests fail; a worker started since carries on.
      if (this.live === worker) {
        this.live = undefined;
        this.worker = undefined;
      }
      for (const [id, w] of this.waiting) {
        if (w.worker !== worker) continue;
        this.waiting.delete(id);
        w.reject(new Error(`the sentence model's worker stopped (${why})`));
      }
    };
    worker.on('error', (err: Error) => lost(err.name));
    worker.on('exit', (code) => lost(`exit ${code}`));
    return worker;
  }

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    // A live worker is sent the texts now, in the caller's turn of the event loop, so what the
    // caller does next (the matcher's lexical scoring) runs beside the model, not before it.
    if (this.live) return this.post(this.live, texts);
    return this.startThenPost(texts);
  }

  private async startThenPost(texts: readonly string[]): Promise<Float32Array[]> {
    if (!this.worker) {
      const starting = WorkerEmbedder.spawn().then(({ worker }) => this.watch(worker));
      // A worker that could not start is not kept: the next request tries again.
      starting.catch(() => {
        if (this.worker === starting) this.worker = undefined;
      });
      this.worker = starting;
    }
    return this.post(await this.worker, texts);
  }

  private post(worker: Worker, texts: readonly string[]): Promise<Float32Array[]> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      // Kept alive while it owes an answer, so a command waiting on a vector does not exit early.
      worker.ref();
      worker.postMessage({ id, texts: [...texts] });
    });
  }

  /** Stops the worker (a later embed starts a new one). */
  async close(): Promise<void> {
    const w = await this.worker?.catch(() => undefined);
    if (this.live === w) {
      this.live = undefined;
      this.worker = undefined;
    }
    await w?.terminate();
  }
}
