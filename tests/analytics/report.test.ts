import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { QuestionGrouper } from '../../src/analytics/QuestionGrouper';
import { ReportBuilder, type ReportData } from '../../src/analytics/Report';
import { reportCsv } from '../../src/analytics/ReportCsv';
import { reportHtml } from '../../src/analytics/ReportHtml';
import { SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import type { Embedder } from '../../src/matching/Embedder';
import { UniversalSentenceEncoder } from '../../src/matching/UniversalSentenceEncoder';
import { fixtureTurns } from './fixtureTurns';

const kb = KnowledgeBase.fromFolder(path.join(REPO_ROOT, 'knowledge'));
const title = (id: string) => kb.get(id)?.title ?? id;

async function build(embedder?: Embedder): Promise<ReportData> {
  return new ReportBuilder({ title, grouper: new QuestionGrouper(kb.rewrites, embedder), ranker: new AnswerMatcher(kb), now: () => new Date('2026-11-22T08:00:00Z') }).build(fixtureTurns());
}

describe('Report: the officers\' figures from recorded turns', function () {
  this.timeout(30_000);
  let report: ReportData;
  before(async () => {
    report = await build();
  });

  it('counts outcomes in all and by day', () => {
    expect(report.turns).to.equal(25);
    expect(report.outcomeTotals).to.deep.equal({ answer: 10, clarify: 3, none: 6, urgent: 1, support: 1, 'hand-off': 4 });
    expect(report.overTime.period).to.equal('day');
    expect(report.overTime.rows).to.deep.equal([
      { start: '2026-11-20', counts: { answer: 7, clarify: 3, none: 0, urgent: 1, support: 0, 'hand-off': 2 } },
      { start: '2026-11-21', counts: { answer: 3, clarify: 0, none: 6, urgent: 0, support: 1, 'hand-off': 2 } },
    ]);
  });

  it('lists top topics, and "not helpful" by topic worst first', () => {
    expect(report.topTopics.map((t) => [t.id, t.count])).to.deep.equal([['what-is-sen-support', 6], ['senco', 3], ['ehc-plan-school-placement', 1]]);
    expect(report.topTopics[0].title).to.equal('What is SEN support?');
    expect(report.helpfulness.map((h) => [h.id, h.notHelpful, h.helpful])).to.deep.equal([['senco', 2, 1], ['what-is-sen-support', 1, 2]]);
  });

  it('shows what people picked from "Did you mean"', () => {
    expect(report.clarify).to.have.length(1);
    expect(report.clarify[0]).to.deep.include({ shown: 3, none: 1, noPick: 1 });
    expect(report.clarify[0].candidates.map((c) => [c.id, c.picked])).to.deep.equal([['annual-review', 1], ['meetings-and-reviews', 0]]);
  });

  it('groups abstentions and low-confidence questions by the words they share, with counts and the answer they most likely belonged to', () => {
    expect(report.unanswered).to.include({ none: 6, low: 1, withText: 7, method: 'lexical' });
    const group = (text: string) => report.unanswered.groups.find((g) => g.members.some((m) => m.text === text));
    const sentHome = group('sent home every lunchtime');
    expect(sentHome).to.include({ count: 3, none: 3, low: 0, representative: 'sent home every lunchtime' });
    expect(sentHome?.members).to.deep.equal([{ text: 'sent home every lunchtime', count: 2 }, { text: 'he is sent home every lunchtime', count: 1 }]);
    // The likely answer is the matcher's (the summing is checked with a stand-in ranker below): whichever it is, a real answer.
    expect(kb.get(sentHome?.likely?.id as string), 'a real answer').to.not.equal(undefined);
    const ignored = group('school ignores the plan');
    expect(ignored).to.include({ count: 3, none: 3, representative: 'school ignores the plan' });
    expect(ignored?.members.map((m) => m.text).sort()).to.deep.equal(['school ignores the plan', 'school ignoring the plan again', 'the school just ignores his plan']);
    expect(kb.get(ignored?.likely?.id as string), 'a real answer').to.not.equal(undefined);
    expect(group('provision in section f not delivered')).to.include({ count: 1, none: 0, low: 1 });
    expect(report.unanswered.groups.map((g) => g.count)).to.deep.equal([3, 3, 1]);
  });

  it('takes as likely answer the one with the highest scores summed over the group, each question weighted by how often it was asked', async () => {
    // Asked twice, "sent home every lunchtime" leans to senco (0.5 × 2 = 1.0); asked once, the other leans to local-offer (0.9).
    const ranker = {
      rank: async (q: string) =>
        q === 'sent home every lunchtime'
          ? [{ answer: { id: 'senco' }, score: 0.5 }, { answer: { id: 'local-offer' }, score: 0.1 }]
          : q === 'he is sent home every lunchtime'
            ? [{ answer: { id: 'local-offer' }, score: 0.9 }]
            : [],
    };
    const r = await new ReportBuilder({ title, grouper: new QuestionGrouper(kb.rewrites), ranker }).build(fixtureTurns());
    const group = r.unanswered.groups.find((g) => g.representative === 'sent home every lunchtime');
    // senco 1.0 against local-offer 0.1 × 2 + 0.9 = 1.1: local-offer; the score is the sum over the 3 questions asked.
    expect(group?.likely).to.deep.equal({ id: 'local-offer', title: title('local-offer'), score: 0.367 });
    expect(r.unanswered.groups.find((g) => g.representative === 'school ignores the plan')?.likely).to.equal(undefined);
  });

  it('groups by meaning when an embedder is given', async () => {
    // A stand-in embedder that puts every question about the plan on one axis and the rest on another.
    const fake: Embedder = {
      modelId: 'fake',
      dimensions: 2,
      embed: async (texts) => texts.map((t) => (/plan/.test(t) ? new Float32Array([1, 0]) : new Float32Array([0, 1]))),
    };
    const r = await build(fake);
    expect(r.unanswered.method).to.equal('semantic');
    // The stand-in puts "section F not delivered" on the same axis as the lunchtime questions, so it joins them; by words it stood alone.
    expect(r.unanswered.groups.map((g) => g.count)).to.deep.equal([4, 3]);
  });

  it('counts hand-offs by area', () => {
    expect(report.handoffsByArea).to.deep.equal([
      { area: 'Trafford', count: 2 },
      { area: 'Area not given', count: 1 },
      { area: 'Leeds', count: 1 },
    ]);
  });

  it('writes the same figures as CSV', () => {
    const rows = parse(reportCsv(report), { columns: true }) as Array<{ section: string; item: string; detail: string; value: string }>;
    const value = (section: string, item: string, detail: string) => rows.find((r) => r.section === section && r.item === item && r.detail === detail)?.value;
    expect(value('summary', 'turns', '2026-11-20 to 2026-11-21')).to.equal('25');
    expect(value('outcomes', 'none', 'total')).to.equal('6');
    expect(value('outcomes by day', '2026-11-21', 'hand-off')).to.equal('2');
    expect(value('helpful by topic', 'senco', 'not helpful')).to.equal('2');
    expect(value('clarify choices', 'annual-review | meetings-and-reviews', 'none of these')).to.equal('1');
    expect(value('hand-offs by area', 'Trafford', '')).to.equal('2');
    expect(rows.filter((r) => r.section === 'unanswered groups' && r.detail === 'sent home every lunchtime')[0]?.value).to.equal('3');
  });

  it('writes HTML with every figure as text, Chart.js inlined and nothing fetched from elsewhere', () => {
    const html = reportHtml(report, { keepsQuestions: true });
    expect(html).to.include('<strong id="total-turns">25</strong>').and.include('<strong id="total-none">6</strong>');
    expect(html).to.include('he is sent home every lunchtime');
    expect(html).to.match(/Chart\.js v4\.\d+\.\d+/);
    expect(html).to.not.match(/<script[^>]+src=|<link[^>]+href=|(?:src|href|action)=["']?(?:https?:)?\/\//i);
    expect(html).to.include('name="viewport"');
  });

  it('says plainly when question text was not kept, instead of grouping nothing', async () => {
    const noText = fixtureTurns().map(({ question: _q, ...r }) => r);
    const r = await new ReportBuilder({ title, grouper: new QuestionGrouper(kb.rewrites) }).build(noText);
    expect(r.unanswered).to.include({ none: 6, withText: 0 });
    expect(reportHtml(r, { keepsQuestions: false })).to.include('Question text is not kept (LOG_QUESTIONS is off)');
  });

  it('npm run report -- --out DIR writes report.html and report.csv from the store in DATA_DIR', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-data-'));
    const out = path.join(dataDir, 'out');
    const store = SqliteAnalyticsStore.inDataDir(dataDir);
    for (const r of fixtureTurns()) await store.add(r);
    await store.close();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--out', out, '--lexical'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DEPLOYMENT_CONFIG: 'none', ANALYTICS_STORE: 'sqlite', LOG_QUESTIONS: 'true' },
    });
    expect(stdout).to.include('25 turns, 3 groups of unanswered questions (lexical)');
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).to.include('<strong id="total-turns">25</strong>');
    expect(fs.readFileSync(path.join(out, 'report.csv'), 'utf8')).to.match(/^section,item,detail,value\n/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('QuestionGrouper with the real sentence encoder (Universal Sentence Encoder lite, shipped in npm packages)', function () {
  this.timeout(60_000);

  it('groups paraphrases that share few words, which grouping by words alone leaves apart, and keeps other subjects apart', async () => {
    const encoder = await UniversalSentenceEncoder.load();
    const texts = ['school ignores the plan', 'the school is not doing what his plan says', 'can i get dla for my child', 'sent home every lunchtime', 'he is sent home every lunchtime'];
    const semantic = await new QuestionGrouper(kb.rewrites, encoder).group(texts);
    const lexical = await new QuestionGrouper(kb.rewrites).group(texts);
    const together = (groups: Array<{ members: Array<{ text: string }> }>, a: string, b: string) => groups.some((g) => g.members.some((m) => m.text === a) && g.members.some((m) => m.text === b));
    expect(together(semantic, 'school ignores the plan', 'the school is not doing what his plan says')).to.equal(true);
    expect(together(lexical, 'school ignores the plan', 'the school is not doing what his plan says')).to.equal(false);
    expect(together(semantic, 'sent home every lunchtime', 'he is sent home every lunchtime')).to.equal(true);
    expect(semantic.find((g) => g.members.some((m) => m.text === 'can i get dla for my child'))?.count).to.equal(1);
    expect(semantic.map((g) => g.count).sort()).to.deep.equal([1, 2, 2]);
  });
});
