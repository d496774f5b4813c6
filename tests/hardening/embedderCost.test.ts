import util from 'node:util';
import { expect } from 'chai';
import { cosine, type Embedder } from '../../src/matching/Embedder';
import { CachingEmbedder } from '../../src/matching/CachingEmbedder';
import { UniversalSentenceEncoder } from '../../src/matching/UniversalSentenceEncoder';
import { WorkerEmbedder } from '../../src/matching/WorkerEmbedder';
import { loadServerEmbedder } from '../../src/server/serverEmbedder';

/** A fake model that counts what it is asked to embed, and can be told to fail. */
class CountingEmbedder implements Embedder {
  readonly modelId = 'counting';
  readonly dimensions = 3;
  calls: string[][] = [];
  failNext = false;
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('model down');
    }
    return texts.map((t) => new Float32Array([t.length, t.charCodeAt(0) || 0, this.calls.length]));
  }
}

describe('Hardening: the cost of embedding a message (CachingEmbedder, WorkerEmbedder)', function () {
  this.timeout(60_000);

  it('embeds a text asked again once, and serves the very vectors the model gave', async () => {
    const model = new CountingEmbedder();
    const cache = new CachingEmbedder(model, { maxEntries: 10, ttlMs: 60_000 });
    const [a] = await cache.embed(['what is sen support']);
    const [b] = await cache.embed(['what is sen support']);
    expect(b).to.equal(a);
    expect(model.calls).to.deep.equal([['what is sen support']]);
    // Asked at the same time (the safety check and the matcher on one message): still once.
    const [c, d] = await Promise.all([cache.embed(['ehc plan']), cache.embed(['ehc plan'])]);
    expect(c[0]).to.equal(d[0]);
    expect(model.calls).to.have.length(2);
    expect(cache.hits).to.equal(2);
    expect(cache.misses).to.equal(2);
  });

  it('caches a batch whole, by its exact texts in order (a text\'s vector in a batch is not its vector alone)', async () => {
    const model = new CountingEmbedder();
    const cache = new CachingEmbedder(model, { maxEntries: 10, ttlMs: 60_000 });
    await cache.embed(['one. two', 'one', 'two']);
    await cache.embed(['one. two', 'one', 'two']);
    expect(model.calls).to.have.length(1);
    await cache.embed(['one']);
    await cache.embed(['two', 'one']);
    expect(model.calls).to.deep.equal([['one. two', 'one', 'two'], ['one'], ['two', 'one']]);
    // A long list (the knowledge base's phrasings at start) is not a message: not kept.
    const phrasings = Array.from({ length: 33 }, (_, i) => `phrasing ${i}`);
    await cache.embed(phrasings);
    await cache.embed(phrasings);
    expect(model.calls).to.have.length(5);
    expect(cache.size).to.equal(3);
  });

  it('keeps at most maxEntries, dropping the least recently used first', async () => {
    const model = new CountingEmbedder();
    const cache = new CachingEmbedder(model, { maxEntries: 2, ttlMs: 60_000 });
    await cache.embed(['a']);
    await cache.embed(['b']);
    await cache.embed(['a']); // a is now the most recently used
    await cache.embed(['c']); // b goes
    expect(cache.size).to.equal(2);
    await cache.embed(['a']);
    await cache.embed(['b']);
    expect(model.calls.map((c) => c[0])).to.deep.equal(['a', 'b', 'c', 'b']);
  });

  it('forgets a vector unused for ttlMs', async () => {
    let now = 0;
    const model = new CountingEmbedder();
    const cache = new CachingEmbedder(model, { maxEntries: 10, ttlMs: 1000, now: () => now });
    await cache.embed(['a']);
    now = 900;
    await cache.embed(['a']); // used: fresh again
    now = 1800;
    await cache.embed(['b']);
    expect(cache.size, 'a was used at 900').to.equal(2);
    now = 2901;
    await cache.embed(['b']);
    expect(cache.size, 'a unused for 2001 ms').to.equal(1);
    await cache.embed(['a']);
    expect(model.calls.map((c) => c[0])).to.deep.equal(['a', 'b', 'b', 'a']);
  });

  it('does not remember a failure, and with maxEntries 0 passes every call through', async () => {
    const model = new CountingEmbedder();
    const cache = new CachingEmbedder(model, { maxEntries: 10, ttlMs: 60_000 });
    model.failNext = true;
    let failed = false;
    await cache.embed(['a']).catch(() => (failed = true));
    expect(failed).to.equal(true);
    await cache.embed(['a']);
    expect(model.calls).to.have.length(2);
    expect(cache.size).to.equal(1);

    const off = new CachingEmbedder(model, { maxEntries: 0, ttlMs: 60_000 });
    await off.embed(['a']);
    await off.embed(['a']);
    expect(model.calls).to.have.length(4);
    expect(off.size).to.equal(0);
  });

  it('keeps no message text: only digests of it', async () => {
    // A model that keeps nothing, so whatever text is found is the cache's.
    const model: Embedder = { modelId: 'm', dimensions: 2, embed: async (texts) => texts.map((t) => new Float32Array([t.length, 1])) };
    const cache = new CachingEmbedder(model, { maxEntries: 10, ttlMs: 60_000 });
    const secret = 'my son sam jones at st mary primary has autism';
    await cache.embed([secret]);
    const held = util.inspect(cache, { depth: 10, showHidden: true, maxArrayLength: 1000, maxStringLength: 10_000 });
    expect(held).to.not.include('sam jones');
    expect(held).to.not.include('autism');
  });

  it('the model in its worker thread gives the same vectors, bit for bit, as on the event loop', async () => {
    const texts = ['what is sen support', "i don't want to be alive anymore", 'my son is seven. he can\'t read and has meltdowns every day', ''];
    const worker = await WorkerEmbedder.start();
    try {
      const main = await UniversalSentenceEncoder.shared();
      expect(worker.modelId).to.equal(main.modelId);
      expect(worker.dimensions).to.equal(main.dimensions);
      const [fromWorker, fromMain] = [await worker.embed(texts), await main.embed(texts)];
      fromMain.forEach((v, i) => expect(Array.from(fromWorker[i]), texts[i]).to.deep.equal(Array.from(v)));
      const [alone] = await worker.embed([texts[0]]);
      expect(Array.from(alone)).to.deep.equal(Array.from((await main.embed([texts[0]]))[0]));
      // Requests sent together are each answered with their own vectors (the worker may put them in one
      // call of the model: the same vector to the sixth decimal place, tests/matching/BatchingEmbedder.test.ts).
      const many = await Promise.all(texts.map((t) => worker.embed([t])));
      for (let i = 0; i < texts.length; i++) expect(cosine(many[i][0], (await main.embed([texts[i]]))[0]), texts[i]).to.be.greaterThan(0.999999);
    } finally {
      await worker.close();
    }
  });

  it('a live worker is sent the texts in the caller\'s own turn, so what the caller does next runs beside the model', async () => {
    const worker = await WorkerEmbedder.start();
    try {
      await worker.embed(['what is sen support']);
      const waiting = (worker as unknown as { waiting: Map<number, unknown> }).waiting;
      const pending = worker.embed(['what is an ehc plan']);
      // Not a turn of the event loop later: already posted, and owed an answer.
      expect(waiting.size).to.equal(1);
      const [v] = await pending;
      expect(v).to.have.length(worker.dimensions);
      expect(waiting.size).to.equal(0);
    } finally {
      await worker.close();
    }
  });

  it('a stopped worker fails what waits on it and the next request starts a new one', async () => {
    const worker = await WorkerEmbedder.start();
    try {
      const pending = worker.embed(['what is an ehc plan']);
      await worker.close();
      let failed = false;
      await pending.catch(() => (failed = true));
      expect(failed).to.equal(true);
      const [v] = await worker.embed(['what is an ehc plan']);
      expect(v).to.have.length(worker.dimensions);
    } finally {
      await worker.close();
    }
  });

  it('the server\'s embedder is the model behind the cache, in its worker by default', async () => {
    const e = await loadServerEmbedder({ thread: 'worker', cacheEntries: 100, cacheMinutes: 60 });
    expect(e).to.be.instanceOf(CachingEmbedder);
    const [v] = await e.embed(['what is sen support']);
    const [again] = await e.embed(['what is sen support']);
    expect(again).to.equal(v);
    expect((e as CachingEmbedder).misses).to.equal(1);
  });
});
