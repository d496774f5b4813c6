import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { AppServer } from '../../src/server/createServer';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { createTestApp } from '../support/Transcript';
import { BORDERLINE, OneBorderlineMessage } from '../support/borderlineSafety';
import { createSafetyCheck } from '../../src/safety/loadSharedEmbedder';
import { ANSWER_HELD_TITLE } from '../../src/bot/SafetyCards';
import { CHROMIUM_ARGS, findChromium } from '../browser/findChromium';

const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const WAIT = 15_000;

function activities(page: Page): Locator {
  return page.locator('#chat-area .webchat__basic-transcript__activity');
}

/**
 * The urgent card in a real browser at a phone's size (390×844): shown once (one activity, not
 * text and card), with 999 and its "Call 999" button on the first screen, and tap-to-call links.
 */
describe('Browser: the urgent card on a phone (Chromium, web chat page)', function () {
  this.timeout(15 * 60_000);
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const executablePath = findChromium();
    app = await createTestApp();
    const base = await app.listen(0);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    await page.goto(`${base}/`);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('"Urgent help" gets one card, with 999 and "Call 999" on the first screen', async () => {
    const box = page.getByRole('textbox', { name: 'Your message to the assistant' });
    await box.waitFor({ state: 'visible', timeout: WAIT });
    await activities(page).first().waitFor({ timeout: WAIT });
    const before = await activities(page).count();
    await box.fill('Urgent help');
    await box.press('Enter');
    const call = page.getByRole('button', { name: 'Call 999' }).or(page.getByRole('link', { name: 'Call 999' })).first();
    await call.waitFor({ timeout: WAIT });
    await page.waitForTimeout(800);
    // The person's message and one reply: the card, not text and a card.
    const replies = (await activities(page).allInnerTexts()).slice(before).filter((t) => !/^\s*Urgent help\s*$/.test(t.split('\n')[0] ?? '') || /999/.test(t));
    expect(replies.filter((t) => /If someone is in danger now/.test(t)), 'the urgent help is shown once').to.have.length(1);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'urgent-card-390x844.png') });
    const box999 = await call.boundingBox();
    expect(box999, 'the Call 999 control is rendered').to.not.equal(null);
    expect((box999?.y ?? 9999) + (box999?.height ?? 0), '"Call 999" is on the first screen').to.be.at.most(844);
    expect(box999?.y ?? -1).to.be.at.least(0);
    const first = await page.getByText('If someone is in danger now', { exact: false }).last().boundingBox();
    expect(first?.y ?? -1, 'the 999 line itself is on the first screen').to.be.at.least(0);
    const tel = await page.locator('a[href="tel:999"]').count();
    expect(tel, 'the 999 in the text is a tel: link').to.be.at.least(1);
  });
  for (const [what, message, title] of [
    ['abuse disclosed by a young person', 'my stepdad hits me and he is home tonight', 'If someone is hurting you'],
    ['an adult worried about a child', "a pupil told me today her mum's boyfriend hurts her and she is scared to go home", "Worried about a child's safety"],
    ['a medical emergency', 'my son is having a seizure and it has gone on for more than five minutes', 'A medical emergency'],
  ]) {
    it(`${what}: the card's 999 line and "Call 999" are on the first screen`, async () => {
      const box = page.getByRole('textbox', { name: 'Your message to the assistant' });
      await box.fill(message);
      await box.press('Enter');
      await page.getByText(title).last().waitFor({ timeout: WAIT });
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(RESULTS_DIR, `urgent-card-${what.replace(/\W+/g, '-')}-390x844.png`) });
      const call = await page.getByRole('button', { name: 'Call 999' }).or(page.getByRole('link', { name: 'Call 999' })).last().boundingBox();
      expect(call?.y ?? -1, '"Call 999" on the first screen').to.be.at.least(0);
      expect((call?.y ?? 9999) + (call?.height ?? 0)).to.be.at.most(844);
    });
  }

  it('a question held back (the sentence model alone heard risk): 999 and "Call 999" still on the first screen; the way on answers it', async () => {
    const held = await createTestApp({}, { safety: new OneBorderlineMessage((await createSafetyCheck(path.join(REPO_ROOT, 'knowledge'))).detector) });
    const heldPage = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    try {
      await heldPage.goto(`${await held.listen(0)}/`);
      const box = heldPage.getByRole('textbox', { name: 'Your message to the assistant' });
      await box.waitFor({ state: 'visible', timeout: WAIT });
      await activities(heldPage).first().waitFor({ timeout: WAIT });
      await box.fill(BORDERLINE);
      await box.press('Enter');
      const wayOn = heldPage.getByRole('button', { name: ANSWER_HELD_TITLE }).last();
      await wayOn.waitFor({ timeout: WAIT });
      await heldPage.waitForTimeout(800);
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      await heldPage.screenshot({ path: path.join(RESULTS_DIR, 'urgent-card-held-question-390x844.png') });
      const call = await heldPage.getByRole('button', { name: 'Call 999' }).or(heldPage.getByRole('link', { name: 'Call 999' })).last().boundingBox();
      expect(call?.y ?? -1, '"Call 999" on the first screen').to.be.at.least(0);
      expect((call?.y ?? 9999) + (call?.height ?? 0)).to.be.at.most(844);
      const line = await heldPage.getByText('If someone is in danger now', { exact: false }).last().boundingBox();
      expect(line?.y ?? -1, 'the 999 line on the first screen').to.be.at.least(0);
      await wayOn.click();
      await heldPage.getByText('Thank you for telling me', { exact: false }).last().waitFor({ timeout: WAIT });
      await heldPage.getByText('If you or someone else is struggling', { exact: false }).last().waitFor({ timeout: WAIT });
    } finally {
      await heldPage.close();
      await held.close();
    }
  });
});
