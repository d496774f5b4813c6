import { expect } from 'chai';
import { BatchingEmbedder } from '../../src/matching/BatchingEmbedder';
import { cosine, type Embedder } from '../../src/matching/Embedder';
import { UniversalSentenceEncoder } from '../../src/matching/UniversalSentenceEncoder';

/** A fake model that records each call, answers each text with a vector of its own, and fails on a text that says so. */
class RecordingEmbedder implements Embedder {
  readonly modelId = 'recording';
  readonly dimensions = 2;
  calls: string[][] = [];
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    await new Promise((r) => setTimeout(r, 5));
    if (texts.some((t) => t.includes('poison'))) throw new Error('the model failed');
    return texts.map((t) => new Float32Array([t.length, t.split(' ').length]));
  }
}

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('BatchingEmbedder: texts that reach the model together share its calls', () => {
  it('puts calls made together into one model call, and answers each with its own vectors in order', async () => {
    const model = new RecordingEmbedder();
    const e = new BatchingEmbedder(model);
    const [a, b, c] = await Promise.all([e.embed(['what is sen support']), e.embed(['an ehc plan', 'who is the senco']), e.embed(['tribunal deadline'])]);
    expect(model.calls).to.have.length(1);
    expect(model.calls[0]).to.have.members(['what is sen support', 'an ehc plan', 'who is the senco', 'tribunal deadline']);
    expect(a.map((v) => v[0])).to.deep.equal(['what is sen support'.length]);
    expect(b.map((v) => v[0])).to.deep.equal(['an ehc plan'.length, 'who is the senco'.length]);
    expect(c.map((v) => v[0])).to.deep.equal(['tribunal deadline'.length]);
  });

  it('a call made while the model is busy waits and joins the next call with the others that waited', async () => {
    const model = new RecordingEmbedder();
    const e = new BatchingEmbedder(model);
    const first = e.embed(['first message here']);
    await new Promise((r) => setImmediate(r));
    const later = await Promise.all([e.embed(['second message here']), e.embed(['third message here'])]);
    await first;
    expect(model.calls).to.deep.equal([['first message here'], ['second message here', 'third message here']]);
    expect(later[1][0][0]).to.equal('third message here'.length);
  });

  it('texts of very different length go to the model in separate calls (a call is padded to its longest)', async () => {
    const model = new RecordingEmbedder();
    const e = new BatchingEmbedder(model);
    const long = words(60);
    const [short, longV, mid] = await Promise.all([e.embed(['a short one']), e.embed([long]), e.embed([words(40, 'mid')])]);
    // 60 and 40 words share a call (60 <= 2 * 40 + 4); three words do not.
    expect(model.calls.map((c) => c.length)).to.deep.equal([2, 1]);
    expect(model.calls[1]).to.deep.equal(['a short one']);
    expect(short[0][1]).to.equal(3);
    expect(longV[0][1]).to.equal(60);
    expect(mid[0][1]).to.equal(40);
  });

  it('sends at most maxTexts texts in one call', async () => {
    const model = new RecordingEmbedder();
    const e = new BatchingEmbedder(model, 4);
    const out = await Promise.all(Array.from({ length: 10 }, (_, i) => e.embed([`question number ${i}`])));
    expect(model.calls.map((c) => c.length)).to.deep.equal([4, 4, 2]);
    out.forEach((v, i) => expect(v[0][0]).to.equal(`question number ${i}`.length));
  });

  it('when a shared call fails, each call is tried alone: only the one that fails alone fails', async () => {
    const model = new RecordingEmbedder();
    const e = new BatchingEmbedder(model);
    const results = await Promise.allSettled([e.embed(['a good question']), e.embed(['poison pill text']), e.embed(['another good one'])]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).to.be.instanceOf(Error);
    // And it carries on afterwards.
    expect((await e.embed(['after the failure']))[0][0]).to.equal('after the failure'.length);
  });

  it('an empty call costs the model nothing', async () => {
    const model = new RecordingEmbedder();
    expect(await new BatchingEmbedder(model).embed([])).to.deep.equal([]);
    expect(model.calls).to.have.length(0);
  });

  it('with the real model, a text batched with others gets the vector it gets alone (to the sixth decimal place)', async function () {
    this.timeout(60_000);
    const model = await UniversalSentenceEncoder.shared();
    const e = new BatchingEmbedder(model);
    const texts = ['what is sen support', "i don't want to be alive anymore", "my son is seven. he can't read and has meltdowns every day and school say they have done all they can", 'ehcp'];
    const together = await Promise.all(texts.map((t) => e.embed([t])));
    for (let i = 0; i < texts.length; i++) {
      const [alone] = await model.embed([texts[i]]);
      expect(cosine(together[i][0], alone), texts[i]).to.be.greaterThan(0.999999);
    }
  });
});
