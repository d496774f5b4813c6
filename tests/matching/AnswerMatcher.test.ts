import { expect } from 'chai';
import path from 'node:path';
import type { Answer } from '../../src/knowledge/Answer';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';

function answer(id: string, title: string, questions: string[], keywords: string[], body: string): Answer {
  return { id, title, questions, keywords, body, audience: ['parent'], followUps: [], sources: [], file: `answers/${id}.md` };
}

describe('AnswerMatcher with a small fake knowledge base', () => {
  const kb = new KnowledgeBase(
    [
      answer('trips', 'School trips', ['can my child go on the school trip', 'residential trip left out', 'day trips and visits'], ['trip', 'residential', 'visit'], 'Schools must include pupils on trips.'),
      answer('homework-help', 'Help with homework', ['homework club support', 'too much homework', 'homework diary'], ['homework', 'diary', 'club'], 'Ask the teacher about homework.'),
      answer('reading-a', 'Reading support at home', ['reading support at home', 'help with reading at home', 'reading books at home'], ['reading', 'support', 'home'], 'Read together every day.'),
      answer('reading-b', 'Reading support in class', ['reading support in class', 'help with reading in class', 'reading groups in class'], ['reading', 'support', 'class'], 'Teachers can run reading groups.'),
    ],
    { ds: 'son', sch: 'school' },
    {},
    [{ id: 'weather', title: 'Weather', phrasings: ['what is the weather forecast', 'will it rain tomorrow', 'weather this weekend'] }],
  );
  const matcher = new AnswerMatcher(kb);

  it('answers a clear question with one winner and a 0–1 confidence', () => {
    const r = matcher.match('can my son go on the residential trip?');
    expect(r.outcome).to.equal('answer');
    expect(r.candidates[0].answer.id).to.equal('trips');
    expect(r.confidence).to.be.within(0, 1);
  });

  it('mends typos against the knowledge base vocabulary (fuse.js)', () => {
    expect(matcher.correct('resdential tripp')).to.match(/^residential trips?$/);
    const r = matcher.match('homwork clubb');
    expect(r.candidates[0]?.answer.id).to.equal('homework-help');
  });

  it('understands text-speak before matching', () => {
    expect(matcher.match('ds sch trip').candidates[0]?.answer.id).to.equal('trips');
  });

  it('asks "did you mean" between two close answers', () => {
    const r = matcher.match('help with reading support');
    expect(r.outcome).to.equal('clarify');
    expect(r.candidates.map((c) => c.answer.id).sort()).to.deep.equal(['reading-a', 'reading-b']);
  });

  it('abstains on a question it has nothing for', () => {
    const r = matcher.match('how do I renew my passport');
    expect(r.outcome).to.equal('none');
    expect(r.candidates).to.deep.equal([]);
  });

  it('abstains on an out-of-scope subject, naming it', () => {
    const r = matcher.match('will it rain at the weekend');
    expect(r.outcome).to.equal('none');
    expect(r.outOfScope).to.equal('weather');
  });

  it('abstains on empty or stop-word-only input', () => {
    expect(matcher.match('').outcome).to.equal('none');
    expect(matcher.match('what is it').outcome).to.equal('none');
  });
});

describe('AnswerMatcher with the real knowledge base', () => {
  const kb = KnowledgeBase.fromFolder(path.resolve(__dirname, '../../knowledge'));
  const matcher = new AnswerMatcher(kb);

  const cases: Array<[string, string]> = [
    ['what is sen support', 'what-is-sen-support'],
    ['do we need a diagnosis to get help at school', 'diagnosis-not-needed'],
    ['when should we ask for an ehc needs assessment', 'when-to-request-ehc-needs-assessment'],
    ['K code', 'sen-register'],
    ['what is element 3', 'high-needs-funding'],
    ['wat does the sendco do', 'senco'],
  ];
  for (const [q, id] of cases) {
    it(`ranks ${id} first for "${q}"`, () => {
      const r = matcher.match(q);
      expect(r.outcome).to.not.equal('none');
      expect(r.candidates[0].answer.id).to.equal(id);
    });
  }

  it('abstains on benefits questions', () => {
    expect(matcher.match('how do i claim pip for my 17 year old').outcome).to.equal('none');
  });
});
