import { expect } from 'chai';
import path from 'node:path';
import { policyDifferences, runFit } from '../../src/cli/fitMatchPolicy';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { FITTED_POLICY } from '../../src/matching/AnswerMatcher';
import { decide, type DecisionParameters } from '../../src/matching/DecisionPolicy';
import { fitLogistic, utilityOf, UTILITY } from '../../src/matching/PolicyFitter';

describe('The fitted decision policy', () => {
  it('logistic regression recovers known coefficients', () => {
    // y = 1 with chance sigmoid(-2 + 4x): enough rows that the fit lands close.
    const xs: number[][] = [];
    const ys: number[] = [];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 4000; i++) {
      const x = rand();
      xs.push([x]);
      ys.push(rand() < 1 / (1 + Math.exp(-(-2 + 4 * x))) ? 1 : 0);
    }
    const { coef, intercept } = fitLogistic(xs, ys, xs.map(() => 1), 0);
    expect(coef[0]).to.be.closeTo(4, 0.5);
    expect(intercept).to.be.closeTo(-2, 0.3);
  });

  it('weighs a confident wrong answer three times a right one, and abstaining on an unanswerable question as right', () => {
    expect(utilityOf('senco', 'answer', ['senco'])).to.equal(UTILITY.answerRight);
    expect(utilityOf('senco', 'answer', ['sendiass'])).to.equal(-3 * UTILITY.answerRight);
    expect(utilityOf('none', 'none', [])).to.equal(UTILITY.abstainOutOfScope);
    expect(utilityOf('senco', 'clarify', ['sendiass', 'senco'])).to.equal(UTILITY.clarifyRightLater);
  });

  it('decides answer, "Did you mean" or none at the fitted thresholds, and never offers an out-of-scope subject', () => {
    const p: DecisionParameters = { coefficients: { top: 10, gap: 0, semantic: 0, lexical: 0, echo: 0, length: 0, outOfScope: 0 }, intercept: -5, answerAt: 0.9, clarifyAt: 0.3, clarifyWithin: 0.1 };
    const c = (id: string, score: number) => ({ id, score, lexical: score, semantic: score, echo: 0 });
    expect(decide(p, [c('a', 0.9), c('b', 0.2)], 5).outcome).to.equal('answer');
    const clarify = decide(p, [c('a', 0.5), c('b', 0.45), c('out-of-scope:benefits', 0.44)], 5);
    expect(clarify.outcome).to.equal('clarify');
    expect(clarify.chosen.map((x) => x.id)).to.deep.equal(['a', 'b']);
    expect(decide(p, [c('a', 0.3)], 5).outcome).to.equal('none');
    expect(decide(p, [c('out-of-scope:benefits', 0.9), c('a', 0.8)], 5)).to.include({ outcome: 'none', outOfScope: 'benefits' });
  });

  it('the committed policy file is what `npm run eval -- --fit` gives (reproducible)', async function () {
    this.timeout(600_000);
    const kb = KnowledgeBase.fromFolder(path.resolve(__dirname, '../../knowledge'));
    const log = console.log;
    console.log = () => undefined;
    let differences: string[];
    try {
      differences = await runFit(kb, false, true);
    } finally {
      console.log = log;
    }
    expect(differences, 'run `npm run eval -- --fit` and commit src/matching/match-policy.json').to.deep.equal([]);
    expect(policyDifferences(FITTED_POLICY, FITTED_POLICY)).to.deep.equal([]);
  });
});
