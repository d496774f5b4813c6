import { expect } from 'chai';
import { recognizeDuration, TERM_MONTHS } from '../../src/recognition/DurationRecognizer';

const NOV = new Date('2026-11-23T12:00:00Z');
const MARCH = new Date('2026-03-10T12:00:00Z');

describe('recognizeDuration: how long, including school terms', () => {
  it('"two terms" is two school terms', () => expect(recognizeDuration('two terms', NOV)).to.deep.equal({ months: 2 * TERM_MONTHS, label: '2 terms' }));
  it('"a term and a half"', () => expect(recognizeDuration('a term and a half', NOV)).to.deep.equal({ months: 5.3, label: '1.5 terms' }));
  it('"about two terms" (the number alone is not a duration to the recognizer)', () =>
    expect(recognizeDuration('about two terms', NOV)).to.deep.equal({ months: 7, label: 'about 2 terms' }));
  it('"half a term"', () => expect(recognizeDuration('half a term', NOV)?.months).to.equal(1.8));
  it('"one and a half terms"', () => expect(recognizeDuration('one and a half terms', NOV)?.months).to.equal(5.3));
  it('"a couple of terms"', () => expect(recognizeDuration('a couple of terms', NOV)?.months).to.equal(7));
  it('"3 terms"', () => expect(recognizeDuration('3 terms', NOV)?.months).to.equal(10.5));
  it('"tearms" with a typo', () => expect(recognizeDuration('2 tearms', NOV)?.months).to.equal(7));

  it('"since September" in November is this September', () => {
    const d = recognizeDuration('since September', NOV);
    expect(d?.since).to.equal('2026-09-01');
    expect(d?.label).to.equal('since September 2026');
    expect(d?.months).to.be.closeTo(2.7, 0.1);
  });
  it('"since September" in March is last September: the past date, not the coming one', () => {
    const d = recognizeDuration('since September', MARCH);
    expect(d?.since).to.equal('2025-09-01');
    expect(d?.months).to.be.closeTo(6.3, 0.1);
  });
  it('"since sept"', () => expect(recognizeDuration('since sept', NOV)?.since).to.equal('2026-09-01'));
  it('"yeah since sept"', () => expect(recognizeDuration('yeah since sept', NOV)?.since).to.equal('2026-09-01'));
  it('"since septmber" with a typo', () => expect(recognizeDuration('since septmber', NOV)?.since).to.equal('2026-09-01'));
  it('"since last september"', () => expect(recognizeDuration('since last september', NOV)?.since).to.equal('2025-09-01'));
  it('a UK date: "since 3/4/2025" is 3 April', () => expect(recognizeDuration('since 3/4/2025', NOV)?.since).to.equal('2025-04-03'));
  it('two dates in figures: the first is the start ("since 3/4/2025, reviewed 1/9/2025")', () =>
    expect(recognizeDuration('since 3/4/2025, reviewed 1/9/2025', NOV)?.since).to.equal('2025-04-03'));
  it('"since 2025-04-03", year first', () => expect(recognizeDuration('since 2025-04-03', NOV)?.since).to.equal('2025-04-03'));

  it('"about 6 months"', () => expect(recognizeDuration('about 6 months', NOV)).to.deep.equal({ months: 6, label: 'about 6 months' }));
  it('"six months"', () => expect(recognizeDuration('six months', NOV)?.months).to.equal(6));
  it('"a year and a half"', () => expect(recognizeDuration('a year and a half', NOV)?.months).to.equal(18));
  it('"18 months"', () => expect(recognizeDuration('18 months', NOV)?.months).to.equal(18));
  it('"1 year and 6 months" adds up', () => expect(recognizeDuration('1 year and 6 months', NOV)?.months).to.equal(18));
  it('"6 weeks"', () => expect(recognizeDuration('6 weeks', NOV)?.months).to.be.closeTo(1.4, 0.05));
  it('"a couple of months"', () => expect(recognizeDuration('a couple of months', NOV)?.months).to.equal(2));

  it('"this term" in November started in September', () => expect(recognizeDuration('just this term', NOV)?.since).to.equal('2026-09-01'));
  it('"since the start of the year" means the school year', () => expect(recognizeDuration('since the start of the year', NOV)?.since).to.equal('2026-09-01'));
  it('"less than a term"', () => expect(recognizeDuration('less than a term', NOV)?.months).to.equal(2));
  it('"a year or more"', () => expect(recognizeDuration('a year or more', NOV)?.months).to.equal(12));
  it('"not started yet" is no time at all', () => expect(recognizeDuration('not started yet', NOV)?.months).to.equal(0));
  it('"since Easter"', () => expect(recognizeDuration('since easter', NOV)?.since).to.equal('2026-04-01'));

  for (const text of ['ages', 'dunno', 'blue', '6', '', 'since year 2']) {
    it(`cannot read "${text}"`, () => expect(recognizeDuration(text, NOV)).to.equal(undefined));
  }
});
