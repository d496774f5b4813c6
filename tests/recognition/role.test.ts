import { expect } from 'chai';
import { recognizeRole, type Role } from '../../src/recognition/RoleRecognizer';

describe('recognizeRole: who is asking', () => {
  const cases: Array<[string, Role]> = [
    ['Parent or carer', 'parent'],
    ["I'm his mum", 'parent'],
    ['dad', 'parent'],
    ['parent carer', 'parent'],
    ['foster carer', 'parent'],
    ['grandparent', 'parent'],
    ['asking about my daughter', 'parent'],
    ['parnet', 'parent'],
    ['Young person', 'young-person'],
    ['me', 'young-person'],
    ["I'm a student", 'young-person'],
    ["it's about me", 'young-person'],
    ["i'm 17", 'young-person'],
    ['School staff', 'school-staff'],
    ['SENCO', 'school-staff'],
    ["I'm a TA", 'school-staff'],
    ['teecher', 'school-staff'],
    ['student teacher', 'school-staff'],
    ['I work in a nursery', 'school-staff'],
    ['head of year', 'school-staff'],
    ['social worker', 'professional'],
    ['health visitor', 'professional'],
    ["I'm an EP", 'professional'],
    ['speech and language therapist', 'professional'],
    ['other professional', 'professional'],
    ['teacher and mum', 'school-staff'],
  ];
  for (const [text, role] of cases) it(`"${text}" is ${role}`, () => expect(recognizeRole(text)).to.equal(role));
  for (const text of ['blue', 'yes', '', 'the school told me']) it(`cannot read "${text}"`, () => expect(recognizeRole(text)).to.equal(undefined));
});
