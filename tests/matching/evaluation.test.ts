import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, type EvalLine } from '../../src/cli/evalMatcher';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { AnswerService } from '../../src/matching/AnswerService';
import { createSafetyCheck } from '../../src/safety/loadSharedEmbedder';
import { SHARED_DIR } from '../../src/knowledge/paths';

function read(file: string): EvalLine[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalLine);
}

describe('Measured quality (npm run eval) stays where the issue sets it', () => {
  const knowledgeDir = path.resolve(__dirname, '../../knowledge');
  const kb = KnowledgeBase.fromFolder(knowledgeDir);
  let service: AnswerService;
  before(async function () {
    this.timeout(120_000);
    service = new AnswerService(kb, new AnswerMatcher(kb), (await createSafetyCheck(knowledgeDir)).detector);
  });

  it('on the dev set: top-1 ≥ 90%, ≥ 90% of "none" abstain, every urgent line urgent, no false urgent', async () => {
    const { summary: s } = await evaluate(service, read(path.join(SHARED_DIR, 'eval', 'dev.jsonl')));
    expect(s.top1 / s.inScope).to.be.at.least(0.9);
    expect(s.noneAbstained / s.noneLines).to.be.at.least(0.9);
    expect(s.urgentCaught).to.equal(s.urgentLines);
    expect(s.falseUrgent).to.equal(0);
  });

  it('on the team’s own never-tuned set: top-1 ≥ 80%, every "none" abstains, every urgent line urgent, no false urgent', async () => {
    const { summary: s } = await evaluate(service, read(path.resolve(__dirname, '../fixtures/team-questions.jsonl')));
    expect(s.top1 / s.inScope).to.be.at.least(0.8);
    expect(s.noneAbstained).to.equal(s.noneLines);
    expect(s.urgentCaught).to.equal(s.urgentLines);
    expect(s.falseUrgent).to.equal(0);
  });
});
