import { expect } from 'chai';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { AnswerService } from '../../src/matching/AnswerService';
import { SafetyDetector } from '../../src/safety/SafetyDetector';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths';
import { AnswerCards, GUIDE_OFFER_QUESTION, GUIDE_OFFER_YES, MAX_SUGGESTED_ACTIONS, MAX_VISIBLE_CARD_BUTTONS, splitAnswerBody } from '../../src/bot/AnswerCards';
import { CardAction } from '../../src/bot/CardActions';
import { adaptiveCard } from '../support/activityText';

type Node = Record<string, unknown>;
const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR);
const answers = new AnswerService(kb, new AnswerMatcher(kb), new SafetyDetector());
const cards = new AnswerCards(answers);

/** The actions a person sees before opening anything: those not inside a hidden container. */
function visibleActions(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    node.forEach((n) => visibleActions(n, out));
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const o = node as Node;
  if (o.isVisible === false) return out;
  if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
  for (const k of ['body', 'items', 'actions']) if (k in o) visibleActions(o[k], out);
  return out;
}

function byId(node: unknown, id: string): Node | undefined {
  if (Array.isArray(node)) return node.map((n) => byId(n, id)).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const o = node as Node;
  if (o.id === id) return o;
  return ['body', 'items', 'actions'].map((k) => byId(o[k], id)).find(Boolean);
}

