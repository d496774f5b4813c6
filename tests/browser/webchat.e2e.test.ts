import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import axe from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { AppServer } from '../../src/server/createServer';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { createTestApp } from '../support/Transcript';
import { CHROMIUM_ARGS, findChromium } from './findChromium';

const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const WAIT = 15_000;

/** The transcript's activities (Web Chat renders one list item per activity). */
function activities(page: Page): Locator {
  return page.locator('#chat-area .webchat__basic-transcript__activity');
}

/** Waits until an activity after the first `after` shows `text`, and returns the first such activity. */
async function botSays(page: Page, text: string | RegExp, after: number): Promise<Locator> {
  const deadline = Date.now() + WAIT;
  const wanted = typeof text === 'string' ? (s: string) => s.includes(text) : (s: string) => text.test(s);
  for (;;) {
    const count = await activities(page).count();
    for (let i = after; i < count; i += 1) {
      const activity = activities(page).nth(i);
      if (wanted(await activity.innerText())) return activity;
    }
    if (Date.now() > deadline) {
      const shown = await activities(page).allInnerTexts();
      throw new Error(`No new message shows ${String(text)}. The chat has:\n${shown.slice(after).join('\n---\n')}`);
    }
    await page.waitForTimeout(100);
  }
}

/** Web Chat's Markdown turns ' into ’. */
function quotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

async function sendBox(page: Page): Promise<Locator> {
  const box = page.getByRole('textbox', { name: 'Your message to the assistant' });
  await box.waitFor({ state: 'visible', timeout: WAIT });
  return box;
}

