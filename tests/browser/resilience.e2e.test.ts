import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp } from '../support/Transcript';
import { CHROMIUM_ARGS, chromiumKind, findChromiums } from './findChromium';
import { activities, botSays, newPage, say, screenshot, status, VIEWPORTS, WAIT } from './chatPage';

/** How many messages in the chat are exactly `text` from the person. */
async function sentCount(page: Page, text: string): Promise<number> {
  return page.locator('#chat-area .webchat__bubble--from-user').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).count();
}

async function noSendFailed(page: Page): Promise<void> {
  const text = await page.locator('#chat-area').innerText();
  expect(text, 'no "Send failed" anywhere').to.not.match(/send failed|could not send|retry/i);
}

for (const executablePath of findChromiums()) {
  const kind = chromiumKind(executablePath);

  describe(`Browser (${kind}): the conversation survives a reload and a server restart (SQLite)`, function () {
    this.timeout(120_000);

    let dataDir: string;
    let app: AppServer | undefined;
    let port = 0;
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];

    const start = async () => {
      app = await createTestApp({ STATE_STORE: 'sqlite', DATA_DIR: dataDir });
      const base = await app.listen(port);
      port = Number(new URL(base).port);
      return base;
    };

    before(async function () {
      this.timeout(5 * 60_000);
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-restart-'));
      const base = await start();
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      page = await newPage(browser, VIEWPORTS['phone-390x844'], problems);
      await page.goto(`${base}/`);
      await botSays(page, /SEN support assistant/, 0);
    });

    after(async () => {
      await browser?.close();
      await app?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps the conversation, with its history, when the page is reloaded', async () => {
      const before = await say(page, 'what is sen support');
      await botSays(page, 'More options', before + 1);
      const shown = await activities(page).count();
      await page.reload();
      await botSays(page, 'What is SEN support?', 0);
      await page.waitForFunction((n) => document.querySelectorAll('#chat-area .webchat__basic-transcript__activity').length >= n, shown, { timeout: WAIT });
      const texts = (await activities(page).allInnerTexts()).join('\n');
      expect(texts.match(/I.m the SEN support assistant/g), 'one welcome: the same conversation, not a new one').to.have.length(1);
      expect(await sentCount(page, 'what is sen support'), 'the question once').to.equal(1);
      await screenshot(page, `resume-after-reload-${kind}`);
    });

    it('says "Reconnecting…" while the server is away, sends what was typed meanwhile once it is back, and answers the next message: no "Send failed", no duplicate', async () => {
      await app?.close();
      app = undefined;
      await page.waitForFunction(() => /Reconnecting/.test(document.getElementById('chat-status')?.textContent ?? ''), undefined, { timeout: WAIT });
      expect(await page.locator('#chat-area').getAttribute('aria-busy')).to.equal('true');
      // Typed while the server is away.
      const before = await say(page, 'what is the local offer');
      await page.waitForTimeout(3000);
      await screenshot(page, `server-away-${kind}`);
      await start();
      const answer = await botSays(page, 'More options', before + 1, 60_000);
      expect(await answer.innerText()).to.match(/Local Offer/i);
      await page.waitForFunction(() => !/Reconnecting/.test(document.getElementById('chat-status')?.textContent ?? ''), undefined, { timeout: WAIT });
      expect(await sentCount(page, 'what is the local offer'), 'the message once').to.equal(1);
      // The next message, after the restart.
      const next = await say(page, 'what is an ehc plan');
      await botSays(page, 'More options', next + 1, WAIT);
      await page.waitForTimeout(1500);
      expect(await sentCount(page, 'what is an ehc plan'), 'the next message once').to.equal(1);
      const cards = (await activities(page).allInnerTexts()).filter((t) => /Local Offer/i.test(t) && /More options/.test(t));
      expect(cards, 'one answer to the message sent while away').to.have.length(1);
      await noSendFailed(page);
      expect(await status(page)).to.not.match(/Reconnecting/);
      await screenshot(page, `after-restart-${kind}`);
    });

    it('refreshes the kept token before it expires (10 minutes on the page clock)', async () => {
      const base = `http://localhost:${port}`;
      const timed = await newPage(browser, VIEWPORTS['phone-390x844'], problems);
      try {
        await timed.clock.install();
        await timed.goto(`${base}/`);
        await botSays(timed, /SEN support assistant/, 0);
        const kept = () => timed.evaluate(() => JSON.parse(sessionStorage.getItem('sen-support-chat:conversation') ?? '{}') as { token?: string; expiresAt?: number });
        const first = await kept();
        expect(first.token, 'the token is kept for this tab').to.be.a('string');
        await timed.clock.fastForward('10:30');
        await timed.waitForFunction((old) => JSON.parse(sessionStorage.getItem('sen-support-chat:conversation') ?? '{}').token !== old, first.token, { timeout: WAIT });
        const second = await kept();
        expect(second.expiresAt ?? 0, 'a later expiry').to.be.greaterThan(first.expiresAt ?? 0);
        // The new token works: a message is answered.
        const before = await say(timed, 'what is sen support');
        await botSays(timed, 'More options', before + 1);
      } finally {
        await timed.context().close();
      }
    });

    it('had no script errors (failed requests while the server was away aside)', () => {
      const real = problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource|net::ERR/.test(p));
      expect(real, real.join('\n')).to.deep.equal([]);
    });
  });
}
