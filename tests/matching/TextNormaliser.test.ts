import { expect } from 'chai';
import path from 'node:path';
import { TextNormaliser } from '../../src/matching/TextNormaliser';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';

describe('TextNormaliser', () => {
  const kb = KnowledgeBase.fromFolder(path.resolve(__dirname, '../../knowledge'));
  const n = new TextNormaliser(kb.rewrites);

  it('rewrites text-speak and abbreviations from synonyms.yaml', () => {
    expect(n.normalise('ds sch wont do ehcna w/o dx')).to.equal('son school will not do ehc needs assessment without diagnosis');
  });

  it('rewrites jargon staff use', () => {
    expect(n.normalise('APDR')).to.equal('assess plan do review');
    expect(n.normalise('K code')).to.match(/k code sen register/);
    expect(n.normalise('SENDCo')).to.equal('senco');
    expect(n.normalise('our EHCP')).to.equal('our ehc plan');
  });

  it('rewrites whole words only', () => {
    expect(n.normalise('needs')).to.equal('needs');
    expect(n.normalise('dsl')).to.equal('dsl');
  });

  it('opens contractions and plain-ifies curly apostrophes', () => {
    expect(n.normalise('doesn’t can’t')).to.equal('does not can not');
  });

  it('keeps money figures readable', () => {
    expect(n.normalise('£6,000')).to.equal('£6000');
    expect(n.normalise('the 6k')).to.equal('the £6000');
  });

  it('stems and drops stop words in tokens', () => {
    expect(n.tokens('What are the assessments for my children?')).to.deep.equal(['assess']);
  });

  it("reads a child's word the same with or without its apostrophe: 'my sons needs' is 'my son's needs'", () => {
    expect(n.tokens('who do i talk to about my sons needs')).to.deep.equal(n.tokens("who do i talk to about my son's needs"));
    expect(n.tokens('my daughters review')).to.deep.equal(n.tokens("my daughter's review"));
    expect(n.tokens('my grandsons plan')).to.deep.equal(n.tokens("my grandson's plan"));
  });
});
