import { expect } from 'chai';
import { MAX_PART_WORDS, MAX_SENTENCE_PARTS, SemanticSafetyLayer, clauses, exemplarsHash, messageParts, type SafetyModel } from '../../src/safety/SemanticSafetyLayer';
import type { Embedder } from '../../src/matching/Embedder';
import type { Exemplar } from '../../src/safety/SafetyExemplars';
import { FakeEmbedder } from './fakeEmbedder';

/** The semantic layer alone, over a small fake embedder and a handful of exemplars. */
describe('Safety check, semantic layer alone (fake embedder)', () => {
  const exemplars: Exemplar[] = [
    ...['i want to vanish forever and never come back', 'nobody would miss me if i vanished forever', 'planning to vanish forever tonight', 'soon i will vanish forever'].map((text) => ({ text, label: 'urgent' as const, kind: 'suicidal' })),
    ...['swallowed the whole packet of pills', 'she swallowed loads of pills an hour ago', 'he swallowed pills from the cupboard'].map((text) => ({ text, label: 'urgent' as const, kind: 'overdose' })),
    ...['how should school support pupils after a bereavement by suicide', 'suicide prevention training for school staff', 'what does a suicide prevention policy cover'].map((text) => ({ text, label: 'support' as const, kind: 'suicide-topic' })),
    ...['what is an annual review for an ehc plan', 'can school reduce his timetable', 'the council refused the assessment request', 'how many hours of teaching assistant support'].map((text) => ({ text, label: 'negative' as const, kind: 'school-question' })),
  ];
  const unfitted: SafetyModel = {
    version: 1,
    modelId: 'other',
    exemplarsHash: 'not-these',
    urgentThreshold: 0.6,
    supportThreshold: 0.6,
    minSentenceWords: 3,
    k: 2,
    l2: 0.1,
    urgent: { w: [], b: 0 },
    risk: { w: [], b: 0 },
  };
  let layer: SemanticSafetyLayer;
  let stale: boolean;
  const embedder = new FakeEmbedder();
  before(async () => {
    ({ layer, stale } = await SemanticSafetyLayer.create(embedder, exemplars, unfitted));
  });

  it('trains again at start-up when the fitted model does not match the exemplars, and says so', () => {
    expect(stale).to.equal(true);
    expect(layer.model.exemplarsHash).to.equal(exemplarsHash(embedder.modelId, exemplars));
    expect(layer.model.urgent.w).to.have.length(64);
  });

  it('hears risk in new words close to the urgent exemplars, and names the nearest kind', async () => {
    const a = await layer.assess('i think i will vanish forever soon');
    expect(a.outcome).to.equal('urgent');
    expect(a.kind).to.equal('suicidal');
    expect((await layer.assess('my son swallowed pills from the bathroom')).kind).to.equal('overdose');
  });

  it('gives support for the subject and none for an ordinary school question', async () => {
    expect((await layer.assess('is there suicide prevention training for staff'))).to.include({ outcome: 'support' });
    expect((await layer.assess('when is the annual review of his ehc plan'))).to.include({ outcome: 'none' });
  });

  it('reads the riskiest sentence of a long message on its own, so a risk said in passing is heard', async () => {
    const long = 'The annual review is next month and the council refused the assessment request. Can school reduce his timetable? Honestly nobody would miss me if i vanished forever. What should I ask for?';
    expect(messageParts(long, 3)).to.have.length(1 + MAX_SENTENCE_PARTS);
    expect(messageParts(long, 3).some((p) => p.startsWith('honestly nobody would miss me'))).to.equal(true);
    expect((await layer.assess(long)).outcome).to.equal('urgent');
  });

  it('reads a risk told before a question in the same sentence on its own ("…, what should school do")', () => {
    expect(clauses('she said everyone would be better off if she was not here, what should school do')).to.deep.equal(['she said everyone would be better off if she was not here', 'what should school do']);
    expect(clauses('he keeps saying he wants to disappear, but is there anything school can try')).to.deep.equal(['he keeps saying he wants to disappear', 'but is there anything school can try']);
    // A comma that starts no question splits nothing; nor does one with no word near risk before it.
    expect(clauses('he is tired, sad and quiet')).to.deep.equal(['he is tired, sad and quiet']);
    expect(clauses('my husband and i are divorcing, who gets custody')).to.deep.equal(['my husband and i are divorcing, who gets custody']);
    const parts = messageParts('she said everyone would be better off if she was not here, what should school do', 3);
    expect(parts).to.include('she said everyone would be better off if she was not here');
  });

  it('reads a long message in bounded parts, sentences near risk first, and embeds no word twice', async () => {
    const filler = Array.from({ length: 14 }, (_, i) => `The review meeting number ${i} talked about the timetable and the bus`).join('. ');
    const long = `${filler}. Honestly nobody would miss me if i vanished forever. ${filler}. What should I ask for at the next meeting?`;
    const parts = messageParts(long, 3);
    expect(parts.length).to.be.at.most(1 + MAX_SENTENCE_PARTS);
    expect(parts.slice(1).every((p) => p.split(' ').length <= MAX_PART_WORDS)).to.equal(true);
    expect(parts.some((p) => /vanished forever/.test(p) && !/review meeting/.test(p)), 'the risky sentence is read on its own').to.equal(true);
    // What reaches the model: only the sentences read (the whole is their mean), in at most two calls.
    const seen: string[][] = [];
    const counting: Embedder = { modelId: embedder.modelId, dimensions: embedder.dimensions, embed: (texts) => (seen.push([...texts]), embedder.embed(texts)) };
    const { layer: counted } = await SemanticSafetyLayer.create(counting, exemplars, layer.model);
    seen.length = 0;
    expect((await counted.assess(long)).outcome).to.equal('urgent');
    expect(seen.length).to.be.at.most(2);
    expect(seen.flat()).to.deep.equal(seen.flat().filter((t, i, all) => all.indexOf(t) === i));
    expect(seen.flat()).to.not.include(parts[0]);
  });

  it('leaves a word or two to the lexical layer', async () => {
    expect((await layer.assess('vanish forever')).outcome).to.equal('none');
  });

  it('removes idioms before reading ("this is killing me")', () => {
    expect(messageParts('this waiting list is killing me', 3)[0]).to.not.match(/killing/);
  });
});
