import { expect } from 'chai';
import path from 'node:path';
import { runKbCheck } from '../../src/cli/kbCheck';
import { copyKnowledge, editFile } from '../support/knowledgeCopy';
import { GuideContent } from '../../src/knowledge/GuideContent';
import { GUIDE_BLOCKS } from '../../src/knowledge/Guide';

const KNOWLEDGE = path.resolve(__dirname, '../../knowledge');

describe('kb:check on the guides\' wording (knowledge/guides)', function () {
  this.timeout(20000);

  it('loads every block each guide needs from the shipped files', () => {
    const content = GuideContent.fromFolder(KNOWLEDGE);
    for (const [id, keys] of Object.entries(GUIDE_BLOCKS)) {
      for (const key of keys) expect(content.block(id as keyof typeof GUIDE_BLOCKS, key as never).text.length, `${id}.${key}`).to.be.greaterThan(10);
    }
  });

  it('finds the shipped guides valid (no guide problem in the whole check)', () => {
    expect(runKbCheck().filter((p) => p.startsWith('guides/'))).to.deep.equal([]);
  });

  it('names the guide, block and field of a quote that is not in its source', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/diagnosis.yaml', 'quote: "Requesting an EHC needs assessment will not speed up', 'quote: "Requesting an EHC needs assessment will always speed up');
    expect(runKbCheck(dir).some((p) => p.startsWith('guides/diagnosis.yaml: blocks.ehc-does-not-speed-up.sources[0].quote: does not appear word for word'))).to.equal(true);
  });

  it('names a section that is not in the cited file', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/diagnosis.yaml', 'section: Private diagnosis', 'section: A heading nobody wrote');
    expect(runKbCheck(dir).some((p) => p.startsWith('guides/diagnosis.yaml: blocks.') && p.includes('section: "A heading nobody wrote" does not appear'))).to.equal(true);
  });

  it('refuses a local fact that does not say whose it is', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/diagnosis.yaml', 'In Lancashire, if development is delayed', 'If development is delayed');
    expect(runKbCheck(dir)).to.include('guides/diagnosis.yaml: blocks.routes-lancashire.text: a local fact must say whose it is: name "Lancashire" in the text');
  });

  it('refuses an area that is not a local authority', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/diagnosis.yaml', 'area: Lancashire', 'area: Narnia');
    expect(runKbCheck(dir).some((p) => p.includes('blocks.routes-lancashire.area: "Narnia" is not a local authority'))).to.equal(true);
  });

  it('refuses a phone number that no source gives', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/ehc-assessment-check.yaml', 'They can help you talk to the school', 'Ring 01234 567890. They can help you talk to the school');
    expect(runKbCheck(dir).some((p) => p.startsWith('guides/ehc-assessment-check.yaml: blocks.sendiass.text: phone number "01234 567890"'))).to.equal(true);
  });

  it('names a block the guide needs that is missing, and refuses to load without it', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/ehc-assessment-check.yaml', /\n {2}no-promise:\n(?: {4}.*\n| {6}.*\n| {8}.*\n)+/, '\n');
    expect(runKbCheck(dir)).to.include('guides/ehc-assessment-check.yaml: blocks.no-promise: is missing: the guide needs it');
    expect(() => GuideContent.fromFolder(dir)).to.throw(/no-promise/);
  });

  it('names a field that breaks the schema', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/sen-support.yaml', /\n {2}need-areas:\n/, '\n  need-areas:\n    colour: blue\n');
    expect(runKbCheck(dir).some((p) => p.startsWith('guides/sen-support.yaml: blocks.need-areas'))).to.equal(true);
  });

  it('refuses a block too long to read on a phone', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guides/diagnosis.yaml', 'share them with the school.', `share them with the school. ${'More words here. '.repeat(50)}`);
    expect(runKbCheck(dir).some((p) => p.startsWith('guides/diagnosis.yaml: blocks.share-results.text: has') && p.includes('at most 120'))).to.equal(true);
  });
});
