import { expect } from 'chai';
import { recognizeDuration } from '../../src/recognition/DurationRecognizer';
import { recognizeCount } from '../../src/recognition/CountRecognizer';

/** Recognisers accept an answer only when it reads as an answer to their question. */
describe('Recognisers: a moment is not a length of time or a count', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  for (const text of ['tonight', 'an hour ago', 'this morning', 'last night', '10 minutes ago', 'since this morning', 'he said it at 3pm', 'think friday is the day tbh, been going there every day this week']) {
    it(`"${text}" is not how long support has been in place`, () => expect(recognizeDuration(text, now)).to.equal(undefined));
  }
  for (const [text, months] of [['since september', 3], ['two terms', 7], ['about 6 months', 6], ['it started in march this year', 9], ['september', 3]] as const) {
    it(`"${text}" still is (${months} months)`, () => expect(recognizeDuration(text, now)?.months).to.equal(months));
  }
  it('"2 hours ago" is not a number of reviews; "twice" is', () => {
    expect(recognizeCount('2 hours ago')).to.equal(undefined);
    expect(recognizeCount('twice')).to.equal(2);
  });
});
