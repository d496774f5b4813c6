import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp } from '../support/Transcript';
import { CHROMIUM_ARGS, chromiumKind, findChromiums } from './findChromium';
import { activities, axeProblems, botSays, newPage, quotes, say, screenshot, sendBox, smallText, status, VIEWPORTS, WAIT } from './chatPage';

for (const executablePath of findChromiums()) {
  const kind = chromiumKind(executablePath);

  describe(`Browser (${kind}): the web chat page, through the local Direct Line endpoint`, function () {
    this.timeout(60_000);

    let app: AppServer;
    let base: string;
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];
    let slow = false;
    const memory = new MemoryStorage();
    const storage: Storage = {
      read: async (keys) => {
        if (slow) await new Promise((r) => setTimeout(r, 2500));
        return memory.read(keys);
      },
      write: (changes) => memory.write(changes),
      delete: (keys) => memory.delete(keys),
    };

    before(async function () {
      this.timeout(5 * 60_000);
      app = await createTestApp({}, { storage });
      base = await app.listen(0);
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      page = await newPage(browser, VIEWPORTS['phone-390x844'], problems);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await page.goto(`${base}/`);
    });

    after(async () => {
      if (page) await screenshot(page, `webchat-${kind}`).catch(() => undefined);
      await browser?.close();
      await app?.close();
    });

    it('says it is an automated assistant, links to the privacy notice, and shows the welcome', async () => {
      expect(await page.getAttribute('html', 'lang')).to.equal('en-GB');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).to.equal('SEN support assistant');
      await page.getByText('This is an automated assistant, not a person').waitFor({ timeout: WAIT });
      const privacy = page.getByRole('link', { name: /privacy notice/i }).first();
      expect(await privacy.getAttribute('href')).to.equal('/privacy');
      expect(await privacy.getAttribute('target')).to.equal('_blank');
      await botSays(page, /I'm the SEN support assistant|I’m the SEN support assistant/, 0);
    });

    it('answers "what is SEN support" with a short card: the direct answer, then More for the details and source', async () => {
      const before = await say(page, 'what is SEN support');
      await botSays(page, 'what is SEN support', before);
      const card = await botSays(page, 'What is SEN support?', before + 1);
      const source = card.getByText(/^Source: /);
      expect(await source.isVisible(), 'the source line is behind "More"').to.equal(false);
      const more = card.getByRole('button', { name: 'More', exact: true });
      expect(await more.getAttribute('aria-expanded')).to.equal('false');
      await more.click();
      await source.waitFor({ state: 'visible', timeout: WAIT });
      expect(await more.getAttribute('aria-expanded')).to.equal('true');
      // The guide offer is inside the card: four buttons in the whole reply, none in a separate message.
      await page.waitForTimeout(1000);
      const buttons = await card.getByRole('button').filter({ visible: true }).allInnerTexts();
      expect(buttons.map((b) => b.trim()), 'at most four buttons before "More options"').to.deep.equal(['Yes, go through it', 'More', 'Talk to someone', 'More options']);
      expect(quotes(await card.innerText())).to.include('Would you like me to go through your situation?');
      expect(await page.locator('.webchat__suggested-actions button').filter({ visible: true }).count(), 'no suggested actions besides').to.equal(0);
      expect(await activities(page).count(), 'the question and the answer card: nothing after it').to.equal(before + 2);
      expect(await page.locator('#storage-note').isVisible(), 'storage works here: no note').to.equal(false);
    });

    it('shows the typing indicator while the assistant works, and not once it has answered', async () => {
      // The bot's state is read slowly for this one turn, so there is time to see it.
      slow = true;
      try {
        const before = await say(page, 'what is the local offer');
        await page.locator('.webchat__typing-indicator').waitFor({ state: 'visible', timeout: WAIT });
        expect(await page.locator('.webchat__typing-indicator').filter({ visible: true }).count(), 'one indicator').to.equal(1);
        await botSays(page, 'More options', before + 1);
      } finally {
        slow = false;
      }
      await page.locator('.webchat__typing-indicator').waitFor({ state: 'hidden', timeout: WAIT });
    });

    it('opens "More options" and shows the next answer when a follow-up is pressed', async () => {
      const answer = app.services.answers.byId('what-is-sen-support');
      const followUpTitle = app.services.answers.title(answer?.followUps[0] as string);
      // Let the transcript settle first (replies still arriving re-render the cards).
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __count?: number; __since?: number };
          const n = document.querySelectorAll('#chat-area .webchat__basic-transcript__activity').length;
          if (w.__count !== n) {
            w.__count = n;
            w.__since = Date.now();
          }
          return Date.now() - (w.__since ?? 0) > 500;
        },
        undefined,
        { timeout: WAIT, polling: 100 },
      );
      const card = activities(page).filter({ hasText: 'What is SEN support?' }).filter({ hasText: 'More options' }).last();
      const options = card.getByRole('button', { name: 'More options' });
      await options.click();
      // The page says the part is open just after Adaptive Cards has shown it (a task later).
      await card.getByRole('button', { name: 'More options', expanded: true }).waitFor({ timeout: WAIT });
      const before = await activities(page).count();
      await card.getByRole('button', { name: followUpTitle }).click();
      const shown = await botSays(page, 'More options', before);
      expect(quotes(await shown.innerText())).to.include(followUpTitle);
    });

    it('"Copy as text" puts the plain-text answer on the clipboard and says so', async () => {
      const card = activities(page).filter({ hasText: 'More options' }).last();
      const title = quotes((await card.locator('.ac-textBlock').first().innerText()).trim());
      await card.getByRole('button', { name: 'More options' }).click();
      const before = await activities(page).count();
      await card.getByRole('button', { name: 'Copy as text' }).click();
      await page.waitForFunction(() => /Copied the answer as text/.test(document.getElementById('chat-status')?.textContent ?? ''), undefined, { timeout: WAIT });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(quotes(copied)).to.match(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
      expect(copied).to.match(/Sources?: /);
      expect(await activities(page).count(), 'nothing posted to the chat').to.equal(before);
    });

    it('goes through the "Did you mean" buttons', async () => {
      // (ask() is awaited: it becomes async when the sentence-embedding stage joins.)
      let query: string | undefined;
      for (const q of ['review', 'plan', 'assessment', 'funding', 'support', 'ehc']) {
        if ((await app.services.answers.ask(q)).outcome === 'clarify') {
          query = q;
          break;
        }
      }
      expect(query, 'one of the short queries gets "Did you mean"').to.not.equal(undefined);
      const choice = (await app.services.answers.ask(query as string)).results[0].answer.title;
      const before = await say(page, query as string);
      const clarify = await botSays(page, 'I am not sure which of these you mean', before);
      await clarify.getByRole('button', { name: 'None of these' }).waitFor({ timeout: WAIT });
      const afterClarify = await activities(page).count();
      await clarify.getByRole('button', { name: choice }).click();
      const shown = await botSays(page, 'More options', afterClarify);
      expect(quotes(await shown.innerText())).to.include(choice);
    });

    it('"Urgent help" is always on screen, reachable by keyboard, and sends "Urgent help"', async () => {
      const urgent = page.getByRole('button', { name: 'Urgent help' });
      expect(await urgent.isVisible()).to.equal(true);
      const box = await sendBox(page);
      await box.focus();
      // Backwards from the message box: the chat history, then the bar's buttons.
      let reached = false;
      for (let i = 0; i < 8 && !reached; i += 1) {
        await page.keyboard.press('Shift+Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'urgent-help');
      }
      expect(reached, 'Shift+Tab reaches "Urgent help"').to.equal(true);
      // Pressed while reading further up: the chat goes to the end, where the answer comes.
      await page.locator('.webchat__basic-transcript__scrollable').hover();
      await page.mouse.wheel(0, -5000);
      await page.waitForTimeout(500);
      await urgent.focus();
      const before = await activities(page).count();
      await page.keyboard.press('Enter');
      const sent = await botSays(page, /^(You said:)?\s*Urgent help/m, before);
      await page.waitForTimeout(1500);
      const view = await page.locator('.webchat__basic-transcript__scrollable').boundingBox();
      const bubble = await sent.boundingBox();
      expect(view && bubble && bubble.y + bubble.height > view.y && bubble.y < view.y + view.height, 'the urgent message and what follows are in view').to.equal(true);
    });

    it('has links that open in a new tab with rel="noopener"', async () => {
      const links = await page.locator('#chat-area a[href^="http"]').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '' })));
      for (const link of links) {
        expect(link.target, link.href ?? '').to.equal('_blank');
        expect(link.rel, link.href ?? '').to.include('noopener');
      }
    });

    it('works by keyboard alone: skip link, type, Enter, then a card button with Tab and Enter', async () => {
      const kb = await newPage(browser, VIEWPORTS['phone-390x844'], problems);
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
        const card = await botSays(kb, /More options/, before + 1);
        expect(await card.innerText()).to.match(/Local Offer/i);
        // Web Chat's keyboard model: the chat history is one Tab stop; arrow keys pick a message,
        // Enter goes into it, Tab moves between its buttons.
        const followUp = app.services.answers.title(app.services.answers.byId('local-offer')?.followUps[0] as string);
        const active = () => kb.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), text: (document.activeElement?.textContent ?? '').trim() }));
        for (let i = 0; i < 5 && (await active()).role !== 'group'; i += 1) await kb.keyboard.press('Shift+Tab');
        expect((await active()).role, 'Shift+Tab reaches the chat history').to.equal('group');
        const current = () =>
          kb.evaluate(() => document.querySelector('.webchat__basic-transcript__activity-indicator--focus')?.closest('.webchat__basic-transcript__activity')?.textContent ?? '');
        for (let i = 0; i < (await activities(kb).count()); i += 1) await kb.keyboard.press('ArrowDown');
        for (let i = 0; i < 10 && !/More options/.test(await current()); i += 1) await kb.keyboard.press('ArrowUp');
        expect(await current(), 'arrow keys reach the answer card').to.match(/More options/);
        await kb.keyboard.press('Enter');
        // Tab to "More", open the details with Enter, then on to "More options" and open it.
        const tabTo = async (label: string) => {
          for (let i = 0; i < 15; i += 1) {
            if ((await active()).text === label) return true;
            await kb.keyboard.press('Tab');
          }
          return false;
        };
        expect(await tabTo('More'), 'Tab reaches "More"').to.equal(true);
        await kb.keyboard.press('Enter');
        await card.getByText(/^Source: /).waitFor({ state: 'visible', timeout: WAIT });
        expect(await tabTo('More options'), 'Tab reaches "More options"').to.equal(true);
        await kb.keyboard.press('Enter');
        expect(await tabTo(followUp), `Tab reaches the "${followUp}" button`).to.equal(true);
        before = await activities(kb).count();
        await kb.keyboard.press('Enter');
        const shown = await botSays(kb, /More options/, before);
        expect(quotes(await shown.innerText())).to.include(followUp);
      } finally {
        await kb.close();
      }
    });

    it('shows a visible focus indicator on card buttons reached with Tab', async () => {
      const button = activities(page).filter({ hasText: 'More options' }).last().getByRole('button').first();
      await button.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor };
      });
      expect(style.tag, 'focus is on a button').to.equal('BUTTON');
      expect(style.outlineStyle).to.not.equal('none');
      expect(style.outlineWidth).to.be.at.least(2);
      // #0b0c0c on the page's white: far above the 3:1 a focus indicator needs.
      expect(style.outlineColor).to.equal('rgb(11, 12, 12)');
    });

    it('keeps all chat text at 16px or larger', async () => {
      const small = await smallText(page);
      expect(small, small.join('\n')).to.deep.equal([]);
    });

    it('has no serious or critical accessibility violations (axe-core, WCAG 2.2 A and AA)', async () => {
      const bad = await axeProblems(page);
      expect(bad, bad.join('\n')).to.deep.equal([]);
    });

    it('"Start again" asks first, then starts a new conversation with the welcome, and deletes the old one on the server', async () => {
      const old = await page.evaluate(() => JSON.parse(sessionStorage.getItem('sen-support-chat:conversation') ?? '{}') as { token: string; conversationId: string; domain: string });
      expect(old.conversationId, 'a conversation to end').to.be.a('string');
      const keptKey = `directline-activities/${old.conversationId}`;
      expect(Object.keys(await memory.read([keptKey])), 'its activities are in the store').to.deep.equal([keptKey]);
      await page.getByRole('button', { name: 'Start again' }).click();
      const yes = page.getByRole('button', { name: 'Yes, start again' });
      await yes.waitFor({ timeout: WAIT });
      // Focus moves to the question once it is shown (on a loaded machine, a frame later).
      await page.waitForFunction(() => document.activeElement?.id === 'restart-yes', undefined, { timeout: WAIT }).catch(() => undefined);
      expect(await page.evaluate(() => document.activeElement?.id), 'focus moves to the question').to.equal('restart-yes');
      await yes.click();
      await page.waitForFunction(() => document.querySelectorAll('#chat-area .webchat__basic-transcript__activity').length >= 1, undefined, { timeout: WAIT });
      await botSays(page, /SEN support assistant/, 0);
      // Only the new welcome (Web Chat may take a frame to clear the old transcript).
      await page
        .waitForFunction(() => document.querySelectorAll('#chat-area .webchat__basic-transcript__activity').length <= 2, undefined, { timeout: WAIT })
        .catch(() => undefined);
      expect(await activities(page).count(), 'only the new welcome').to.be.at.most(2);
      expect(await status(page)).to.match(/new conversation has started/);
      await screenshot(page, `start-again-${kind}`);
      // The old conversation is gone from the store, with the bot's state for it, and its token reads nothing.
      // (The page waits for the deletion, but at most 5 s: on a loaded machine it may finish just after.)
      const leftOver = () => memory.read([keptKey, `webchat/conversations/${old.conversationId}/`]).then((items) => Object.keys(items));
      const until = Date.now() + WAIT;
      while ((await leftOver()).length && Date.now() < until) await page.waitForTimeout(100);
      expect(await leftOver(), 'deleted on the server').to.deep.equal([]);
      // (From here, not the page: a 404 there would be logged as a console error.)
      const res = await fetch(`${old.domain}/conversations/${old.conversationId}/activities`, { headers: { Authorization: `Bearer ${old.token}` } });
      const read = { status: res.status, body: await res.text() };
      expect(read.status, 'the old token is refused').to.equal(404);
      expect(read.body).to.not.match(/SEN support\?/);
      const fresh = await page.evaluate(() => JSON.parse(sessionStorage.getItem('sen-support-chat:conversation') ?? '{}') as { conversationId?: string });
      expect(fresh.conversationId, 'a new conversation').to.not.equal(old.conversationId);
    });

    it('loads with no script errors and no Content-Security-Policy violations (and its favicon)', async () => {
      const icon = await page.evaluate(async () => (await fetch('/favicon.ico')).status);
      expect(icon).to.equal(200);
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
        expect(text).to.match(/session storage/);
        const bad = await axeProblems(privacy);
        expect(bad, bad.join('\n')).to.deep.equal([]);
      } finally {
        await privacy.close();
      }
    });
  });
}
