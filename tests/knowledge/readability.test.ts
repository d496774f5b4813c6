import { expect } from 'chai';
import { median, plainSentences, readability } from '../../src/knowledge/Readability';

describe('Readability (Flesch-Kincaid grade with the flesch-kincaid and syllable packages)', () => {
  it('counts each list item and heading as a sentence, without Markdown marks', () => {
    expect(plainSentences('**Yes.** You can ask.\n\n- one thing\n- another thing\n## Next')).to.deep.equal(['Yes.', 'You can ask.', 'one thing', 'another thing', 'Next']);
  });

  it('grades short plain sentences low and long Latinate ones high', () => {
    expect(readability('You can ask the school. It is free. They must listen to you.').grade).to.be.below(3);
    expect(
      readability('The local authority’s determination necessitates comprehensive consideration of individualised educational circumstances and multidisciplinary documentation.').grade,
    ).to.be.above(15);
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([9, 1, 5])).to.equal(5);
    expect(median([1, 2, 3, 4])).to.equal(2.5);
  });
});
