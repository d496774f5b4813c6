import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppServer } from '../../src/server/createServer';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import { createTestApp } from '../support/Transcript';
import { fixtureTurns } from '../analytics/fixtureTurns';
import { CHROMIUM_ARGS, findChromium } from './findChromium';

const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const KEY = 'officers-key-for-the-browser-test';

describe("Browser: the officers' report at /officers/report, behind the officers' key", function () {
  this.timeout(60_000);
  let app: AppServer;
  let base: string;
  let browser: Browser;
  let store: SqliteAnalyticsStore;
  const problems: string[] = [];

  async function phone(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    return page;
  }

  async function signIn(page: Page, key: string): Promise<void> {
    await page.goto(`${base}/officers/report`);
    await page.getByLabel("Officers' key").fill(key);
    await page.getByRole('button', { name: 'Show the report' }).click();
  }

  before(async function () {
    this.timeout(15 * 60_000);
    const executablePath = findChromium();
    store = new SqliteAnalyticsStore(':memory:');
    for (const r of fixtureTurns()) await store.add(r);
    app = await createTestApp({ OFFICER_API_KEY: KEY, LOG_QUESTIONS: 'true', DEPLOYMENT_CONFIG: 'none' }, { analytics: store });
    base = await app.listen(0);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it('asks for the key, and refuses a wrong one without showing any figure', async () => {
    // Its 401 is the answer expected here, so this page's console is not watched.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'not-the-right-key-at-all');
    expect(await page.getByRole('alert').innerText()).to.match(/not right/);
    expect(await page.locator('#total-turns').count()).to.equal(0);
    await page.close();
  });

  it('shows the figures from the recorded turns, with charts drawn, readable at phone size', async () => {
    const page = await phone();
    await signIn(page, KEY);
    await page.locator('html[data-charts="drawn"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('#total-turns').innerText()).to.equal('25');
    expect(await page.locator('#total-none').innerText()).to.equal('6');
    expect(await page.locator('#total-hand-off').innerText()).to.equal('4');
    expect(await page.locator('#count-low').innerText()).to.equal('1');
    const topics = await page.locator('#table-topics tbody tr').allInnerTexts();
    expect(topics[0]).to.match(/What is SEN support\?\s+what-is-sen-support\s+6/);
    const helpful = await page.locator('#table-helpful tbody tr').first().innerText();
    expect(helpful).to.match(/SENCO.*\s2\s+1\s+67%/s);
    const groups = await page.locator('#table-unanswered tbody tr').allInnerTexts();
    expect(groups).to.have.length(3);
    expect(groups.find((g) => g.includes('sent home every lunchtime'))).to.match(/\s3\s+3 \/ 0\s/);
    expect(await page.locator('#table-handoffs tbody tr').first().innerText()).to.match(/Trafford\s+2/);
    // Each chart has drawn something: its canvas is sized and not blank.
    for (const id of ['chart-over-time', 'chart-topics', 'chart-helpful', 'chart-handoffs']) {
      const painted = await page.evaluate((cid) => {
        const c = document.getElementById(cid) as HTMLCanvasElement;
        const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink += 1;
        return { width: c.clientWidth, ink };
      }, id);
      expect(painted.width, id).to.be.within(300, 390);
      expect(painted.ink, id).to.be.greaterThan(500);
    }
    // Nothing wider than the phone but the tables, which scroll inside their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).to.equal(0);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'officers-report-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'officers-report-desktop.png'), fullPage: true });

    await page.evaluate(axe.source);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
    );
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, bad.map((v) => `${v.id}: ${v.help}`).join('\n')).to.deep.equal([]);
    await page.close();
  });

  it('answers a script sending the key as a Bearer header, and is never cached', async () => {
    const res = await fetch(`${base}/officers/report`, { headers: { Authorization: `Bearer ${KEY}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.headers.get('content-security-policy')).to.match(/script-src 'nonce-/);
    expect(await res.text()).to.include('<strong id="total-turns">25</strong>');
    const wrong = await fetch(`${base}/officers/report`, { headers: { Authorization: 'Bearer wrong-wrong-wrong-wrong' } });
    expect(wrong.status).to.equal(401);
    expect(await wrong.text()).to.not.include('total-turns');
  });

  it('loads with no script errors and no Content-Security-Policy violations', () => {
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
