import { expect } from 'chai';
import { recognizeChildAge } from '../../src/recognition/ChildAgeRecognizer';

describe('recognizeChildAge: a child\'s age or school year as people type it', () => {
  const cases: Array<[string, ReturnType<typeof recognizeChildAge>]> = [
    ["he's 7", { age: 7, stage: 'primary' }],
    ['year 3', { schoolYear: 3, stage: 'primary' }],
    ['14 years old', { age: 14, stage: 'secondary' }],
    ['in reception', { schoolYear: 0, stage: 'early-years' }],
    ["she's at college", { stage: 'post-16' }],
    ['nursery', { stage: 'early-years' }],
    ['sixth form', { stage: 'post-16' }],
    ['she is seven', { age: 7, stage: 'primary' }],
    ['Y9', { schoolYear: 9, stage: 'secondary' }],
    ['yr6', { schoolYear: 6, stage: 'primary' }],
    ['year eleven', { schoolYear: 11, stage: 'secondary' }],
    ['hes in year 2 and hes 7', { age: 7, schoolYear: 2, stage: 'primary' }],
    ['my son is 7 years old', { age: 7, stage: 'primary' }],
    ['18 months', { age: 1.5, stage: 'early-years' }],
    ['3 and a half', { age: 3.5, stage: 'early-years' }],
    ['ds is 15yo', { age: 15, stage: 'secondary' }],
    ["i'm 17", { age: 17, stage: 'post-16' }],
    ['she goes to high school', { stage: 'secondary' }],
    ['primary school', { stage: 'primary' }],
    ['recepton', { schoolYear: 0, stage: 'early-years' }],
    ['at colledge', { stage: 'post-16' }],
    ['year 12', { schoolYear: 12, stage: 'post-16' }],
    ['pre-school', { stage: 'early-years' }],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}"`, () => expect(recognizeChildAge(text)).to.deep.equal(expected));
  }

  for (const text of ['blue', 'not sure', "he's 40", 'year 15', '', 'years old']) {
    it(`cannot read "${text}"`, () => expect(recognizeChildAge(text)).to.equal(undefined));
  }
});
