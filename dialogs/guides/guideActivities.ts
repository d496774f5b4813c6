import { InputHints, MessageFactory, type Activity } from 'botbuilder';
import { MAX_SUGGESTED_ACTIONS } from '../../src/bot/AnswerCards';

/**
 * Channels that show suggested actions (buttons above the text box). Teams shows at most three
 * there, so no guide offers more. Other channels, the `test` channel among them, get the
 * common answers in words instead: a button that cannot be shown must not be the only way.
 */
const SUGGESTED_ACTION_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'directlinespeech']);

export function showsSuggestedActions(channelId: string | undefined): boolean {
  return SUGGESTED_ACTION_CHANNELS.has(channelId ?? '');
}

/** "a", "b" or "c", each in quotes. */
export function quotedList(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** A question with its common answers: as suggested actions where the channel shows them, in words elsewhere. */
export function questionActivity(channelId: string | undefined, text: string, suggestions: readonly string[]): Partial<Activity> {
  const options = suggestions.slice(0, MAX_SUGGESTED_ACTIONS);
  let activity: Partial<Activity>;
  if (options.length === 0) activity = MessageFactory.text(text);
  else if (showsSuggestedActions(channelId)) activity = MessageFactory.suggestedActions(options, text);
  else activity = MessageFactory.text(`${text}\n\nYou can say ${quotedList(options)}, or answer in your own words.`);
  activity.inputHint = InputHints.ExpectingInput;
  return activity;
}

/** Things the person might ask next: suggested actions where the channel shows them, otherwise the text alone (it lists them). */
export function suggestionsActivity(channelId: string | undefined, text: string, suggestions: readonly string[]): Partial<Activity> {
  const options = suggestions.slice(0, MAX_SUGGESTED_ACTIONS);
  return showsSuggestedActions(channelId) && options.length ? MessageFactory.suggestedActions(options, text) : MessageFactory.text(text);
}
