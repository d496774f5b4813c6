import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { runKbCheck } from '../../src/cli/kbCheck';
import { copyKnowledge, editFile } from '../support/knowledgeCopy';

describe('npm run kb:check', function () {
  this.timeout(20000);

  it('finds the shipped knowledge base valid', () => {
    expect(runKbCheck()).to.deep.equal([]);
  });

  it('names the file and field of a quote that is not in its source', () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /quote: "([^"]+)"/, 'quote: "words that appear in no source document at all"');
    const problems = runKbCheck(dir);
    expect(problems.some((p) => p.startsWith('answers/senco.md: sources[') && p.includes('.quote: does not appear word for word'))).to.equal(true);
  });

  it('names a follow-up that does not exist', () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /followUps: \[([a-z-]+)/, 'followUps: [no-such-answer');
    expect(runKbCheck(dir)).to.include('answers/senco.md: followUps[0]: "no-such-answer" is not the id of an answer');
  });

  it('names a missing required topic', () => {
    const dir = copyKnowledge();
    fs.rmSync(path.join(dir, 'answers/sen-register.md'));
    expect(runKbCheck(dir).some((p) => p.includes('required topic "sen-register"'))).to.equal(true);
  });

  it('names a field that breaks the schema', () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /^audience: .*$/m, 'audience: [aliens]');
    expect(runKbCheck(dir).some((p) => p.startsWith('answers/senco.md: audience'))).to.equal(true);
  });

  it('refuses a phone number that no source gives', () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /\n---\n/, '\n---\nRing 01234 567890 for help.\n');
    expect(runKbCheck(dir).some((p) => p.includes('phone number "01234 567890"'))).to.equal(true);
  });

  it('refuses an answer over 180 words', () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /\n---\n/, '\n---\n' + 'word '.repeat(200) + '\n');
    expect(runKbCheck(dir).some((p) => p.startsWith('answers/senco.md: body: has'))).to.equal(true);
  });

  it('refuses two answers with the same id', () => {
    const dir = copyKnowledge();
    fs.copyFileSync(path.join(dir, 'answers/senco.md'), path.join(dir, 'answers/senco-copy.md'));
    expect(runKbCheck(dir).some((p) => p.startsWith('answers/senco-copy.md: id'))).to.equal(true);
  });
});
