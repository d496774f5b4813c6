import { expect } from 'chai';
import { recognizeYesNo } from '../../src/recognition/YesNoRecognizer';

describe('recognizeYesNo: yes, no or unsure, the way people say it', () => {
  const cases: Array<[string, 'yes' | 'no' | 'unsure']> = [
    ['yep', 'yes'],
    ['Yes', 'yes'],
    ['yeah', 'yes'],
    ['yesss', 'yes'],
    ['y', 'yes'],
    ['yes please', 'yes'],
    ['I think so', 'yes'],
    ['he is', 'yes'],
    ['of course', 'yes'],
    ['not really', 'no'],
    ['nope', 'no'],
    ['nah', 'no'],
    ['no', 'no'],
    ['Nooo', 'no'],
    ['not yet', 'no'],
    ["he isn't", 'no'],
    ["she's not", 'no'],
    ["don't think so", 'no'],
    ['they havent', 'no'],
    ['dunno', 'unsure'],
    ['not sure', 'unsure'],
    ["I don't know", 'unsure'],
    ['no idea', 'unsure'],
    ['maybe', 'unsure'],
    ['sort of', 'unsure'],
    ['yes and no', 'unsure'],
  ];
  for (const [text, value] of cases) it(`"${text}" is ${value}`, () => expect(recognizeYesNo(text)?.value).to.equal(value));

  it('"yeah since sept" is yes, with "since sept" left over', () => expect(recognizeYesNo('yeah since sept')).to.deep.equal({ value: 'yes', rest: 'since sept' }));
  it('"no, twice" keeps "twice"', () => expect(recognizeYesNo('no, twice')?.rest).to.equal('twice'));

  for (const text of ['blue', 'year 3', 'what is sen support', '']) {
    it(`cannot read "${text}"`, () => expect(recognizeYesNo(text)).to.equal(undefined));
  }
});
