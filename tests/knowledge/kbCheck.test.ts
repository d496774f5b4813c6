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

  describe('second edition: figures, areas, reading grade, added topics', () => {
    it('fails a changed figure, naming the file and the number', () => {
      const dir = copyKnowledge();
      // The body only: the cited quote still says 20 weeks.
      editFile(dir, 'answers/ehc-timescales.md', '**20 weeks:** the final', '**22 weeks:** the final');
      expect(runKbCheck(dir)).to.include('answers/ehc-timescales.md: body: the figure "22" is in none of its cited quotes or cited sections');
    });

    it('fails a changed amount of money', () => {
      const dir = copyKnowledge();
      editFile(dir, 'answers/six-thousand-pounds.md', /\n---\n/, '\n---\nSchools must spend £8,000 first.\n');
      expect(runKbCheck(dir)).to.include('answers/six-thousand-pounds.md: body: the figure "8000" is in none of its cited quotes or cited sections');
    });

    it('fails a figure written in words ("eight weeks") that no cited passage gives', () => {
      const dir = copyKnowledge();
      editFile(dir, 'answers/ehc-timescales.md', /\n---\n/, '\n---\nThe council has eight weeks to decide.\n');
      expect(runKbCheck(dir)).to.include('answers/ehc-timescales.md: body: the figure "eight weeks" is in none of its cited quotes or cited sections');
    });

    it('fails a figure in a guide block that its quotes and sections do not give', () => {
      const dir = copyKnowledge();
      editFile(dir, 'guides/ehc-assessment-check.yaml', /within 6 weeks/, 'within 9 weeks');
      expect(runKbCheck(dir).some((p) => p.startsWith('guides/ehc-assessment-check.yaml: blocks.') && p.includes('the figure "9"'))).to.equal(true);
    });

    it('fails a fact attributed to an area whose document the answer does not cite', () => {
      const dir = copyKnowledge();
      editFile(dir, 'answers/ehc-timescales.md', /\n---\n/, '\n---\nIn Sefton, the council decides faster.\n');
      expect(runKbCheck(dir)).to.include('answers/ehc-timescales.md: body: names Sefton as the source of a fact, but cites no Sefton document (sources.yaml area)');
    });

    it('fails an answer that reads above grade 9', () => {
      const dir = copyKnowledge();
      const hard = 'Notwithstanding statutory obligations, local authorities’ determinations regarding educational, health and care provision necessitate comprehensive multidisciplinary consideration of individualised circumstances. ';
      editFile(dir, 'answers/senco.md', /\n---\n[\s\S]*$/, '\n---\n' + hard.repeat(3) + '\n');
      expect(runKbCheck(dir).some((p) => p.startsWith('answers/senco.md: body: reads at Flesch-Kincaid grade'))).to.equal(true);
    });

    it('fails when the median grade across answers is above 7, though each is at most 9', () => {
      const dir = copyKnowledge();
      // Grade 8.x text: every answer at most 9, so only the median check can fail.
      const middling = 'The school should review the support with you regularly and explain the outcomes clearly. ';
      for (const name of fs.readdirSync(path.join(dir, 'answers'))) {
        editFile(dir, `answers/${name}`, /\n---\n[\s\S]*$/, '\n---\n' + middling.repeat(4) + '\n');
      }
      const problems = runKbCheck(dir);
      expect(problems.some((p) => p.startsWith('answers: body: the median Flesch-Kincaid grade across answers is'))).to.equal(true);
      expect(problems.some((p) => p.includes(': body: reads at Flesch-Kincaid grade'))).to.equal(false);
    });

    it('fails an answer whose opening answer runs past 50 words, or that opens with a list', () => {
      const dir = copyKnowledge();
      editFile(dir, 'answers/senco.md', /\n---\n/, '\n---\n' + 'The school has one. '.repeat(14) + '\n\n');
      expect(runKbCheck(dir).some((p) => p.startsWith('answers/senco.md: body: leads with 56 words'))).to.equal(true);
      editFile(dir, 'answers/sendiass.md', /\n---\n/, '\n---\n- a list first\n\n');
      expect(runKbCheck(dir)).to.include('answers/sendiass.md: body: does not lead with the answer: it opens with a list, not a sentence');
    });

    it('requires an answer for each topic knowledge/topics.yaml adds', () => {
      const dir = copyKnowledge();
      fs.rmSync(path.join(dir, 'answers/exclusions.md'));
      expect(runKbCheck(dir).some((p) => p.includes('required topic "exclusions"'))).to.equal(true);
    });

    it('accepts a quote that runs through a bold figure in its source (**6 weeks**)', () => {
      const dir = copyKnowledge();
      editFile(dir, 'answers/ehc-timescales.md', /quote: "The local authority must tell[^"]*"/, 'quote: "as soon as practicable and within 6 weeks of receiving the request"');
      expect(runKbCheck(dir).filter((p) => p.startsWith('answers/ehc-timescales.md'))).to.deep.equal([]);
    });
  });
});
