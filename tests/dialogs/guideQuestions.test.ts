import { expect } from 'chai';
import { SEN_SUPPORT_QUESTIONS } from '../../dialogs/guides/SenSupportGuideDialog';
import { DIAGNOSIS_QUESTIONS } from '../../dialogs/guides/DiagnosisGuideDialog';
import { EHC_CHECK_QUESTIONS, HANDOFF_OFFER, ehcOutcome, type EhcCheckAnswers } from '../../dialogs/guides/EhcAssessmentCheckDialog';
import type { GuideQuestion } from '../../dialogs/guides/GuideQuestion';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('Guide questions: every button is an answer the question reads', () => {
  const all: Array<[string, ReadonlyArray<GuideQuestion<never>>]> = [
    ['SEN support guide', SEN_SUPPORT_QUESTIONS as ReadonlyArray<GuideQuestion<never>>],
    ['diagnosis guide', DIAGNOSIS_QUESTIONS as ReadonlyArray<GuideQuestion<never>>],
    ['EHC needs assessment check', [...EHC_CHECK_QUESTIONS, HANDOFF_OFFER] as ReadonlyArray<GuideQuestion<never>>],
  ];
  for (const [guide, questions] of all) {
    for (const q of questions) {
      it(`${guide}, "${q.id}": at most three suggestions, each read as an answer`, () => {
        expect(q.suggestions.length).to.be.at.most(3);
        for (const s of q.suggestions) expect(q.recognize(s, NOW), `"${s}"`).to.not.equal(undefined);
      });
      it(`${guide}, "${q.id}": the example in the re-ask starts "For example"`, () => expect(q.example).to.match(/^For example ".+"/));
    }
  }
});

describe('EHC needs assessment check: reading combined answers', () => {
  const q = (id: string) => EHC_CHECK_QUESTIONS.find((x) => x.id === id) as GuideQuestion<EhcCheckAnswers>;
  it('"yeah since sept" is on SEN support, since September', () => {
    expect(q('onSenSupport').recognize('yeah since sept', NOW)).to.deep.include({ value: 'yes' });
    expect((q('onSenSupport').recognize('yeah since sept', NOW) as { duration: { since: string } }).duration.since).to.equal('2026-09-01');
  });
  it('"on the register since january" is a yes', () => expect(q('onSenSupport').recognize('on the register since january', NOW)).to.deep.include({ value: 'yes' }));
  it('"nope" is not on SEN support, with no duration', () => expect(q('onSenSupport').recognize('nope', NOW)).to.deep.equal({ value: 'no' }));
  it('"yes, reviewed twice" is a plan reviewed twice', () => expect(q('plan').recognize('yes, reviewed twice', NOW)).to.deep.equal({ value: 'yes', reviews: 2 }));
  it('"dunno" is an answer to how long: unsure', () => expect(q('duration').recognize('dunno', NOW)).to.equal('unsure'));
  it('"ages" cannot be read as a length of time', () => expect(q('duration').recognize('ages', NOW)).to.equal(undefined));
});

describe('EHC needs assessment check: the three outcomes', () => {
  const months = (m: number) => ({ months: m, label: `${m} months` });
  const cases: Array<[string, Partial<EhcCheckAnswers>, string]> = [
    ['not on SEN support', { onSenSupport: { value: 'no' }, signs: { signs: [], unsure: false } }, 'start-with-sen-support'],
    ['not on SEN support but excluded (the law sets no SEN support gate)', { onSenSupport: { value: 'no' }, signs: { signs: ['excluded'], unsure: false } }, 'consider-request'],
    ['not on SEN support, severe needs', { onSenSupport: { value: 'no' }, signs: { signs: [], unsure: false }, highNeeds: 'yes' }, 'consider-request'],
    ['first question skipped, no signs', { signs: { signs: [], unsure: false }, highNeeds: 'no' }, 'start-with-sen-support'],
    ['two months, severe needs', { onSenSupport: { value: 'yes' }, duration: months(2), plan: { value: 'no' }, progress: 'little', signs: { signs: [], unsure: false }, highNeeds: 'yes' }, 'consider-request'],
    ['two years, six reviews, some progress, falling further behind', { onSenSupport: { value: 'yes' }, duration: months(24), plan: { value: 'yes', reviews: 6 }, progress: 'some', gap: 'widening', signs: { signs: [], unsure: false }, highNeeds: 'no' }, 'consider-request'],
    ['two years, six reviews, some progress, as far behind as before', { onSenSupport: { value: 'yes' }, duration: months(24), plan: { value: 'yes', reviews: 6 }, progress: 'some', gap: 'same' }, 'consider-request'],
    ['two years, some progress, catching up', { onSenSupport: { value: 'yes' }, duration: months(24), plan: { value: 'yes', reviews: 6 }, progress: 'some', gap: 'closing' }, 'keep-reviewing'],
    ['time and reviews unknown, little progress (unknown is not "too early")', { onSenSupport: { value: 'yes' }, duration: 'unsure', plan: { value: 'yes' }, reviews: 'unsure', progress: 'little' }, 'consider-request'],
    ['unsure, no plan, no time', { onSenSupport: { value: 'unsure' }, duration: 'unsure', plan: { value: 'no' }, progress: 'unsure', signs: { signs: [], unsure: true } }, 'start-with-sen-support'],
    ['young support, little progress', { onSenSupport: { value: 'yes' }, duration: months(4), plan: { value: 'yes', reviews: 1 }, progress: 'little', signs: { signs: [], unsure: false } }, 'keep-reviewing'],
    ['long support, good progress', { onSenSupport: { value: 'yes' }, duration: months(18), plan: { value: 'yes', reviews: 4 }, progress: 'good', signs: { signs: [], unsure: false } }, 'keep-reviewing'],
    ['long support, some progress', { onSenSupport: { value: 'yes' }, duration: months(12), progress: 'some', signs: { signs: [], unsure: false } }, 'keep-reviewing'],
    ['two terms, little progress', { onSenSupport: { value: 'yes' }, duration: months(7), progress: 'little', signs: { signs: [], unsure: false } }, 'consider-request'],
    ['two reviews, little progress, time unknown', { onSenSupport: { value: 'yes' }, duration: 'unsure', plan: { value: 'yes' }, reviews: 2, progress: 'little' }, 'consider-request'],
    ['a warning sign, however young the support', { onSenSupport: { value: 'yes' }, duration: months(2), progress: 'good', signs: { signs: ['moving'], unsure: false } }, 'consider-request'],
  ];
  for (const [name, answers, outcome] of cases) it(`${name}: ${outcome}`, () => expect(ehcOutcome(answers)).to.equal(outcome));
});
