import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp } from '../support/Transcript';
import { CHROMIUM_ARGS, chromiumKind, findChromiums } from './findChromium';
import { activities, axeProblems, botSays, newPage, say, screenshot, smallText, VIEWPORTS, WAIT } from './chatPage';

/** A council's page on another origin, with the snippet (or, with ?iframe, an iframe of /embed). */
function councilPage(bot: string, iframe: boolean): string {
  const chat = iframe
    ? `<iframe src="${bot}/embed" title="Chat with the SEN support assistant (automated)" style="width: 100%; max-width: 480px; height: 600px"></iframe>`
    : `<script src="${bot}/embed.js" defer data-title="Ask about SEN support"></script>`;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example Council: SEND</title></head><body><header><a href="#main">Example Council home</a></header>
<main id="main"><h1>Special educational needs</h1><p>Information for families.</p><p><a href="#more">More about the Local Offer</a></p></main>${chat}</body></html>`;
}

/** A plain web server on 127.0.0.1 (another origin than the bot's http://localhost:…). */
async function councilSite(bot: () => string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(councilPage(bot(), (req.url ?? '').includes('iframe')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The chat's frame inside the panel. */
async function chatFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const frame = page.frames().find((f) => /\/embed$/.test(f.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no chat frame; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    await page.waitForTimeout(100);
  }
}

/** What has focus on the council's page, looking inside the launcher's shadow root. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.getElementById('sen-support-chat');
    if (document.activeElement === host) {
      const inner = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return inner ? `chat:${inner.className || inner.tagName}` : 'chat:';
    }
    return document.activeElement?.tagName ?? '';
  });
}

for (const executablePath of findChromiums()) {
  const kind = chromiumKind(executablePath);

  describe(`Browser (${kind}): the embed.js launcher and panel on a council page on another origin`, function () {
    this.timeout(90_000);

    let app: AppServer;
    let bot = '';
    let council: { origin: string; close: () => Promise<void> };
    let stranger: { origin: string; close: () => Promise<void> };
    let browser: Browser;
    const problems: string[] = [];

    before(async function () {
      this.timeout(5 * 60_000);
      council = await councilSite(() => bot);
      stranger = await councilSite(() => bot);
      app = await createTestApp({ EMBED_ORIGINS: council.origin });
      bot = await app.listen(0);
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    });

    after(async () => {
      await browser?.close();
      await app?.close();
      await council?.close();
      await stranger?.close();
    });

    describe('on a phone (390x844)', () => {
      let page: Page;
      before(async () => {
        page = await newPage(browser, VIEWPORTS['phone-390x844'], problems);
        await page.goto(`${council.origin}/`);
      });
      after(() => page?.context().close());

      it('adds a launcher button that the keyboard reaches', async () => {
        const launcher = page.getByRole('button', { name: 'Ask about SEN support' });
        await launcher.waitFor({ timeout: WAIT });
        expect(await launcher.getAttribute('aria-expanded')).to.equal('false');
        let reached = false;
        for (let i = 0; i < 6 && !reached; i += 1) {
          await page.keyboard.press('Tab');
          reached = (await focused(page)).includes('launcher');
        }
        expect(reached, 'Tab reaches the launcher').to.equal(true);
        await screenshot(page, `embed-phone-launcher-${kind}`);
      });

      it('opens a full-screen chat with Enter, with focus in the message box, and answers there', async () => {
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: 'SEN support assistant' });
        await dialog.waitFor({ timeout: WAIT });
        const box = await dialog.boundingBox();
        expect(box, 'the panel fills the screen').to.deep.include({ x: 0, y: 0, width: 390, height: 844 });
        expect(await dialog.getAttribute('aria-modal')).to.equal('true');
        const frame = await chatFrame(page);
        await botSays(frame, /SEN support assistant/, 0);
        await frame.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Your message to the assistant', undefined, { timeout: WAIT });
        // No second page header inside the panel.
        expect((await frame.locator('.site-header').boundingBox())?.height ?? 0, 'the page header is not shown (only to screen readers)').to.be.at.most(1);
        const before = await say(frame, 'what is sen support');
        await botSays(frame, 'More options', before + 1);
        const small = await smallText(frame);
        expect(small, small.join('\n')).to.deep.equal([]);
        await screenshot(page, `embed-phone-open-${kind}`);
      });

      it('remembers that it was open, and the conversation, when the council page is reloaded', async () => {
        await page.reload();
        await page.getByRole('dialog', { name: 'SEN support assistant' }).waitFor({ timeout: WAIT });
        const frame = await chatFrame(page);
        await botSays(frame, 'What is SEN support?', 0);
      });

      it('closes with Escape from the chat and gives focus back to the launcher', async () => {
        const frame = await chatFrame(page);
        await frame.getByRole('textbox', { name: 'Your message to the assistant' }).focus();
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: WAIT });
        await page.waitForFunction(() => (document.getElementById('sen-support-chat')?.shadowRoot?.activeElement?.className ?? '').includes('launcher'), undefined, { timeout: WAIT });
        expect(await page.getByRole('button', { name: 'Ask about SEN support' }).getAttribute('aria-expanded')).to.equal('false');
      });

      it('has no serious or critical accessibility violations on the council page, open or closed, nor in the chat', async () => {
        let bad = await axeProblems(page);
        expect(bad, bad.join('\n')).to.deep.equal([]);
        await page.getByRole('button', { name: 'Ask about SEN support' }).click();
        const frame = await chatFrame(page);
        await botSays(frame, 'What is SEN support?', 0);
        bad = await axeProblems(page);
        expect(bad, bad.join('\n')).to.deep.equal([]);
        bad = await axeProblems(frame);
        expect(bad, bad.join('\n')).to.deep.equal([]);
      });
    });

    describe('on a desktop (1280x800)', () => {
      let page: Page;
      before(async () => {
        page = await newPage(browser, VIEWPORTS['desktop-1280x800'], problems);
        await page.goto(`${council.origin}/`);
      });
      after(() => page?.context().close());

      it('opens a panel in the corner beside the page, closes with its Close button, and gives focus back', async () => {
        const launcher = page.getByRole('button', { name: 'Ask about SEN support' });
        await launcher.click();
        const dialog = page.getByRole('dialog', { name: 'SEN support assistant' });
        await dialog.waitFor({ timeout: WAIT });
        const box = await dialog.boundingBox();
        expect(box?.width, 'a panel, not the whole screen').to.be.within(300, 480);
        expect((box?.x ?? 0) + (box?.width ?? 0), 'on the right').to.be.greaterThan(1200);
        expect(await dialog.getAttribute('aria-modal')).to.equal('false');
        const frame = await chatFrame(page);
        await botSays(frame, /SEN support assistant/, 0);
        await screenshot(page, `embed-desktop-open-${kind}`);
        await page.getByRole('button', { name: 'Close the chat' }).click();
        await dialog.waitFor({ state: 'hidden', timeout: WAIT });
        expect(await focused(page)).to.include('launcher');
        const bad = await axeProblems(page);
        expect(bad, bad.join('\n')).to.deep.equal([]);
      });

      it('also works as an iframe of /embed on the council page', async () => {
        await page.goto(`${council.origin}/?iframe`);
        const frame = await chatFrame(page);
        await botSays(frame, /SEN support assistant/, 0);
        const before = await say(frame, 'what is the local offer');
        await botSays(frame, 'More options', before + 1);
        expect(await activities(frame).count()).to.be.greaterThan(2);
      });
    });

    describe('where the browser blocks storage in third-party frames (sessionStorage throws inside frames)', () => {
      /** Run in every frame before its scripts: in a frame, sessionStorage throws as Chrome's does when blocked. */
      const blockFrameStorage = () => {
        if (window.top !== window) {
          Object.defineProperty(window, 'sessionStorage', {
            configurable: true,
            get() {
              throw new DOMException("Failed to read the 'sessionStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
            },
          });
        }
      };

      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        it(`a plain iframe says in one line that the chat will not be kept on reload, and still answers (${name})`, async () => {
          const page = await newPage(browser, viewport, problems);
          try {
            await page.context().addInitScript(blockFrameStorage);
            await page.goto(`${council.origin}/?iframe`);
            const frame = await chatFrame(page);
            expect(await frame.evaluate(() => { try { return typeof sessionStorage.getItem('x'); } catch { return 'blocked'; } }), 'storage is blocked in the frame').to.equal('blocked');
            await botSays(frame, /SEN support assistant/, 0);
            const note = frame.locator('#storage-note');
            await note.waitFor({ state: 'visible', timeout: WAIT });
            expect((await note.innerText()).trim()).to.equal('This chat will not be kept if you reload the page.');
            expect(await frame.locator('#chat-area').getAttribute('aria-describedby'), 'read out with the chat').to.include('storage-note');
            const before = await say(frame, 'what is the local offer');
            await botSays(frame, 'More options', before + 1);
            // Let Web Chat finish scrolling to the answer.
            await page.waitForTimeout(1500);
            await screenshot(page, `embed-iframe-no-storage-${name}-${kind}`);
            // As it says: a reload starts afresh (the question is not shown again).
            await page.reload();
            const again = await chatFrame(page);
            await botSays(again, /SEN support assistant/, 0);
            await again.locator('#storage-note').waitFor({ state: 'visible', timeout: WAIT });
            expect(await again.locator('#chat-area').innerText()).to.not.include('what is the local offer');
          } finally {
            await page.context().close();
          }
        });
      }

      it('the embed.js panel keeps the conversation on the council page instead: no note, and a reload shows it again', async () => {
        const page = await newPage(browser, VIEWPORTS['phone-390x844'], problems);
        try {
          await page.context().addInitScript(blockFrameStorage);
          await page.goto(`${council.origin}/`);
          await page.getByRole('button', { name: 'Ask about SEN support' }).click();
          let frame = await chatFrame(page);
          await botSays(frame, /SEN support assistant/, 0);
          const before = await say(frame, 'what is sen support');
          await botSays(frame, 'More options', before + 1);
          expect(await frame.locator('#storage-note').isVisible(), 'no note: the panel keeps it').to.equal(false);
          await page.reload();
          await page.getByRole('dialog', { name: 'SEN support assistant' }).waitFor({ timeout: WAIT });
          frame = await chatFrame(page);
          await botSays(frame, 'What is SEN support?', 0);
          expect(await frame.locator('#storage-note').isVisible()).to.equal(false);
        } finally {
          await page.context().close();
        }
      });
    });

    describe('on a site that is not in EMBED_ORIGINS', () => {
      it('shows no launcher, and the browser refuses to frame /embed there (CSP frame-ancestors)', async () => {
        const notes: string[] = [];
        const page = await newPage(browser, VIEWPORTS['desktop-1280x800'], notes);
        const warnings: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'warning') warnings.push(m.text());
        });
        try {
          await page.goto(`${stranger.origin}/`);
          await page.waitForFunction(() => !!document.querySelector('script[src$="/embed.js"]'));
          await page.waitForTimeout(1000);
          expect(await page.locator('#sen-support-chat').count(), 'no launcher').to.equal(0);
          expect(warnings.join('\n')).to.include('is not in the server');
          await page.goto(`${stranger.origin}/?iframe`);
          await page.waitForTimeout(1500);
          const chat = page.frames().find((f) => f !== page.mainFrame());
          const loaded = chat ? await chat.locator('#chat-area').count().catch(() => 0) : 0;
          expect(loaded, 'the chat does not load in a frame on that site').to.equal(0);
          expect(notes.join('\n')).to.match(/frame-ancestors|Refused to frame/);
        } finally {
          await page.context().close();
        }
      });
    });

    // In a describe of its own, placed last: mocha runs a suite's own tests before its nested suites.
    describe('afterwards', () => {
      it('had no script errors on the listed council site or in the chat', () => {
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    });
  });
}
