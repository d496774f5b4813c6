import { ActivityTypes, DeliveryModes, TurnContext, type Activity, type Middleware, type ResourceResponse } from 'botbuilder';

export interface TypingIndicatorOptions {
  /** How long a turn runs before the first "typing" is sent (default 500 ms, as ShowTypingMiddleware). */
  delayMs?: number;
  /** How often it is sent again while the turn still runs (default 2 s; Web Chat shows each for a few seconds). */
  periodMs?: number;
  /** Told when a "typing" could not be sent (the turn goes on regardless). */
  onError?: (err: Error) => void;
}

/**
 * Adapter middleware that sends "typing" while the bot works on a message, so Web Chat on Azure's
 * Direct Line (and Teams) shows its indicator. Like botbuilder's ShowTypingMiddleware (the first
 * after `delayMs`, then every `periodMs`), with three differences that matter here:
 *
 * - it stops as soon as the bot says something, and a "typing" still on its way is delivered
 *   before that reply, so no "typing" ever follows the answer (the bot's replies are held until
 *   its state is saved, see ConsistentTurns, so ShowTypingMiddleware, which stops only at the
 *   end of the turn, could send one after it);
 * - not for `deliveryMode: expectReplies` (the built-in Direct Line endpoint, the tests): those
 *   replies all arrive together when the turn ends, so a "typing" among them would only come
 *   after the answer; the endpoint shows its own while the turn runs;
 * - a "typing" that cannot be sent is reported to `onError`, not to onTurnError (which would
 *   tell the person something went wrong).
 */
export class TypingIndicator implements Middleware {
  private readonly delayMs: number;
  private readonly periodMs: number;

  constructor(private readonly options: TypingIndicatorOptions = {}) {
    this.delayMs = options.delayMs ?? 500;
    this.periodMs = options.periodMs ?? 2000;
    if (this.delayMs < 0 || this.periodMs <= 0) throw new Error('TypingIndicator: delayMs must be at least 0 and periodMs more than 0');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message || context.activity.deliveryMode === DeliveryModes.ExpectReplies) return next();
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let inFlight: Promise<unknown> = Promise.resolve();
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    const schedule = (ms: number) => {
      timer = setTimeout(() => {
        if (stopped) return;
        inFlight = this.sendTyping(context).then(() => {
          if (!stopped) schedule(this.periodMs);
        });
      }, ms);
    };
    // Registered here, first: it sees what the bot says when it says it (before any later handler holds it).
    context.onSendActivities(async (_ctx, activities: Array<Partial<Activity>>, send: () => Promise<ResourceResponse[]>) => {
      if (!stopped && activities.some((a) => a.type === ActivityTypes.Message)) {
        stop();
        await inFlight;
      }
      return send();
    });
    schedule(this.delayMs);
    try {
      await next();
    } finally {
      stop();
    }
  }

  private async sendTyping(context: TurnContext): Promise<void> {
    // Straight to the adapter: no other handler sees it, and it does not count as the bot responding.
    const typing = TurnContext.applyConversationReference({ type: ActivityTypes.Typing, relatesTo: context.activity.relatesTo }, TurnContext.getConversationReference(context.activity));
    try {
      await context.adapter.sendActivities(context, [typing]);
    } catch (err) {
      this.options.onError?.(err as Error);
    }
  }
}
