import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { readCardAction, type CardActionValue } from '../../src/bot/CardActions';

/** A reply as it came: what was typed, and the card button pressed (if one was). */
export interface Reply {
  text: string;
  action?: CardActionValue;
}

/**
 * Sends a question (an activity already built) and hands back whatever comes next, typed or
 * pressed, for the dialog's own step to read: the hand-off's questions each read replies their
 * own way (yes/no, a phone number or email, a review choice) and word their own retries.
 * A message with neither text nor a button asks again.
 */
export class ReplyPrompt extends Prompt<Reply> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = (isRetry && options.retryPrompt) || options.prompt;
    if (activity) await context.sendActivity(activity as Partial<Activity>);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<Reply>> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) return { succeeded: false };
    const text = (activity.text ?? '').trim();
    const action = readCardAction(activity.value);
    if (!text && !action) return { succeeded: false };
    return { succeeded: true, value: action ? { text, action } : { text } };
  }
}
