import crypto from 'node:crypto';
import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction as BfCardAction } from 'botbuilder';
import type { Answer } from '../knowledge/Answer';
import type { AnswerService } from '../matching/AnswerService';
import { CardAction, submit, type CardActionValue } from './CardActions';
import { formatAnswerText } from '../matching/formatAnswerText';
import { urgentActivity } from './SafetyCards';
import { SAFETY_LINE } from '../safety/SafetyAssessment';

/** Channels that render Adaptive Cards; everywhere else gets plain text with suggested actions. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test']);

/** Teams shows at most three suggested actions; we keep to three everywhere. */
export const MAX_SUGGESTED_ACTIONS = 3;

/** Buttons an answer card shows before "More options" is opened. */
export const MAX_VISIBLE_CARD_BUTTONS = 4;

/** The guide offer an answer can carry: asked in the answer's own card, not as a message after it. */
export const GUIDE_OFFER_QUESTION = 'Would you like me to go through your situation?';
export const GUIDE_OFFER_YES = 'Yes, go through it';

/** A guided conversation offered with an answer (its dialog id). */
export interface GuideOffer {
  id: string;
}

/** The answer's first paragraph (the direct answer) and the rest (the details). */
export function splitAnswerBody(body: string): { lead: string; rest: string } {
  const paragraphs = body.trim().split(/\n\s*\n/);
  return { lead: paragraphs[0], rest: paragraphs.slice(1).join('\n\n') };
}

/** A show/hide button for a card's hidden part, with a plain fallback where cards cannot toggle. */
export function toggle(title: string, target: string, fallback: AdaptiveElement | 'drop'): AdaptiveElement {
  return { type: 'Action.ToggleVisibility', title, targetElements: [target], fallback };
}

export function supportsCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}

export type AdaptiveElement = Record<string, unknown>;

export function card(body: AdaptiveElement[], actions: AdaptiveElement[], fallbackText: string) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    speak: fallbackText.slice(0, 1000),
    body,
    actions,
  });
}

/**
 * Builds what the bot sends: answers as Adaptive Cards (title, answer, source line, up to
 * three follow-ups, "Was this helpful?", "Talk to someone") with a plain-text fallback.
 */
export class AnswerCards {
  constructor(private readonly answers: AnswerService) {}

  sourceLine(answer: Answer): string {
    const labels = [...new Set(answer.sources.map((s) => this.answers.sourceLabel(s.file)))];
    return `Source: ${labels.join('; ')}`;
  }

  /** The answer as plain text with its source: for channels without cards, emails and the terminal. */
  plainText(answer: Answer, email = false): string {
    return formatAnswerText(answer, (f) => this.answers.sourceLabel(f), email);
  }

