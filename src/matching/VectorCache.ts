import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Embedder } from './Embedder';

/** File layout: magic, version, dimensions, count (4 × uint32), then count × dimensions float32. */
const MAGIC = 0x56454353; // "VECS"
const VERSION = 1;
const HEADER_BYTES = 16;

/**
 * Sentence vectors for a fixed list of texts (knowledge-base phrasings, safety exemplars),
 * computed once and kept on disk. A file is named for its list and keyed by a hash of the
 * model and every text, so a change to the content or the model makes it stale and it is
 * rebuilt; a missing, short or corrupt file is rebuilt too. Never committed (`.cache/`).
 */
export class VectorCache {
  constructor(
    private readonly dir: string,
    private readonly embedder: Embedder,
  ) {}

  /** The cache key for `texts` under this embedder's model. */
  key(texts: readonly string[]): string {
    const h = crypto.createHash('sha256');
    h.update(this.embedder.modelId);
    for (const t of texts) h.update('\u0000').update(t);
    return h.digest('hex').slice(0, 20);
  }

  file(name: string, texts: readonly string[]): string {
    return path.join(this.dir, `${name}-${this.key(texts)}.bin`);
  }

  /** The cached vectors, or undefined when the file is missing, stale or unreadable. */
  read(name: string, texts: readonly string[]): Float32Array[] | undefined {
    const file = this.file(name, texts);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    if (buf.length < HEADER_BYTES) return undefined;
    const magic = buf.readUInt32LE(0);
    const version = buf.readUInt32LE(4);
    const dims = buf.readUInt32LE(8);
    const count = buf.readUInt32LE(12);
    if (magic !== MAGIC || version !== VERSION || dims !== this.embedder.dimensions || count !== texts.length) return undefined;
    if (buf.length !== HEADER_BYTES + count * dims * 4) return undefined;
    const floats = new Float32Array(buf.buffer.slice(buf.byteOffset + HEADER_BYTES, buf.byteOffset + buf.length));
    const out: Float32Array[] = [];
    for (let i = 0; i < count; i++) {
      const v = floats.subarray(i * dims, (i + 1) * dims);
      if (!v.every(Number.isFinite)) return undefined;
      out.push(v);
    }
    return out;
  }

  /** Writes the vectors (atomically: a temporary file, then a rename) and removes the list's stale files. */
  write(name: string, texts: readonly string[], vectors: readonly Float32Array[]): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const dims = this.embedder.dimensions;
    const buf = Buffer.alloc(HEADER_BYTES + vectors.length * dims * 4);
    buf.writeUInt32LE(MAGIC, 0);
    buf.writeUInt32LE(VERSION, 4);
    buf.writeUInt32LE(dims, 8);
    buf.writeUInt32LE(vectors.length, 12);
    vectors.forEach((v, i) => {
      for (let j = 0; j < dims; j++) buf.writeFloatLE(v[j], HEADER_BYTES + (i * dims + j) * 4);
    });
    const file = this.file(name, texts);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, file);
    for (const f of fs.readdirSync(this.dir)) {
      if (f.startsWith(`${name}-`) && f.endsWith('.bin') && path.join(this.dir, f) !== file) fs.rmSync(path.join(this.dir, f), { force: true });
    }
  }

  /**
   * The vectors for `texts`: from disk when fresh, otherwise embedded now and written. If they
   * cannot be written (a read-only disk), they are still returned, with the reason.
   */
  async vectorsFor(name: string, texts: readonly string[]): Promise<{ vectors: Float32Array[]; fromCache: boolean; notKept?: string }> {
    const cached = this.read(name, texts);
    if (cached) return { vectors: cached, fromCache: true };
    const vectors = await this.embedder.embed(texts);
    try {
      this.write(name, texts, vectors);
    } catch (err) {
      return { vectors, fromCache: false, notKept: (err as Error).message };
    }
    return { vectors, fromCache: false };
  }
}
