import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Answer } from '../knowledge/Answer';
import type { SafetyAssessment } from '../safety/SafetyAssessment';
import { contactsFor, contactsHeading } from '../safety/crisisContacts';
import { CardAction, submit } from './CardActions';

/** Where the turn's safety finding is kept (TurnContext.turnState), so nothing assesses the same message twice. */
export const SAFETY_TURN_KEY = Symbol('safetyAssessment');

type Element = Record<string, unknown>;

/** UK numbers as the answers write them: 999, 111, 101, 116 123, 0800 1111, 0800 068 4141, 0808 800 5000. */
const PHONE = /\b(999|111|101|116 123|0[0-9]{3} [0-9]{3} [0-9]{4}|0[0-9]{3} [0-9]{4})\b/g;
/** "text SHOUT to 85258". */
const SMS = /\btext ([A-Z]{3,}) to ([0-9]{5})\b/;

/** The digits to dial for a number as written. */
export function telHref(number: string): string {
  return `tel:${number.replace(/\D/g, '')}`;
}

/** Markdown with every phone number a tap-to-call link (tel:). */
export function withTelLinks(markdown: string): string {
  return markdown.replace(PHONE, (n) => `[${n}](${telHref(n)})`);
}

function openUrl(title: string, url: string): Element {
  return { type: 'Action.OpenUrl', title, url };
}

/** The card's text blocks from an answer's Markdown: one per line, numbers linked, list items kept. */
function blocks(body: string): Element[] {
  return body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'TextBlock', text: withTelLinks(line), wrap: true, spacing: 'Small' }));
}

/** Under an urgent card the sentence model alone asked for: the person's question is kept for one turn. */
export const HELD_QUESTION_OFFER = 'If you are safe and this was a question about support, I can answer it now.';
export const ANSWER_HELD_TITLE = "I'm safe: answer my question";

/**
 * The urgent card: shown once (one card where cards render; plain text only where they do not),
 * 999 first with a "Call 999" button straight under it, every number a tap-to-call link, Shout
 * as a text-message button; short enough that 999 is on the first screen of a phone.
 */
export function urgentActivity(answer: Answer, sourceLine: string, plainText: string, cards: boolean, offerHeldAnswer = false): Partial<Activity> {
  if (!cards) return MessageFactory.text(offerHeldAnswer ? `${plainText}\n\n${HELD_QUESTION_OFFER} Say "I'm safe" and I will.` : plainText);
  const [first, ...rest] = blocks(answer.body);
  const sms = SMS.exec(answer.body);
  // Shout is a text, not a call: in the card its line becomes a button that opens a text
  // message (sms:), in its place in the list; the plain-text fallback keeps the line.
  const shout = (e: Element) => !!sms && SMS.test(String(e.text));
  const body: Element[] = [
    // The title in the text colour, not Adaptive Cards' "Attention" red: Web Chat's red (#d13438)
    // on the card's grey is 4.4:1, under WCAG AA's 4.5:1 (axe, tests/browser/webchat.e2e.test.ts).
    { type: 'TextBlock', text: answer.title, weight: 'Bolder', size: 'Large', wrap: true, style: 'heading' },
    { ...first, weight: 'Bolder', spacing: 'Small' },
    { type: 'ActionSet', actions: [openUrl('Call 999', 'tel:999')] },
    ...rest.map((e) => (shout(e) && sms ? { type: 'ActionSet', actions: [openUrl(`Text ${sms[1]} to ${sms[2]}`, `sms:${sms[2]}?body=${sms[1]}`)] } : e)),
  ];
  body.push({ type: 'TextBlock', text: sourceLine, wrap: true, isSubtle: true, size: 'Small' });
  if (offerHeldAnswer) {
    // Last, after every contact: the way on for a question that was not a crisis.
    body.push({ type: 'TextBlock', text: HELD_QUESTION_OFFER, wrap: true, spacing: 'Medium' });
    body.push({ type: 'ActionSet', actions: [submit(ANSWER_HELD_TITLE, { action: CardAction.AnswerHeldQuestion })] });
  }
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: plainText,
      speak: plainText.slice(0, 1000),
      body,
    }),
  );
}

/** The crisis contacts shown with an answer when risk is the subject but nobody is at risk now (support). */
export function supportContactsActivity(found: Pick<SafetyAssessment, 'kind'>, cards: boolean): Partial<Activity> {
  const heading = contactsHeading(found.kind);
  const lines = contactsFor(found.kind);
  if (!cards) return MessageFactory.text(`${heading}:\n${lines.map((l) => `- ${l.text}`).join('\n')}`);
  const text = `${heading}:\n${lines.map((l) => `- ${l.text}`).join('\n')}`;
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: text,
      speak: text.slice(0, 1000),
      body: [
        { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true, style: 'heading' },
        ...lines.map((l) => ({ type: 'TextBlock', text: withTelLinks(l.text), wrap: true, spacing: 'Small' })),
      ],
    }),
  );
}
