import { expect } from 'chai';
import { loadConfig } from '../../src/config/Config';
import { listeningTestApp } from '../support/listeningApp';

describe('The privacy notice tells what the usage records hold and for how long', () => {
  const plain = listeningTestApp({ DEPLOYMENT_CONFIG: 'none', ANALYTICS_RETENTION_DAYS: '60' });
  const withQuestions = listeningTestApp({ DEPLOYMENT_CONFIG: 'none', LOG_QUESTIONS: 'true' });

  it('by default: no text kept, deleted after ANALYTICS_RETENTION_DAYS', async () => {
    const page = await (await fetch(`${plain.base}/privacy`)).text();
    expect(page).to.include('Usage records.').and.include('They do not include what you typed.').and.include('deleted after 60 days');
  });

  it('with LOG_QUESTIONS=true: says the question is kept with personal details taken out, never about risk', async () => {
    const page = await (await fetch(`${withQuestions.base}/privacy`)).text();
    expect(page).to.include('keep the question you asked, with names, phone numbers').and.include('never a message about someone being at risk');
    expect(page).to.include(`deleted after ${loadConfig({ DEPLOYMENT_CONFIG: 'none' }).analyticsRetentionDays} days`);
  });
});
