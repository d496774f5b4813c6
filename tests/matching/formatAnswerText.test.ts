import { expect } from 'chai';
import { runAsk } from '../../src/cli/ask';

describe('Answers as text: npm run ask, and "Copy as text"', function () {
  // The first call loads the sentence model and the safety exemplars' vectors.
  this.timeout(120_000);
  it('prints the answer with its source for a terminal', async () => {
    const { code, out } = await runAsk(['what is the local offer']);
    expect(code).to.equal(0);
    expect(out).to.match(/^What is the Local Offer\?/);
    expect(out).to.match(/Sources?: .+section "/);
  });

  it('--format email gives plain text with its source and a link, fit to paste into an email', async () => {
    const { code, out } = await runAsk(['--format', 'email', 'what is the graduated approach']);
    expect(code).to.equal(0);
    expect(out).to.not.match(/\*\*|\[.+\]\(/);
    expect(out).to.match(/Sources?: /);
    expect(out).to.include('https://councilfordisabledchildren.org.uk');
  });

  it('--json gives the same JSON shape as /api/answers', async () => {
    const { out } = await runAsk(['--json', 'what is high needs top up funding']);
    const body = JSON.parse(out) as { outcome: string; results: Array<{ id: string }> };
    expect(body.outcome).to.equal('answer');
    expect(body.results[0].id).to.equal('high-needs-funding');
  });

  it('says how to use it when there is no question, and refuses an unknown format', async () => {
    expect((await runAsk([])).code).to.equal(2);
    expect((await runAsk(['--format', 'pdf', 'hi'])).out).to.match(/--format must be text or email/);
  });
});
