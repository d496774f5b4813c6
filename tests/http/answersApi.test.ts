import { expect } from 'chai';
import { listeningTestApp } from '../support/listeningApp';

describe('HTTP: GET /api/answers (real listening server)', () => {
  const server = listeningTestApp();

  const get = (query: string) => fetch(`${server.base}/api/answers${query}`);

  it('answers a question with the documented JSON shape', async () => {
    const res = await get('?q=' + encodeURIComponent('what is the local offer'));
    expect(res.status).to.equal(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.query).to.equal('what is the local offer');
    expect(body.outcome).to.equal('answer');
    const [first] = body.results as Array<Record<string, unknown>>;
    expect(first.id).to.equal('local-offer');
    expect(first).to.include.keys('id', 'title', 'answer', 'score', 'sources', 'followUps');
    expect(first.score).to.be.within(0, 1);
    expect((first.sources as unknown[]).length).to.be.greaterThan(0);
  });

  it('says "urgent" for someone at risk now', async () => {
    const body = (await (await get('?q=' + encodeURIComponent('she has taken a whole packet of paracetamol'))).json()) as Record<string, unknown>;
    expect(body.outcome).to.equal('urgent');
    expect((body.results as Array<{ id: string }>)[0].id).to.equal('urgent-help');
  });

  it('says "none" for what it cannot answer', async () => {
    const body = (await (await get('?q=' + encodeURIComponent('best pizza recipe with pineapple'))).json()) as Record<string, unknown>;
    expect(body.outcome).to.equal('none');
    expect(body.results).to.deep.equal([]);
  });

  it('gives an area its own version where there is one', async () => {
    const body = (await (await get('?q=' + encodeURIComponent('how many hours of help does £6,000 buy') + '&area=Buckinghamshire')).json()) as Record<string, unknown>;
    const [first] = body.results as Array<Record<string, unknown>>;
    expect(first.id).to.equal('six-thousand-pounds');
    expect(first.area).to.equal('Buckinghamshire');
  });

  for (const [what, query] of [
    ['a missing q', ''],
    ['an empty q', '?q='],
    ['a blank q', '?q=%20%20%20'],
    ['an over-long q', '?q=' + 'a'.repeat(1001)],
    ['q given twice', '?q=one&q=two'],
  ] as const) {
    it(`answers 400 with a JSON error for ${what}`, async () => {
      const res = await get(query);
      expect(res.status).to.equal(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).to.be.a('string').and.not.match(/at .*\.ts:\d+/);
    });
  }

  it('accepts a question of exactly 1,000 characters', async () => {
    const res = await get('?q=' + 'sen support '.repeat(84).slice(0, 1000));
    expect(res.status).to.equal(200);
  });

  it('GET /healthz says ok', async () => {
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).to.equal(200);
    expect(((await res.json()) as { status: string }).status).to.equal('ok');
  });
});
