import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/knowledge/paths';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const WAIT = 20_000;

/** The sizes the page must work at: a small phone, a common phone, a laptop. */
export const VIEWPORTS = {
  'phone-320x568': { width: 320, height: 568 },
  'phone-390x844': { width: 390, height: 844 },
  'desktop-1280x800': { width: 1280, height: 800 },
} as const;

type Scope = Page | Frame;

/** The transcript's activities (Web Chat renders one list item per activity). */
export function activities(scope: Scope): Locator {
  return scope.locator('#chat-area .webchat__basic-transcript__activity');
}

/** Waits until an activity after the first `after` shows `text`, and returns the first such activity. */
export async function botSays(scope: Scope, text: string | RegExp, after: number, wait = WAIT): Promise<Locator> {
  const deadline = Date.now() + wait;
  const wanted = typeof text === 'string' ? (s: string) => s.includes(text) : (s: string) => text.test(s);
  for (;;) {
    const count = await activities(scope).count();
    for (let i = after; i < count; i += 1) {
      const activity = activities(scope).nth(i);
      if (wanted(await activity.innerText().catch(() => ''))) return activity;
    }
    if (Date.now() > deadline) {
      const shown = await activities(scope).allInnerTexts();
      throw new Error(`No new message shows ${String(text)}. The chat has:\n${shown.slice(after).join('\n---\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Web Chat's Markdown turns ' into ’. */
export function quotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export async function sendBox(scope: Scope): Promise<Locator> {
  const box = scope.getByRole('textbox', { name: 'Your message to the assistant' });
  await box.waitFor({ state: 'visible', timeout: WAIT });
  return box;
}

/** Types a message and presses Enter; returns how many activities there were before. */
export async function say(scope: Scope, text: string): Promise<number> {
  const before = await activities(scope).count();
  const box = await sendBox(scope);
  await box.fill(text);
  await box.press('Enter');
  return before;
}

/** A new page that records script errors and console errors (a 404 favicon shows up as one). */
export async function newPage(browser: Browser, viewport: { width: number; height: number }, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} ${JSON.stringify(msg.location())}`);
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

/** axe-core's serious and critical WCAG 2.2 A/AA violations, as lines. */
export async function axeProblems(scope: Scope): Promise<string[]> {
  // Read at the newest message, as a reader would be: until then the latest cards may be out of
  // view, and axe did not report their contrast there (the urgent card's 4.4:1 title failed only
  // in the runs where it happened to be on screen).
  await scope.evaluate(() => {
    const scroller = document.querySelector('#chat-area .webchat__basic-transcript__scrollable');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  });
  await scope.waitForFunction(() => !document.querySelector('#chat-area .webchat__scroll-to-end-button'), undefined, { timeout: 5_000, polling: 100 }).catch(() => undefined);
  // Then let the transcript settle: a card still fading in is measured at part opacity, and
  // axe would report its text's contrast (finite animations only: a spinner never ends).
  await scope
    .waitForFunction(
      () => {
        const w = window as unknown as { __axeCount?: number; __axeSince?: number };
        const n = document.querySelectorAll('#chat-area .webchat__basic-transcript__activity').length;
        if (w.__axeCount !== n) {
          w.__axeCount = n;
          w.__axeSince = Date.now();
        }
        const moving = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
        return !moving && Date.now() - (w.__axeSince ?? 0) > 500;
      },
      undefined,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => undefined);
  // Evaluated through the driver, not as a page script, so the page's CSP stays as served.
  await scope.evaluate(axe.source);
  const result = await scope.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  if (result.passes.length < 10) return [`axe ran only ${result.passes.length} checks`];
  // Each node with what axe measured (for contrast: both colours and the ratio).
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).slice(0, 5).join(', ')}`);
}

/** Shown text smaller than 16px, as lines. */
export async function smallText(scope: Scope): Promise<string[]> {
  return scope.evaluate(() => {
    // (No named functions in here: the test runner's transform would add a helper the page lacks.)
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!ownText) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
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
}

/** What scrolls: the page itself, and every element whose content overflows a scrolling box. */
export async function scrollAreas(scope: Scope): Promise<{ pageScrolls: boolean; areas: string[] }> {
  return scope.evaluate(() => {
    const root = document.scrollingElement as HTMLElement;
    const pageScrolls = root.scrollHeight > window.innerHeight + 1 || root.scrollWidth > window.innerWidth + 1;
    const areas: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const s = getComputedStyle(el);
      const scrolls = /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0;
      if (!scrolls) continue;
      // Only what is shown (Web Chat's keyboard help is there, hidden, until the history has focus).
      let shown = true;
      for (let a: Element | null = el; a && shown; a = a.parentElement) {
        const st = getComputedStyle(a);
        const r = a.getBoundingClientRect();
        if (st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0' || st.clipPath.includes('inset') || st.clip !== 'auto') shown = false;
        else if (st.overflow !== 'visible' && (r.width <= 1 || r.height <= 1)) shown = false;
      }
      if (shown) areas.push(`${el.tagName}.${String(el.className).split(' ')[0]}`);
    }
    return { pageScrolls, areas };
  });
}

/** Whether the whole of the element is inside the window. */
export async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5 && r.height > 0;
  });
}

/** The text of the status line ("Reconnecting…", "Copied…"). */
export async function status(scope: Scope): Promise<string> {
  return (await scope.locator('#chat-status').textContent()) ?? '';
}
