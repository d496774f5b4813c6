/**
 * What a card button sends back as `activity.value`. The bot handles these as actions:
 * a button press is never matched as if it were typed text.
 */
export const CardAction = {
  /** Show answer `id` (a follow-up button, or a pick from "Did you mean…"). */
  ShowAnswer: 'showAnswer',
  /** "None of these" after "Did you mean…". */
  NoneOfThese: 'noneOfThese',
  /** "Was this helpful?" yes/no on answer `id`. */
  Feedback: 'feedback',
  /** "Talk to someone": the SENDIASS hand-off. */
  TalkToSomeone: 'talkToSomeone',
  /** Start guide `guide`. */
  StartGuide: 'startGuide',
  /** "Copy as text": the answer `id` as plain text for an email. */
  CopyAsText: 'copyAsText',
  /** "I'm safe: answer my question", under an urgent card that held a question back. */
  AnswerHeldQuestion: 'answerHeldQuestion',
} as const;

export type CardActionName = (typeof CardAction)[keyof typeof CardAction];

export interface CardActionValue {
  action: CardActionName | string;
  id?: string;
  helpful?: boolean;
  guide?: string;
  [key: string]: unknown;
}

const KNOWN = new Set<string>(Object.values(CardAction));

/** The card action an activity carries, if any (Web Chat and Teams put it in `value`). */
export function readCardAction(value: unknown): CardActionValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return typeof v.action === 'string' ? (v as CardActionValue) : undefined;
}

export function isRootCardAction(v: CardActionValue): boolean {
  return KNOWN.has(v.action);
}

/** A card button that sends `data` back as an action; in Teams (msteams.messageBack) its words show in the chat as the user's turn. */
export function submit(title: string, data: CardActionValue): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { ...data, msteams: { type: 'messageBack', displayText: title } } };
}
