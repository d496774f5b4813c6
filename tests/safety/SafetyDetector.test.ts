import { expect } from 'chai';
import { SafetyDetector } from '../../src/safety/SafetyDetector';
import { SemanticSafetyLayer, type SafetyModel } from '../../src/safety/SemanticSafetyLayer';
import type { Exemplar } from '../../src/safety/SafetyExemplars';
import { FakeEmbedder } from './fakeEmbedder';

/** The two layers together: which wins, and what happens when the model is down. */
describe('Safety check, both layers (SafetyDetector)', () => {
  const exemplars: Exemplar[] = [
    ...['i keep thinking about vanishing for good', 'vanishing for good is all i think about', 'tonight i am vanishing for good', 'everyone is better if i vanish for good'].map((text) => ({ text, label: 'urgent' as const, kind: 'suicidal' })),
    ...['how can school help a child who self harms', 'what does a self harm policy say', 'support for a pupil with a safety plan'].map((text) => ({ text, label: 'support' as const, kind: 'self-harm-topic' })),
    ...['what is an annual review', 'can school reduce his timetable', 'how do i ask for an assessment', 'my son is in year four'].map((text) => ({ text, label: 'negative' as const, kind: 'school-question' })),
  ];
  const model = { version: 1, modelId: '', exemplarsHash: '', urgentThreshold: 0.6, supportThreshold: 0.6, minSentenceWords: 3, k: 2, l2: 0.1, urgent: { w: [], b: 0 }, risk: { w: [], b: 0 } } as SafetyModel;
  const embedder = new FakeEmbedder();
  let detector: SafetyDetector;
  before(async () => {
    const { layer } = await SemanticSafetyLayer.create(embedder, exemplars, model);
    detector = new SafetyDetector({ semantic: layer });
  });
  afterEach(() => (embedder.failing = false));

  it('"Urgent help" (the Teams command, the page\'s button) is urgent at once', async () => {
    for (const t of ['Urgent help', 'urgent', 'URGENT HELP!', 'emergency']) expect(await detector.assess(t)).to.include({ outcome: 'urgent', kind: 'asked', layer: 'command' });
  });

  it('the lexical layer wins when it finds risk now', async () => {
    expect(await detector.assess('she says she wants to kill herself tonight')).to.include({ outcome: 'urgent', layer: 'lexical' });
  });

  it('the semantic layer hears risk the phrases do not know', async () => {
    expect(await detector.assess('honestly i keep thinking about vanishing for good')).to.include({ outcome: 'urgent', layer: 'semantic' });
  });

  it('a risk the words deny or put in the past is not made urgent by the semantic layer: support', async () => {
    const a = await detector.assess('two years ago she was vanishing for good in her head and wanted to die, but she has been well since');
    expect(a.outcome).to.equal('support');
  });

  it('without the sentence model, the lexical layer runs alone and leans urgent on a subject word', async () => {
    const alone = new SafetyDetector();
    expect(alone.hasSemanticLayer).to.equal(false);
    expect((await alone.assess('my daughter and self-harm, what do I do')).outcome).to.equal('urgent');
    expect((await alone.assess('she self-harmed years ago and has been fine since')).outcome).to.equal('support');
    expect((await alone.assess('what is an annual review')).outcome).to.equal('none');
  });

  it('if the model fails on a message, the words decide (leaning urgent)', async () => {
    embedder.failing = true;
    expect((await detector.assess('she wants to die')).outcome).to.equal('urgent');
    expect((await detector.assess('my son and self-harm, help')).outcome).to.equal('urgent');
    expect((await detector.assess('how can school help my son who self-harms?')).outcome, 'a general question stays support').to.equal('support');
  });

  it('a message sent again is given the finding it got before without either layer reading it, and a caller cannot change it for the next', async () => {
    let calls = 0;
    const counting = { modelId: embedder.modelId, dimensions: embedder.dimensions, embed: (texts: readonly string[]) => (calls++, embedder.embed(texts)) };
    const { layer } = await SemanticSafetyLayer.create(counting, exemplars, model);
    const memo = new SafetyDetector({ semantic: layer });
    calls = 0;
    const first = await memo.assess('honestly i keep thinking about vanishing for good');
    expect(first.outcome).to.equal('urgent');
    expect(calls).to.equal(1);
    const again = await memo.assess('honestly i keep thinking about vanishing for good');
    expect(calls, 'the same text: no model').to.equal(1);
    expect(again).to.deep.equal(first);
    (again as { outcome: string }).outcome = 'none';
    expect((await memo.assess('honestly i keep thinking about vanishing for good')).outcome).to.equal('urgent');
    await memo.assess('honestly i keep thinking about vanishing for good now');
    expect(calls, 'another text: the model').to.equal(2);
    // With 0 kept, every message is read afresh.
    const none = new SafetyDetector({ semantic: layer, memoEntries: 0 });
    calls = 0;
    await none.assess('honestly i keep thinking about vanishing for good');
    await none.assess('honestly i keep thinking about vanishing for good');
    expect(calls).to.equal(2);
  });

  it('a finding made while the model failed is not kept: once it is back, both layers read the message', async () => {
    const { layer } = await SemanticSafetyLayer.create(embedder, exemplars, model);
    const memo = new SafetyDetector({ semantic: layer });
    embedder.failing = true;
    expect(await memo.assess('lately i keep thinking about vanishing for good'), 'words alone: no phrase of risk').to.include({ outcome: 'none' });
    embedder.failing = false;
    expect(await memo.assess('lately i keep thinking about vanishing for good')).to.include({ outcome: 'urgent', layer: 'semantic' });
  });

  it('create() falls back to the lexical layer, with a warning, when there is no embedder', async () => {
    const { detector: d, warning } = await SafetyDetector.create('knowledge', undefined);
    expect(d.hasSemanticLayer).to.equal(false);
    expect(warning).to.match(/lexical layer alone/);
  });

  it('never carries the message text in what it returns (nothing to log by mistake)', async () => {
    const text = 'my uncle Gareth hits me at the weekend in Swindon';
    const a = await detector.assess(text);
    expect(a.outcome).to.equal('urgent');
    expect(JSON.stringify(a)).to.not.match(/Gareth|Swindon|weekend/);
  });
});
