import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { GUIDE_OFFER_QUESTION, GUIDE_OFFER_YES, MAX_VISIBLE_CARD_BUTTONS } from '../../src/bot/AnswerCards';
import { adaptiveCard } from './activityText';

type Node = Record<string, unknown>;

/** The buttons a person sees before opening anything: card actions outside hidden parts, and suggested actions. */
export function visibleButtons(activity: Partial<Activity>): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (o.isVisible === false) return;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(String(o.title));
    for (const k of ['body', 'items', 'actions', 'columns']) if (k in o) walk(o[k]);
  };
  walk(adaptiveCard(activity));
  for (const s of activity.suggestedActions?.actions ?? []) out.push(String(s.title));
  return out;
}

/**
 * The answer card with the guide offer inside it: the answer (its source behind "More"), the
 * question, "Yes, go through it" and "Talk to someone" in view, and no more than four buttons.
 */
export function answerOfferingGuide(title: RegExp): (reply: Partial<Activity>, text: string) => void {
  return (reply, text) => {
    expect(text).to.match(title);
    expect(text).to.match(/Source: /);
    expect(text).to.include(GUIDE_OFFER_QUESTION);
    const shown = visibleButtons(reply);
    expect(shown, 'the offer and "Talk to someone" in view').to.include.members([GUIDE_OFFER_YES, 'Talk to someone']);
    expect(shown.length, `at most ${MAX_VISIBLE_CARD_BUTTONS} buttons: ${shown.join(', ')}`).to.be.at.most(MAX_VISIBLE_CARD_BUTTONS);
  };
}