  /**
   * An answer card, short: the title, the direct answer (the body's first paragraph), and
   * "More" (Action.ToggleVisibility) for the details (the rest of the body and the source line);
   * then "Talk to someone" and "More options", which opens the follow-ups, "Copy as text" and
   * "Was this helpful?". Three buttons show at first (MAX_VISIBLE_CARD_BUTTONS at most). Where
   * a card cannot toggle, "More" asks for the whole answer as text; the card's fallbackText is
   * the whole answer too. `turn`: the record id of the turn showing it, which "Was this
   * helpful?" reports against (the analytics). `guide`: a guide to offer, inside the same card
   * (the question, then "Yes, go through it" as the first button: four buttons in all), so one
   * reply never shows more than four; where there are no cards, in the text and as the first
   * suggested action.
   */
  answer(answer: Answer, channelId: string | undefined, turn?: string, guide?: GuideOffer): Partial<Activity> {
    const followUps = answer.followUps.slice(0, MAX_SUGGESTED_ACTIONS).map((id) => ({ id, title: this.answers.title(id) }));
    const text = this.plainText(answer);
    if (!supportsCards(channelId)) {
      if (guide) {
        return MessageFactory.suggestedActions(
          [GUIDE_OFFER_YES, ...followUps.map((f) => f.title)].slice(0, MAX_SUGGESTED_ACTIONS),
          `${text}\n\n${GUIDE_OFFER_QUESTION} Say "yes", or ask another question. You can also say "talk to someone".`,
        );
      }
      return MessageFactory.suggestedActions(followUps.map((f) => f.title), `${text}\n\nYou can also say "talk to someone".`);
    }
    // Element ids are ids in the page too: unique per card, so two cards never share one.
    const tag = crypto.randomBytes(4).toString('hex');
    const detailsId = `details-${tag}`;
    const optionsId = `options-${tag}`;
    const { lead, rest } = splitAnswerBody(answer.body);
    const wholeAsText = submit('Show the whole answer', { action: CardAction.CopyAsText, id: answer.id });
    const options: AdaptiveElement[] = [];
    if (followUps.length) {
      options.push({ type: 'TextBlock', text: 'You might also want to know', weight: 'Bolder', wrap: true });
      options.push({ type: 'ActionSet', actions: followUps.map((f) => submit(f.title, { action: CardAction.ShowAnswer, id: f.id })) });
    }
    options.push({ type: 'ActionSet', actions: [submit('Copy as text', { action: CardAction.CopyAsText, id: answer.id })] });
    options.push({ type: 'TextBlock', text: 'Was this helpful?', wrap: true, spacing: 'Medium' });
    options.push({
      type: 'ActionSet',
      actions: [
        submit('Yes', { action: CardAction.Feedback, id: answer.id, helpful: true, ...(turn ? { turn } : {}) }),
        submit('No', { action: CardAction.Feedback, id: answer.id, helpful: false, ...(turn ? { turn } : {}) }),
      ],
    });
    const body: AdaptiveElement[] = [
      { type: 'TextBlock', text: answer.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: lead, wrap: true },
      {
        type: 'Container',
        id: detailsId,
        isVisible: false,
        items: [
          ...(rest ? [{ type: 'TextBlock', text: rest, wrap: true }] : []),
          { type: 'TextBlock', text: this.sourceLine(answer), wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
        ],
      },
      // What to do next: the guide, when there is one for this answer.
      ...(guide
        ? [
            { type: 'TextBlock', text: GUIDE_OFFER_QUESTION, weight: 'Bolder', wrap: true, spacing: 'Medium' },
            { type: 'ActionSet', actions: [submit(GUIDE_OFFER_YES, { action: CardAction.StartGuide, guide: guide.id })] },
          ]
        : []),
      {
        type: 'ActionSet',
        actions: [
          toggle('More', detailsId, wholeAsText),
          submit('Talk to someone', { action: CardAction.TalkToSomeone }),
          toggle('More options', optionsId, 'drop'),
        ],
      },
      { type: 'Container', id: optionsId, isVisible: false, spacing: 'Small', items: options },
    ];
    // (The fallback text stays the answer alone: it is what "Copy as text" copies.)
    return MessageFactory.attachment(card(body, [], text));
  }

  /**
   * The answer as an officer sends it from the compose box: title, answer and source only
   * (no buttons: the person receiving it is not talking to the bot).
   */
  composeCard(answer: Answer) {
    const text = this.plainText(answer, true);
    return card(
      [
        { type: 'TextBlock', text: answer.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
        { type: 'TextBlock', text: answer.body, wrap: true },
        { type: 'TextBlock', text: this.sourceLine(answer), wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
      ],
      [],
      text,
    );
  }

  /** The urgent card, shown once: see SafetyCards.urgentActivity (999 first, tap-to-call numbers). */
  urgent(answer: Answer, channelId: string | undefined, offerHeldAnswer = false): Partial<Activity> {
    return urgentActivity(answer, this.sourceLine(answer), this.plainText(answer), supportsCards(channelId), offerHeldAnswer);
  }

  /** "Did you mean"; `guide`: the guide offered after the first candidate, offered here too ("go through my situation"). */
  clarify(all: Answer[], channelId: string | undefined, guide?: { id: string; title: string }): Partial<Activity> {
    // At most four buttons: with a guide beside them, the two likeliest answers.
    const candidates = guide ? all.slice(0, 2) : all;
    // One choice when the only other near answer is a subject we do not cover.
    const intro = candidates.length === 1 ? 'I am not sure I have understood. Did you mean:' : 'I am not sure which of these you mean. Did you mean:';
    const lines = candidates.map((c, i) => `${i + 1}. ${c.title}`).join('\n');
    const guideLine = guide ? `\nOr I can go through your situation: ${guide.title}.` : '';
    if (!supportsCards(channelId)) {
      return MessageFactory.suggestedActions(
        [...candidates.map((c) => c.title), ...(guide ? [guide.title] : []), 'None of these'].slice(0, MAX_SUGGESTED_ACTIONS + 1),
        `${intro}\n${lines}${guideLine}\nOr say "none of these".`,
      );
    }
    const actions = [
      ...candidates.map((c) => submit(c.title, { action: CardAction.ShowAnswer, id: c.id })),
      ...(guide ? [submit(guide.title, { action: CardAction.StartGuide, guide: guide.id })] : []),
      submit('None of these', { action: CardAction.NoneOfThese }),
    ];
    return MessageFactory.attachment(
      card([{ type: 'TextBlock', text: intro, wrap: true, weight: 'Bolder' }, { type: 'ActionSet', actions }], [], `${intro}\n${lines}${guideLine}\nOr "none of these".`),
    );
  }

  none(channelId: string | undefined): Partial<Activity> {
    const text =
      "I'm sorry, I don't have a checked answer to that. I only answer questions about SEN support in schools, from published guidance. " +
      'Your local SEND information, advice and support service (SENDIASS) can help: it is free, confidential and impartial.' +
      `\n\n${SAFETY_LINE}`;
    if (!supportsCards(channelId)) {
      return MessageFactory.suggestedActions(['Talk to someone', 'Help'], text.replace(`\n\n${SAFETY_LINE}`, `\nSay "talk to someone" for their details.\n\n${SAFETY_LINE}`));
    }
    return MessageFactory.attachment(
      card([{ type: 'TextBlock', text, wrap: true }], [submit('Talk to someone', { action: CardAction.TalkToSomeone })], text),
    );
  }

  /** A menu of what the assistant can do: used by the welcome and by "help". */
  menu(intro: string, guides: Array<{ id: string; title: string }>, channelId: string | undefined): Partial<Activity> {
    const items = [
      'Answer questions about SEN support, EHC needs assessments and plans, from checked sources',
      ...guides.map((g) => g.title),
      'Put you in touch with your local SENDIASS (say "talk to someone")',
    ];
    const text = `${intro}\n\nI can:\n${items.map((i) => `- ${i}`).join('\n')}\n\nSay "start over" at any time, or "help" to see this again.`;
    if (!supportsCards(channelId)) {
      return MessageFactory.suggestedActions([...guides.map((g) => g.title), 'Talk to someone'].slice(0, MAX_SUGGESTED_ACTIONS), text);
    }
    const actions = [
      ...guides.map((g) => submit(g.title, { action: CardAction.StartGuide, guide: g.id })),
      submit('Talk to someone', { action: CardAction.TalkToSomeone }),
    ];
    return MessageFactory.attachment(card([{ type: 'TextBlock', text, wrap: true }], actions, text));
  }

  /** A yes/no question as suggested actions (free text is accepted too). */
  static yesNo(text: string, yes = 'Yes please', no = 'No thanks'): Partial<Activity> {
    return MessageFactory.suggestedActions([yes, no], text);
  }

  static suggested(text: string, options: string[]): Partial<Activity> {
    return MessageFactory.suggestedActions(options.slice(0, MAX_SUGGESTED_ACTIONS), text);
  }

  static button(title: string, value: CardActionValue): BfCardAction {
    return { type: ActionTypes.MessageBack, title, value, displayText: title, text: '' };
  }
}