describe('AnswerCards: short answer cards', () => {
  for (const answer of kb.answers) {
    it(`${answer.id}: the direct answer first, the details behind "More", at most ${MAX_VISIBLE_CARD_BUTTONS} buttons, the rest in "More options"`, () => {
      const content = adaptiveCard(cards.answer(answer, 'webchat')) as Node;
      const body = content.body as Node[];
      expect(body[0].text).to.equal(answer.title);
      expect(body[1].text).to.equal(splitAnswerBody(answer.body).lead);
      const shown = visibleActions(content);
      expect(shown.length).to.be.at.most(MAX_VISIBLE_CARD_BUTTONS);
      expect(shown.map((a) => a.title)).to.deep.equal(['More', 'Talk to someone', 'More options']);
      const [more, , options] = shown;
      expect(more.type).to.equal('Action.ToggleVisibility');
      // Where a card cannot toggle, "More" asks for the whole answer as text.
      expect((more.fallback as Node).type).to.equal('Action.Submit');
      const details = byId(content, (more.targetElements as string[])[0]) as Node;
      expect(details.isVisible).to.equal(false);
      const detailText = (details.items as Node[]).map((i) => i.text).join('\n');
      expect(detailText).to.include(cards.sourceLine(answer));
      const rest = splitAnswerBody(answer.body).rest;
      if (rest) expect(detailText).to.include(rest);
      const hidden = byId(content, (options.targetElements as string[])[0]) as Node;
      expect(hidden.isVisible).to.equal(false);
      const inOptions = JSON.stringify(hidden);
      for (const id of answer.followUps) expect(inOptions).to.include(`"id":"${id}"`);
      expect(inOptions).to.include('"title":"Copy as text"');
      // The "Was this helpful?" values stay as they were (the analytics records them).
      expect(inOptions).to.include(JSON.stringify({ action: CardAction.Feedback, id: answer.id, helpful: true }).slice(1, -1));
      expect(inOptions).to.include(JSON.stringify({ action: CardAction.Feedback, id: answer.id, helpful: false }).slice(1, -1));
      // The whole answer, as plain text, where cards do not render.
      expect(content.fallbackText).to.equal(cards.plainText(answer));
    });
  }

  it('gives every card its own element ids, so two cards on one page never share one', () => {
    const answer = kb.answers[0];
    const ids = (c: Node) => JSON.stringify(c).match(/"id":"(details|options)-[0-9a-f]+"/g);
    const a = ids(adaptiveCard(cards.answer(answer, 'webchat')) as Node);
    const b = ids(adaptiveCard(cards.answer(answer, 'webchat')) as Node);
    expect(a).to.have.length(2);
    expect(a).to.not.deep.equal(b);
  });

  it('keeps plain text with suggested actions where cards do not render', () => {
    const answer = kb.answers[0];
    const reply = cards.answer(answer, 'sms');
    expect(reply.attachments ?? []).to.have.length(0);
    expect(reply.text).to.equal(`${cards.plainText(answer)}\n\nYou can also say "talk to someone".`);
  });

  it('carries the guide offer inside the answer card: the question, "Yes, go through it" first, four buttons in all', () => {
    const answer = kb.get('what-is-sen-support') as NonNullable<ReturnType<typeof kb.get>>;
    const content = adaptiveCard(cards.answer(answer, 'webchat', undefined, { id: 'sen-support-guide' })) as Node;
    const shown = visibleActions(content);
    expect(shown.map((a) => a.title)).to.deep.equal([GUIDE_OFFER_YES, 'More', 'Talk to someone', 'More options']);
    expect(shown.length).to.be.at.most(MAX_VISIBLE_CARD_BUTTONS);
    expect(shown[0].data).to.deep.include({ action: CardAction.StartGuide, guide: 'sen-support-guide' });
    const texts = (content.body as Node[]).filter((b) => b.type === 'TextBlock').map((b) => b.text);
    expect(texts.slice(0, 2)).to.deep.equal([answer.title, splitAnswerBody(answer.body).lead]);
    expect(texts).to.include(GUIDE_OFFER_QUESTION);
    // "Copy as text" still copies the answer alone.
    expect(content.fallbackText).to.equal(cards.plainText(answer));
  });

  it('where cards do not render, asks the guide question in the text with "Yes, go through it" first (three suggested actions at most)', () => {
    const answer = kb.get('what-is-sen-support') as NonNullable<ReturnType<typeof kb.get>>;
    const reply = cards.answer(answer, 'sms', undefined, { id: 'sen-support-guide' });
    expect(reply.text).to.include(GUIDE_OFFER_QUESTION);
    const actions = (reply.suggestedActions?.actions ?? []).map((a) => a.title);
    expect(actions[0]).to.equal(GUIDE_OFFER_YES);
    expect(actions.length).to.be.at.most(MAX_SUGGESTED_ACTIONS);
  });

  it('"Did you mean" with the guide that follows the likeliest answer: at most four buttons, the guide among them', () => {
    const three = ['when-to-request-ehc-needs-assessment', 'how-to-request-ehc-needs-assessment', 'what-is-an-ehc-plan'].map((id) => kb.get(id) as NonNullable<ReturnType<typeof kb.get>>);
    const card = adaptiveCard(cards.clarify(three, 'webchat', { id: 'ehc-check', title: "Check if it's time to ask for an EHC needs assessment" })) as Node;
    const shown = visibleActions(card);
    expect(shown.length).to.be.at.most(MAX_VISIBLE_CARD_BUTTONS);
    expect(shown.map((a) => a.title)).to.deep.equal([three[0].title, three[1].title, "Check if it's time to ask for an EHC needs assessment", 'None of these']);
    expect(visibleActions(adaptiveCard(cards.clarify(three, 'webchat')) as Node).map((a) => a.title)).to.deep.equal([...three.map((a) => a.title), 'None of these']);
  });

  it('"Did you mean" with one answer (its only near runner-up out of scope) asks plainly and keeps "None of these"', () => {
    const one = [kb.get('early-help-and-family-support') as NonNullable<ReturnType<typeof kb.get>>];
    const card = adaptiveCard(cards.clarify(one, 'webchat')) as Node;
    expect(JSON.stringify(card)).to.include('I am not sure I have understood. Did you mean:').and.not.include('which of these');
    expect(visibleActions(card).map((a) => a.title)).to.deep.equal([one[0].title, 'None of these']);
    const text = cards.clarify(one, 'sms');
    expect(text.text).to.include('I am not sure I have understood.');
    expect((text.suggestedActions?.actions ?? []).map((a) => a.title)).to.deep.equal([one[0].title, 'None of these']);
  });
});
