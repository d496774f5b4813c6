import { expect } from 'chai';
import { recognizeProgress } from '../../src/recognition/ProgressRecognizer';
import { recognizeSpecialists } from '../../src/recognition/SpecialistRecognizer';
import { recognizeWarningSigns } from '../../src/recognition/WarningSignRecognizer';
import { recognizeConcerns } from '../../src/recognition/ConcernRecognizer';

describe('recognizeProgress', () => {
  const cases: Array<[string, string]> = [
    ['not really', 'little'],
    ['no', 'little'],
    ['going backwards', 'little'],
    ['very little', 'little'],
    ['hardly any', 'little'],
    ['a bit', 'some'],
    ['some, slowly', 'some'],
    ['a little', 'some'],
    ['yes loads', 'good'],
    ['yeah shes doing well', 'good'],
    ['Good progress', 'good'],
    ['dunno', 'unsure'],
    ['not sure', 'unsure'],
  ];
  for (const [text, p] of cases) it(`"${text}" is ${p}`, () => expect(recognizeProgress(text)).to.equal(p));
  it('cannot read "blue"', () => expect(recognizeProgress('blue')).to.equal(undefined));
});

describe('recognizeSpecialists', () => {
  it('names the specialists: "yes the EP and SALT"', () =>
    expect(recognizeSpecialists('yes the EP and SALT')).to.deep.equal({ value: 'yes', specialists: ['educational psychologist', 'speech and language therapist'] }));
  it('a specialist named alone is a yes: "occupational therapist"', () =>
    expect(recognizeSpecialists('occupational therapist')).to.deep.equal({ value: 'yes', specialists: ['occupational therapist'] }));
  it('"an educational pyschologist came in" with a typo', () => expect(recognizeSpecialists('an educational pyschologist came in')?.specialists).to.deep.equal(['educational psychologist']));
  it('"no" is no', () => expect(recognizeSpecialists('no')).to.deep.equal({ value: 'no', specialists: [] }));
  it('"not that I know of" is no', () => expect(recognizeSpecialists('not that I know of')?.value).to.equal('no'));
  it('"dunno" is unsure', () => expect(recognizeSpecialists('dunno')?.value).to.equal('unsure'));
  it('"not yet, but they have referred to SALT" counts as sought', () => expect(recognizeSpecialists('not yet, but they have referred to SALT')?.value).to.equal('yes'));
  it('cannot read "blue"', () => expect(recognizeSpecialists('blue')).to.equal(undefined));
});

describe('recognizeWarningSigns', () => {
  it('reads several signs in words', () =>
    expect(recognizeWarningSigns("he's on a part time timetable and has been excluded twice")).to.deep.equal({ signs: ['part-time', 'excluded'], unsure: false }));
  it('reads numbers from the list: "1 and 3"', () => expect(recognizeWarningSigns('1 and 3')?.signs).to.deep.equal(['part-time', 'no-progress-despite-help']));
  it('reads "2, 5"', () => expect(recognizeWarningSigns('2, 5')?.signs).to.deep.equal(['excluded', 'moving']));
  it('"none of these" is none', () => expect(recognizeWarningSigns('none of these')).to.deep.equal({ signs: [], unsure: false }));
  it('"no" is none', () => expect(recognizeWarningSigns('no')).to.deep.equal({ signs: [], unsure: false }));
  it('"not sure" is unsure', () => expect(recognizeWarningSigns('not sure')).to.deep.equal({ signs: [], unsure: true }));
  it('the school running out of money', () => expect(recognizeWarningSigns('school says the funding will run out')?.signs).to.deep.equal(['cannot-keep-up']));
  it('a move to secondary', () => expect(recognizeWarningSigns('she is moving to secondary in september')?.signs).to.deep.equal(['moving']));
  it('"suspended" with a typo: "suspened"', () => expect(recognizeWarningSigns('he was suspened')?.signs).to.deep.equal(['excluded']));
  it('cannot read "blue"', () => expect(recognizeWarningSigns('blue')).to.equal(undefined));
});

describe('recognizeConcerns', () => {
  it('reading and anxiety', () => {
    const c = recognizeConcerns("he can't read and gets really anxious");
    expect(c.areas).to.include.members(['learning', 'social-emotional']);
    expect(c.topics).to.include('anxiety');
  });
  it('late talking', () => expect(recognizeConcerns('she is not talking yet').topics).to.include('speech'));
  it('meltdowns', () => expect(recognizeConcerns('meltdowns every day after school').topics).to.include('behaviour'));
  it('nothing recognisable is still an answer', () => expect(recognizeConcerns('everything really')).to.deep.equal({ areas: [], topics: [] }));
});
