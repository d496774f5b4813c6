import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { kbWarnings, runKbCheck } from '../../src/cli/kbCheck';
import { ContentReview } from '../../src/knowledge/ContentReview';
import { KnowledgeLoader } from '../../src/knowledge/KnowledgeLoader';
import { copyKnowledge, editFile } from '../support/knowledgeCopy';

describe('kb:check warnings for the content owner: review dates and conflicting phrasings', function () {
  this.timeout(60_000);
  let baseline: string[];
  before(async () => {
    baseline = await kbWarnings(undefined, new Date('2026-12-01T12:00:00Z'));
  });

  it('warns, without failing, about an answer past its reviewBy date, and not before it', async () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /^title: (.*)$/m, 'title: $1\nreviewBy: 2026-11-30');
    editFile(dir, 'answers/local-offer.md', /^title: (.*)$/m, 'title: $1\nreviewBy: 2026-12-01');
    expect(runKbCheck(dir)).to.deep.equal([]);
    const warnings = await kbWarnings(dir, new Date('2026-12-01T12:00:00Z'));
    const fresh = warnings.filter((w) => !baseline.includes(w));
    expect(fresh).to.deep.equal(['answers/senco.md: reviewBy: was due for review on 2026-11-30: check it against its sources, then set a new reviewBy date']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails a reviewBy that is not a date (the schema)', () => {
    const dir = copyKnowledge();
    editFile(dir, 'answers/senco.md', /^title: (.*)$/m, 'title: $1\nreviewBy: next spring');
    expect(runKbCheck(dir).some((p) => p.startsWith('answers/senco.md: reviewBy:'))).to.equal(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a phrasing that now matches another answer better than its own, naming both', async () => {
    const dir = copyKnowledge();
    // A phrasing that belongs to the timescales answer, added to the SENCO answer by mistake.
    editFile(dir, 'answers/senco.md', /^questions:\n/m, 'questions:\n  - how many weeks does the council have to decide on an ehc needs assessment\n');
    expect(runKbCheck(dir)).to.deep.equal([]);
    // (A new phrasing also shifts the index's word weights, so other warnings may change too: only the SENCO answer's are looked at.)
    const fresh = (await kbWarnings(dir, new Date('2026-12-01T12:00:00Z'))).filter((w) => !baseline.includes(w) && w.startsWith('answers/senco.md'));
    expect(fresh).to.have.length(1);
    expect(fresh[0]).to.match(/^answers\/senco\.md: questions: "how many weeks does the council have to decide on an ehc needs assessment" now matches (ehc-timescales|ehc-needs-assessment-decision) \(\d\.\d\d\) better than senco \(\d\.\d\d\)$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('awaits the matcher (it becomes async): a ranker returning promises works the same', async () => {
    const { answers } = new KnowledgeLoader(copyKnowledge()).load();
    const senco = answers.filter((a) => a.id === 'senco');
    const ranker = { rank: async (q: string) => (q === senco[0].questions[1] ? [{ answer: { id: 'local-offer' }, score: 0.9 }, { answer: { id: 'senco' }, score: 0.4 }] : [{ answer: { id: 'senco' }, score: 1 }]) };
    const conflicts = await ContentReview.conflicts(senco, ranker);
    expect(conflicts).to.deep.equal([{ file: 'answers/senco.md', answerId: 'senco', phrasing: senco[0].questions[1], matches: 'local-offer', score: 0.9, ownScore: 0.4 }]);
  });

  it('npm run kb:check prints the warnings after "valid" and still exits 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/kbCheck.ts'], { cwd: path.resolve(__dirname, '../..') });
    expect(stdout).to.include('kb:check: the knowledge base is valid.');
    if (baseline.length) expect(stdout).to.include(`kb:check: ${baseline.length} warning(s) (not failures)`);
  });
});
