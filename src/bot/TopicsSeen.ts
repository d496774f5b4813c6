import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/** At most this many topics are remembered in a conversation (the most recent). */
export const MAX_TOPICS_SEEN = 10;

/**
 * The answers shown in this conversation, by id, in conversation state: so a callback request
 * can, with the person's separate consent, tell the service what was talked about. Only answer
 * ids are kept, never what the person typed.
 */
export class TopicsSeen {
  constructor(private readonly accessor: StatePropertyAccessor<string[]>) {}

  async record(context: TurnContext, id: string): Promise<void> {
    const ids = (await this.accessor.get(context, [])).filter((x) => x !== id);
    ids.push(id);
    await this.accessor.set(context, ids.slice(-MAX_TOPICS_SEEN));
  }

  /** The ids, oldest first (an answer shown again moves to the end). */
  async list(context: TurnContext): Promise<string[]> {
    return [...(await this.accessor.get(context, []))];
  }

  async clear(context: TurnContext): Promise<void> {
    await this.accessor.delete(context);
  }
}