describe('Browser: the web chat page in Chromium, through the local Direct Line endpoint', function () {
  // Installing Chromium on a fresh machine takes a while; each step after that is quick.
  this.timeout(60_000);

  let app: AppServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async function () {
    this.timeout(15 * 60_000);
    const executablePath = findChromium();
    app = await createTestApp();
    base = await app.listen(0);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 412, height: 915 }, locale: 'en-GB' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    await page.goto(`${base}/`);
  });

  after(async () => {
    if (page) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, 'webchat.png'), fullPage: true }).catch(() => undefined);
    }
    await browser?.close();
    await app?.close();
  });

  it('says it is an automated assistant, links to the privacy notice, and shows the welcome', async () => {
    expect(await page.getAttribute('html', 'lang')).to.equal('en-GB');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).to.equal('SEN support assistant');
    await page.getByText('This is an automated assistant, not a person').waitFor({ timeout: WAIT });
    expect(await page.getByRole('link', { name: /privacy notice/i }).first().getAttribute('href')).to.equal('/privacy');
    await botSays(page, /I'm the SEN support assistant|I’m the SEN support assistant/, 0);
  });

  it('answers "what is SEN support" with an answer card that names its source', async () => {
    const before = await activities(page).count();
    const box = await sendBox(page);
    await box.fill('what is SEN support');
    await box.press('Enter');
    await botSays(page, 'what is SEN support', before);
    const card = await botSays(page, 'What is SEN support?', before + 1);
    expect(await card.innerText()).to.match(/Source: /);
    await card.getByRole('button', { name: 'Copy as text' }).waitFor({ timeout: WAIT });
  });

  it('shows the next answer when a follow-up button is pressed', async () => {
    const answer = app.services.answers.byId('what-is-sen-support');
    expect(answer, 'the knowledge base has what-is-sen-support').to.not.equal(undefined);
    const followUpTitle = app.services.answers.title(answer?.followUps[0] as string);
    const before = await activities(page).count();
    const card = activities(page).filter({ hasText: 'What is SEN support?' }).filter({ hasText: 'Source: ' }).last();
    await card.getByRole('button', { name: followUpTitle }).click();
    const shown = await botSays(page, /Source: /, before);
    expect(quotes(await shown.innerText())).to.include(followUpTitle);
  });

  it('goes through the "Did you mean" buttons', async () => {
    // Short queries the knowledge base finds ambiguous; the first that still is, is used.
    let query: string | undefined;
    for (const q of ['review', 'plan', 'assessment', 'funding', 'support', 'ehc']) if (!query && (await app.services.answers.ask(q)).outcome === 'clarify') query = q;
    expect(query, 'one of the short queries gets "Did you mean"').to.not.equal(undefined);
    const choice = (await app.services.answers.ask(query as string)).results[0].answer.title;
    const before = await activities(page).count();
    const box = await sendBox(page);
    await box.fill(query as string);
    await box.press('Enter');
    const clarify = await botSays(page, 'I am not sure which of these you mean', before);
    await clarify.getByRole('button', { name: 'None of these' }).waitFor({ timeout: WAIT });
    const afterClarify = await activities(page).count();
    await clarify.getByRole('button', { name: choice }).click();
    const shown = await botSays(page, /Source: /, afterClarify);
    expect(quotes(await shown.innerText())).to.include(choice);
  });

  it('works by keyboard alone: skip link, type, Enter, then a card button with Tab and Enter', async () => {
    const kb = await browser.newPage({ viewport: { width: 412, height: 915 }, locale: 'en-GB' });
    try {
      await kb.goto(`${base}/`);
      await botSays(kb, /SEN support assistant/, 0);
      await kb.keyboard.press('Tab');
      const focused = await kb.evaluate(() => ({ id: document.activeElement?.id, outline: getComputedStyle(document.activeElement as Element).outlineStyle }));
      expect(focused.id, 'the first Tab reaches the skip link').to.equal('skip-link');
      expect(focused.outline, 'the skip link shows where focus is').to.not.equal('none');
      await kb.keyboard.press('Enter');
      const inBox = await kb.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      expect(inBox, 'the skip link puts focus in the message box').to.equal('Your message to the assistant');
      let before = await activities(kb).count();
      await kb.keyboard.type('what is the local offer');
      await kb.keyboard.press('Enter');
      await botSays(kb, 'what is the local offer', before);
      const card = await botSays(kb, /Source: /, before + 1);
      expect(await card.innerText()).to.match(/Local Offer/i);
      // Web Chat's keyboard model: the chat history is one Tab stop; arrow keys pick a message,
      // Enter goes into it, Tab moves between its buttons.
      const followUp = app.services.answers.title(app.services.answers.byId('local-offer')?.followUps[0] as string);
      const active = () => kb.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), text: (document.activeElement?.textContent ?? '').trim() }));
      for (let i = 0; i < 5 && (await active()).role !== 'group'; i += 1) await kb.keyboard.press('Shift+Tab');
      expect((await active()).role, 'Shift+Tab reaches the chat history').to.equal('group');
      // Arrow keys to the answer card (the one with the source line).
      const current = () =>
        kb.evaluate(() => document.querySelector('.webchat__basic-transcript__activity-indicator--focus')?.closest('.webchat__basic-transcript__activity')?.textContent ?? '');
      for (let i = 0; i < (await activities(kb).count()); i += 1) await kb.keyboard.press('ArrowDown');
      for (let i = 0; i < 10 && !/Source: /.test(await current()); i += 1) await kb.keyboard.press('ArrowUp');
      expect(await current(), 'arrow keys reach the answer card').to.match(/Source: /);
      await kb.keyboard.press('Enter');
      let reached = false;
      for (let i = 0; i < 12 && !reached; i += 1) {
        reached = (await active()).text === followUp;
        if (!reached) await kb.keyboard.press('Tab');
      }
      expect(reached, `Tab reaches the "${followUp}" button of the last answer`).to.equal(true);
      before = await activities(kb).count();
      await kb.keyboard.press('Enter');
      const shown = await botSays(kb, /Source: /, before);
      expect(quotes(await shown.innerText())).to.include(followUp);
    } finally {
      await kb.close();
    }
  });

  it('shows a visible focus indicator on card buttons reached with Tab', async () => {
    const button = activities(page).last().getByRole('button').first();
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor, background: s.backgroundColor };
    });
    expect(style.tag, 'focus is on a button').to.equal('BUTTON');
    expect(style.outlineStyle).to.not.equal('none');
    expect(style.outlineWidth).to.be.at.least(2);
    // #0b0c0c on the page's white: far above the 3:1 a focus indicator needs.
    expect(style.outlineColor).to.equal('rgb(11, 12, 12)');
  });

  it('keeps all chat text at 16px or larger', async () => {
    const small = await page.evaluate(() => {
      // (No named functions in here: the test runner's transform would add a helper the page lacks.)
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
        if (!ownText) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width <= 1 || rect.height <= 1) continue;
        // Shown on screen: not inside something clipped away, zero-sized with hidden overflow, or transparent.
        let shown = true;
        for (let a: Element | null = el; a && shown; a = a.parentElement) {
          const s = getComputedStyle(a);
          const r = a.getBoundingClientRect();
          if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') shown = false;
          else if (s.clip !== 'auto' || s.clipPath.includes('inset')) shown = false;
          else if (s.overflow !== 'visible' && (r.width <= 1 || r.height <= 1)) shown = false;
        }
        if (!shown) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 16) out.push(`${el.tagName}.${el.className} ${size}px: ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
      return out;
    });
    expect(small, small.join('\n')).to.deep.equal([]);
  });

  it('has no serious or critical accessibility violations (axe-core, WCAG 2.2 A and AA)', async () => {
    // Evaluated through the driver, not as a page script, so the page's CSP stays as served.
    await page.evaluate(axe.source);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }),
    );
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`).join('\n');
    expect(bad, report).to.deep.equal([]);
    expect(result.passes.length, 'axe ran its checks').to.be.greaterThan(10);
  });

  it('loads with no script errors and no Content-Security-Policy violations', () => {
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('serves a privacy notice that says what is kept and for how long', async () => {
    const privacy = await browser.newPage();
    try {
      await privacy.goto(`${base}/privacy`);
      const text = await privacy.locator('main').innerText();
      expect(text).to.include(`${app.config.stateTtlDays} days`);
      expect(text).to.match(/Callback requests/);
      expect(text).to.match(/do not record what you type/);
      await privacy.evaluate(axe.source);
      const result = await privacy.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => v.id)).to.deep.equal([]);
    } finally {
      await privacy.close();
    }
  });
});
