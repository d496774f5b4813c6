import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnswerClassifier } from '../../src/matching/AnswerClassifier';
import { unitLength } from '../../src/matching/Embedder';
import { SemanticScorer } from '../../src/matching/SemanticScorer';
import { VectorCache } from '../../src/matching/VectorCache';
import { FakeEmbedder } from '../support/FakeEmbedder';

function argmax(scores: Map<string, number>): string {
  return [...scores.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

describe('AnswerClassifier: a ridge classifier over the phrasings’ sentence vectors', () => {
  const embedder = new FakeEmbedder([['paper', 'document', 'written'], ['money', 'funding', 'budget']]);
  const entries = [
    { id: 'plan', text: 'is there a paper about his support' },
    { id: 'plan', text: 'what goes in the written plan' },
    { id: 'plan', text: 'who writes the plan document' },
    { id: 'funding', text: 'where does the money come from' },
    { id: 'funding', text: 'how is extra help funding decided' },
    { id: 'funding', text: 'is there a budget for support' },
    { id: 'senco', text: 'who is the senco' },
    { id: 'senco', text: 'what does the senco do' },
  ];

  it('scores each phrasing highest for its own answer, and a new wording by the answer it is most like', async () => {
    const vectors = await embedder.embed(entries.map((e) => e.text));
    const clf = AnswerClassifier.train(entries, vectors);
    expect(clf.labels).to.deep.equal(['plan', 'funding', 'senco']);
    vectors.forEach((v, i) => expect(argmax(clf.scores(v)), entries[i].text).to.equal(entries[i].id));
    const [unseen] = await embedder.embed(['is the document written down anywhere']);
    expect(argmax(clf.scores(unseen))).to.equal('plan');
    const [other] = await embedder.embed(['what budget pays for it']);
    expect(argmax(clf.scores(other))).to.equal('funding');
  });

  it('is exact on a case worked by hand: one dimension per answer gives weight 1/(1+λ)', () => {
    const e = (i: number) => {
      const v = new Float32Array(3);
      v[i] = 1;
      return unitLength(v);
    };
    const clf = AnswerClassifier.train([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [e(0), e(1), e(2)], 1);
    const s = clf.scores(e(1));
    expect(s.get('b')).to.be.closeTo(0.5, 1e-6);
    expect(s.get('a')).to.be.closeTo(0, 1e-6);
  });

  it('is kept in the vector cache beside the knowledge vectors, and trained again when the phrasings change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classifier-'));
    try {
      const kb = {
        answers: [
          { id: 'plan', title: 'The written plan' },
          { id: 'funding', title: 'Where the money comes from' },
        ],
        outOfScope: [],
        phrasingsOf: (id: string) => entries.filter((x) => x.id === id).map((x) => x.text),
      };
      const normaliser = { normalise: (t: string) => t.toLowerCase() };
      const build = () => SemanticScorer.build(kb as never, normaliser as never, embedder, new VectorCache(dir, embedder));
      const first = await build();
      const files = () => fs.readdirSync(dir).filter((f) => f.startsWith('classifier-'));
      expect(files()).to.have.length(1);
      const again = await build();
      const [q] = await embedder.embed(['is there a paper']);
      expect([...(again.classifier?.scores(q).entries() ?? [])]).to.deep.equal([...(first.classifier?.scores(q).entries() ?? [])]);
      expect(again.score(q).get('plan')?.classifier).to.be.greaterThan(again.score(q).get('funding')?.classifier ?? 1);
      const before = files()[0];
      entries.push({ id: 'plan', text: 'can i see his plan' });
      await build();
      expect(files()).to.have.length(1);
      expect(files()[0]).to.not.equal(before);
    } finally {
      entries.pop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
