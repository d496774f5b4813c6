import { expect } from 'chai';
import { dot } from '../../src/matching/Embedder';

describe('dot: the similarity loop', () => {
  const naive = (a: ArrayLike<number>, offset: number, b: ArrayLike<number>, n: number) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[offset + j] * b[j];
    return s;
  };

  it('equals the plain sum for every length, including those not a multiple of four', () => {
    for (const n of [0, 1, 3, 4, 5, 7, 8, 511, 512]) {
      const a = Float32Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      const b = Float32Array.from({ length: n }, (_, i) => Math.cos(3 * i));
      expect(dot(a, 0, b), `length ${n}`).to.be.closeTo(naive(a, 0, b, n), 1e-9);
    }
  });

  it('reads a row of a matrix kept end to end, from its offset', () => {
    const rows = 3;
    const dims = 6;
    const matrix = Float32Array.from({ length: rows * dims }, (_, i) => i);
    const q = Float32Array.from([1, 0, 0, 0, 0, 2]);
    // Row 2 is 12..17: 12*1 + 17*2.
    expect(dot(matrix, 2 * dims, q, dims)).to.equal(46);
    expect(dot(matrix, dims, q)).to.equal(6 + 22);
  });
});
