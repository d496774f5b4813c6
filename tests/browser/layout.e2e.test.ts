import { expect } from 'chai';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { AppServer } from '../../src/server/createServer';
import { splitAnswerBody } from '../../src/bot/AnswerCards';
import type { Answer } from '../../src/knowledge/Answer';
import { createTestApp } from '../support/Transcript';
import { CHROMIUM_ARGS, chromiumKind, findChromiums } from './findChromium';
import { activities, axeProblems, botSays, inViewport, newPage, say, screenshot, scrollAreas, sendBox, smallText, VIEWPORTS, WAIT } from './chatPage';

/** The answer whose card is longest at first sight (longest direct answer), and a question that gets it. */
async function longAnswer(app: AppServer): Promise<{ answer: Answer; question: string }> {
  const byLead = [...app.services.kb.answers].sort((a, b) => splitAnswerBody(b.body).lead.length - splitAnswerBody(a.body).lead.length);
  for (const answer of byLead) {
    for (const question of answer.questions) {
      const result = await app.services.answers.ask(question);
      if (result.outcome === 'answer' && result.results[0]?.answer.id === answer.id) return { answer, question };
    }
  }
  throw new Error('no answer is reached by one of its own questions');
}

for (const executablePath of findChromiums()) {
  const kind = chromiumKind(executablePath);

  describe(`Browser (${kind}): phone first — the chat at 320x568, 390x844 and 1280x800`, function () {
    this.timeout(90_000);

    let app: AppServer;
    let base: string;
    let browser: Browser;
    const problems: string[] = [];

    before(async function () {
      this.timeout(5 * 60_000);
      app = await createTestApp();
      base = await app.listen(0);
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    });

    after(async () => {
      await browser?.close();
      await app?.close();
    });

    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      describe(name, () => {
        let page: Page;
        before(async () => {
          page = await newPage(browser, viewport, problems);
          await page.goto(`${base}/`);
          await botSays(page, /SEN support assistant/, 0);
        });
        after(() => page?.context().close());

        it('shows the message box, "Urgent help" and "Start again" without scrolling, and one scroll area', async () => {
          expect(await inViewport(await sendBox(page)), 'the message box is on screen').to.equal(true);
          expect(await inViewport(page.getByRole('button', { name: 'Urgent help' })), '"Urgent help" is on screen').to.equal(true);
          expect(await inViewport(page.getByRole('button', { name: 'Start again' })), '"Start again" is on screen').to.equal(true);
          const scroll = await scrollAreas(page);
          expect(scroll.pageScrolls, 'the page itself does not scroll').to.equal(false);
          expect(scroll.areas, `one scroll area: ${scroll.areas.join(', ')}`).to.have.length(1);
          // The welcome is read from its first line (waited for: the page scrolls there once the card is drawn).
          const welcome = (await botSays(page, /SEN support assistant/, 0)).locator('.ac-textBlock, p').first();
          const firstLineInView = async () => {
            const view = await page.locator('.webchat__basic-transcript__scrollable').first().boundingBox();
            const first = await welcome.boundingBox();
            return !!(first && view && first.y >= view.y - 1 && first.y < view.y + view.height);
          };
          // Settled there, not passing through: in view at every look for a second and a half (as the
          // card draws, Web Chat may scroll towards the end again before the page brings it back).
          const until = Date.now() + WAIT;
          let looks = 0;
          while (looks < 8 && Date.now() < until) {
            looks = (await firstLineInView()) ? looks + 1 : 0;
            await page.waitForTimeout(200);
          }
          expect(looks, 'the welcome\'s first line stays in view').to.equal(8);
          expect(await firstLineInView(), 'the welcome\'s first line is in view').to.equal(true);
          await screenshot(page, `layout-${name}-welcome-${kind}`);
        });

        it('opens a long answer at its title, not at its last button, with the message box still on screen', async () => {
          const { answer, question } = await longAnswer(app);
          const before = await say(page, question);
          const card = await botSays(page, 'More options', before + 1);
          // Let Web Chat finish scrolling (the guide offer may follow the card).
          await page.waitForTimeout(1500);
          const target = card.locator('.ac-textBlock').first();
          expect((await target.innerText()).replace(/[’‘]/g, "'")).to.equal(answer.title.replace(/[’‘]/g, "'"));
          const view = await page.locator('.webchat__basic-transcript__scrollable').first().boundingBox();
          const box = await target.boundingBox();
          expect(view && box, 'the transcript and the title have a place on screen').to.not.equal(null);
          if (view && box) {
            expect(box.y, 'the title is not above the view').to.be.at.least(view.y - 1);
            expect(box.y + box.height, 'the title is not below the view').to.be.at.most(view.y + view.height + 1);
          }
          expect(await inViewport(await sendBox(page)), 'the message box is still on screen').to.equal(true);
          const scroll = await scrollAreas(page);
          expect(scroll.pageScrolls, 'the page itself does not scroll').to.equal(false);
          expect(scroll.areas, `one scroll area: ${scroll.areas.join(', ')}`).to.have.length(1);
          await screenshot(page, `layout-${name}-long-answer-${kind}`);
        });

        it('an answer with a guide offers it inside its card: four buttons in the reply, the title first', async () => {
          const before = await say(page, 'what is sen support');
          const card = await botSays(page, 'Yes, go through it', before + 1);
          await page.waitForTimeout(1500);
          expect(await activities(page).count(), 'one reply: the offer is not a separate message').to.equal(before + 2);
          const buttons = (await card.getByRole('button').filter({ visible: true }).allInnerTexts()).map((b) => b.trim());
          expect(buttons).to.deep.equal(['Yes, go through it', 'More', 'Talk to someone', 'More options']);
          const view = await page.locator('.webchat__basic-transcript__scrollable').first().boundingBox();
          const inView = async (locator: Locator) => {
            const box = await locator.boundingBox();
            return !!(view && box && box.y >= view.y - 1 && box.y + box.height <= view.y + view.height + 1);
          };
          expect(await inView(card.locator('.ac-textBlock').first()), 'the title in view').to.equal(true);
          if (viewport.height >= 800) {
            // On a common phone and a desktop the offer and "Talk to someone" are on the first screen of the answer.
            expect(await inView(card.getByRole('button', { name: 'Yes, go through it' })), 'the offer in view').to.equal(true);
            expect(await inView(card.getByRole('button', { name: 'Talk to someone' })), '"Talk to someone" in view').to.equal(true);
          }
          await screenshot(page, `layout-${name}-guide-offer-${kind}`);
        });

        it('keeps text at 16px or larger', async () => {
          const small = await smallText(page);
          expect(small, small.join('\n')).to.deep.equal([]);
        });

        it('has no serious or critical accessibility violations (axe-core, WCAG 2.2 A and AA)', async () => {
          const bad = await axeProblems(page);
          expect(bad, bad.join('\n')).to.deep.equal([]);
        });
      });
    }

    // In a describe of its own, placed last: mocha runs a suite's own tests before its nested suites.
    describe('afterwards', () => {
      it('had no script errors, CSP violations or missing files (favicon included)', () => {
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    });
  });
}

