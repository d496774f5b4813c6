import type { BotState, ResourceResponse, TurnContext } from 'botbuilder';
import { isStateConflict } from './BlobStateStorage';

/** Said when a turn could not be saved after every attempt: the person knows to send it again. */
export const CONFLICT_REPLY = 'Sorry, that message crossed with another one in this conversation and I could not save it. Please send it again.';

export interface ConsistentTurnsOptions {
  /** The conversation's state, saved first; a conflict on it redoes the whole turn. */
  conversationState: BotState;
  /** The user's state, saved after; it merges its own conflicts (EtagUserState). */
  userState: BotState;
  /** How many times a turn is run before the person is asked to send it again (default 5). */
  attempts?: number;
  /** Told of each conflict (by attempt number only: never the message). */
  onConflict?: (attempt: number) => void;
}

/**
 * Runs each turn so that no answer is lost when two instances (or two requests) serve one
 * conversation at once:
 *
 * 1. turns of one conversation in this process run one after another;
 * 2. what the turn sends is held back until its state is saved;
 * 3. the state is written with the eTag it was read with (EtagConversationState): if another
 *    instance wrote first, the held replies are dropped, the state is read again and the turn is
 *    run again on it (with a short random pause), so the message is answered from where the
 *    conversation really is;
 * 4. after the last attempt the person is told plainly to send it again: never a silent loss.
 *
 * A turn that fails for another reason sends what it had already said, and the error goes on to
 * the adapter's onTurnError as before. Send handlers registered before this one (adapter
 * middleware) see every attempt's activities, the dropped ones too; those registered after it,
 * and the adapter, see only what is really sent.
 */
export class ConsistentTurns {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly attempts: number;

  constructor(private readonly options: ConsistentTurnsOptions) {
    this.attempts = options.attempts ?? 5;
  }

  /**
   * Runs `logic` for the turn, then saves both states; see the class comment. `committed` runs
   * once, after the attempt whose conversation state was saved and before its replies are sent
   * (the analytics record: an attempt that was redone is never recorded).
   */
  async run(context: TurnContext, logic: (context: TurnContext) => Promise<void>, committed?: (context: TurnContext) => Promise<void>): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const turn = previous.then(() => this.runHeld(context, logic, committed));
    const settled = turn.catch(() => undefined);
    this.queues.set(key, settled);
    try {
      return await turn;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }

  private async runHeld(context: TurnContext, logic: (context: TurnContext) => Promise<void>, committed: ((context: TurnContext) => Promise<void>) | undefined): Promise<void> {
    // Each held send is the rest of TurnContext's send chain for those activities: the handlers
    // registered after this one and the adapter's own send, run once the state is saved.
    let held: Array<() => Promise<unknown>> = [];
    let holding = true;
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!holding) return next();
      held.push(next);
      // As the adapter would: a prompt that already said something does not re-prompt.
      if (activities.some((a) => a.type !== 'trace')) context.responded = true;
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
    const release = async (sends: Array<() => Promise<unknown>>): Promise<void> => {
      holding = false;
      for (const send of sends) await send();
    };

    for (let attempt = 1; ; attempt += 1) {
      held = [];
      try {
        await logic(context);
        await this.options.conversationState.saveChanges(context, false);
      } catch (err) {
        if (!isStateConflict(err)) {
          await release(held);
          throw err;
        }
        this.options.onConflict?.(attempt);
        if (attempt >= this.attempts) {
          await release([]);
          await context.sendActivity(CONFLICT_REPLY);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
        await this.options.conversationState.load(context, true);
        await this.options.userState.load(context, true);
        resetResponded(context);
        continue;
      }
      // The conversation's turn is saved: it must not be run again, whatever the user state does
      // (EtagUserState merges its own conflicts; an error left after that goes to onTurnError).
      try {
        await this.options.userState.saveChanges(context, false);
      } finally {
        try {
          await committed?.(context);
        } finally {
          await release(held);
        }
      }
      return;
    }
  }
}

/** A redone turn starts as if nothing had been said (TurnContext only lets `responded` go to true). */
function resetResponded(context: TurnContext): void {
  const ref = (context as unknown as { _respondedRef?: { responded: boolean } })._respondedRef;
  if (ref && typeof ref.responded === 'boolean') ref.responded = false;
}
