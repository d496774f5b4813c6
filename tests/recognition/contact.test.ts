import { expect } from 'chai';
import { isCallablePhone, recognizeContact } from '../../src/recognition/ContactRecognizer';

describe('recognizeContact: a phone number or an email address to call back on', () => {
  const cases: Array<[string, { kind: string; value: string } | undefined]> = [
    ['07700 900123', { kind: 'phone', value: '07700 900123' }],
    ['0161 496 0000', { kind: 'phone', value: '0161 496 0000' }],
    ['+44 7700 900123', { kind: 'phone', value: '+44 7700 900123' }],
    ['call me on 07700900123 please', { kind: 'phone', value: '07700900123' }],
    ['my number is 0770 090 0123 thanks', { kind: 'phone', value: '0770 090 0123' }],
    ['jo@example.com', { kind: 'email', value: 'jo@example.com' }],
    ['email me: a.b+c@mail.co.uk please', { kind: 'email', value: 'a.b+c@mail.co.uk' }],
    ['12345', undefined],
    ['077009', undefined],
    ['555-1234', undefined],
    ['jo@', undefined],
    ['jo@example', undefined],
    ['jo at example dot com', undefined],
    ['', undefined],
    ['Sam', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected ? `${expected.kind} ${expected.value}` : 'nothing'}`, () => {
      expect(recognizeContact(input)).to.deep.equal(expected);
    });
  }

  it('a UK number needs its full length; an international one its +', () => {
    expect(isCallablePhone('0161 496 0000')).to.equal(true);
    expect(isCallablePhone('0161 496 00')).to.equal(false);
    expect(isCallablePhone('+44 161 496 0000')).to.equal(true);
    expect(isCallablePhone('+33 1 23 45 67 89')).to.equal(true);
    expect(isCallablePhone('123-456-7890')).to.equal(false);
    expect(isCallablePhone('+44 0161 496 0000')).to.equal(false);
  });

  it('reads only the start of a very long message', () => {
    expect(recognizeContact(`${'x '.repeat(400)} 07700 900123`)).to.equal(undefined);
  });
});
