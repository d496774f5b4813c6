import { expect } from 'chai';
import { DigestMemo } from '../../src/matching/DigestMemo';

describe('DigestMemo: results kept by a digest of the text they came from', () => {
  it('works a result out once, serves it again, and keeps at most its capacity (least recently used out first)', async () => {
    const memo = new DigestMemo<number>(2);
    let worked = 0;
    const get = (text: string) => memo.get(DigestMemo.key(text), async () => ++worked);
    expect(await get('what is sen support')).to.equal(1);
    expect(await get('what is sen support')).to.equal(1);
    expect(await get('what is an ehc plan')).to.equal(2);
    await get('what is sen support'); // now the most recently used
    expect(await get('who is the senco')).to.equal(3); // pushes out "ehc plan"
    expect(memo.size).to.equal(2);
    expect(await get('what is an ehc plan')).to.equal(4);
    expect(memo.hits).to.equal(2);
  });

  it('shares one piece of work between calls made at once, and forgets a failure', async () => {
    const memo = new DigestMemo<string>(10);
    let worked = 0;
    const key = DigestMemo.key('same text');
    const [a, b] = await Promise.all([memo.get(key, async () => `r${++worked}`), memo.get(key, async () => `r${++worked}`)]);
    expect([a, b, worked]).to.deep.equal(['r1', 'r1', 1]);
    const failing = DigestMemo.key('fails');
    await memo.get(failing, async () => Promise.reject(new Error('model down'))).catch(() => undefined);
    expect(memo.has(failing)).to.equal(false);
    expect(await memo.get(failing, async () => 'works now')).to.equal('works now');
  });

  it('holds no text: keys are digests, and different texts (or parts split differently) get different keys', () => {
    const key = DigestMemo.key('my son sam jones has autism');
    expect(key).to.not.include('sam');
    expect(key).to.match(/^[A-Za-z0-9+/=]{44}$/);
    expect(DigestMemo.key('ab', 'c')).to.not.equal(DigestMemo.key('a', 'bc'));
  });

  it('with capacity 0 keeps nothing', async () => {
    const memo = new DigestMemo<number>(0);
    let worked = 0;
    await memo.get('k', async () => ++worked);
    await memo.get('k', async () => ++worked);
    expect([worked, memo.size]).to.deep.equal([2, 0]);
  });
});
