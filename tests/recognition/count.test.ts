import { expect } from 'chai';
import { recognizeCount } from '../../src/recognition/CountRecognizer';

describe('recognizeCount: numbers in words and in figures', () => {
  const cases: Array<[string, number]> = [
    ['3', 3],
    ['three', 3],
    ['two reviews', 2],
    ['twice', 2],
    ['once', 1],
    ['a couple of times', 2],
    ['none yet', 0],
    ['not yet', 0],
    ['never', 0],
    ['twenty one', 21],
    ['a few', 3],
    ['2 or 3', 2],
  ];
  for (const [text, n] of cases) it(`"${text}" is ${n}`, () => expect(recognizeCount(text)).to.equal(n));
  for (const text of ['blue', 'dunno', '']) it(`cannot read "${text}"`, () => expect(recognizeCount(text)).to.equal(undefined));
});
