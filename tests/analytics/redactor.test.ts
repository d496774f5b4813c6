import { expect } from 'chai';
import { hasRedaction, isNhsNumber, Redactor } from '../../src/analytics/Redactor';

describe('Redactor: personal details out of a question before it is kept', () => {
  const r = new Redactor();

  it('takes out names, a date of birth, an NHS number, a phone number, an email and a postcode from one long message', () => {
    const text =
      "Hi, I'm Sarah Thompson. My son Jack was born on 03/04/2015 and his NHS number is 943 476 5919. " +
      'School (Mrs Patel, the SENCO) keep saying no to an EHCNA. Call me on 07700 900123 or email sarah.t@example.com, we are at LS6 2AB.';
    const out = r.redact(text);
    for (const gone of ['Sarah', 'Thompson', 'Jack', '03/04/2015', '943 476 5919', '07700 900123', 'sarah.t@example.com', 'LS6 2AB', 'Patel']) expect(out, gone).to.not.include(gone);
    expect(out).to.include('[NHS number]').and.include('[phone]').and.include('[email]').and.include('[postcode]').and.include('[date]').and.include('[name]');
    // The question itself survives.
    expect(out).to.include('SENCO').and.include('EHCNA').and.include('keep saying no');
  });

  it('finds names typed in lower case and the ways parents introduce them', () => {
    expect(r.redact('hi im sarah, my daughter ellie has autism and school wont help')).to.equal('hi im [name], my daughter [name] has autism and school wont help');
    expect(r.redact('my son is called oliver and he is 12')).to.equal('my son is called [name] and he is 12');
    expect(r.redact('my boy Alfie is in year 5')).to.equal('my boy [name] is in year 5');
  });

  it('takes out dates of birth however they are written, and any full date', () => {
    for (const t of ['dob 12th March 2016', 'his date of birth is 12/03/2016', 'she was born in 2014', 'birthday: 1 June 2012', 'meeting on 4 November 2026']) {
      const out = r.redact(`my child ${t} and needs help`);
      expect(out, t).to.include('[date]');
      expect(out, t).to.not.match(/20(1[246]|26)|12\/03/);
    }
  });

  it('takes out UK phone numbers in their usual shapes', () => {
    for (const t of ['07700 900123', '07700900123', '0161 496 0000', '+44 (0)20 7946 0000', '+447700900123', '(0113) 496 0000']) {
      expect(r.redact(`ring me on ${t} please`), t).to.equal('ring me on [phone] please');
    }
  });

  it('takes out postcodes with or without the space, in either case', () => {
    for (const t of ['M16 0RA', 'm16 0ra', 'SW1A 1AA', 'ls62ab', 'B33 8TH']) expect(r.redact(`we live near ${t} now`), t).to.equal('we live near [postcode] now');
  });

  it('checks the NHS number check digit, and takes out any other 10-digit number too', () => {
    expect(isNhsNumber('943 476 5919')).to.equal(true);
    expect(isNhsNumber('943 476 5918')).to.equal(false);
    expect(r.redact('nhs no 4010232137')).to.equal('nhs no [NHS number]');
    expect(r.redact('ref 1234567890')).to.equal('ref [number]');
  });

  it("leaves the subject's own words and ordinary questions alone", () => {
    for (const t of [
      'my ds is 7 and his teacher says hes going on sen support, what is that exactly',
      'will the school pay for a TA in ks2 for 6 hours a week',
      'is adhd a special need',
      'my child has been on sen support since September and will miss school for appointments',
      'what does the SENCO do at a mainstream school',
      'how long does an EHC needs assessment take, is it 20 weeks',
      'can the LA refuse to assess',
    ]) {
      expect(r.redact(t), t).to.equal(t);
      expect(hasRedaction(r.redact(t))).to.equal(false);
    }
  });
});
