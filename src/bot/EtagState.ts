import { ConversationState, UserState, type BotState, type Storage, type TurnContext } from 'botbuilder';
import { isStateConflict } from './BlobStateStorage';

/** What a state looked like when this turn read it: its JSON (without the eTag) and the eTag. */
interface Snapshot {
  json: string;
  eTag?: string;
}

type StateObject = Record<string, unknown> & { eTag?: string };

function withoutETag(state: StateObject): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = state;
  return rest;
}

/**
 * botbuilder's BotState.saveChanges always writes with eTag "*" (last writer wins), so two
 * instances serving one conversation silently overwrite each other. This keeps the eTag the state
 * was read with and writes with it: the storage refuses the write when someone else wrote first.
 *
 * - `conflict: 'throw'` (conversation state): the conflict is thrown, for the turn to be redone on
 *   the fresh state (ConsistentTurns); merging two dialog stacks would be nonsense.
 * - `conflict: 'merge'` (user state: the area a person gave, seen from all their conversations):
 *   the properties this turn changed are laid over a fresh read and written again.
 */
class EtagTracker {
  private readonly snapshots = new WeakMap<TurnContext, Snapshot>();

  constructor(
    private readonly conflict: 'throw' | 'merge',
    private readonly mergeAttempts = 5,
  ) {}

  /** Called after BotState.load: remembers the state as read, once per read. */
  remember(context: TurnContext, state: StateObject, fresh: boolean): void {
    if (fresh || !this.snapshots.has(context)) this.snapshots.set(context, { json: JSON.stringify(withoutETag(state)), eTag: state.eTag });
  }

  async save(context: TurnContext, state: StateObject | undefined, key: string, storage: Storage, force: boolean): Promise<void> {
    const snapshot = this.snapshots.get(context);
    if (!state) {
      if (!force) return;
      state = {};
    }
    const body = withoutETag(state);
    const json = JSON.stringify(body);
    if (!force && snapshot && snapshot.json === json) return;
    // BotState.clear() replaces the object (losing its eTag): the read's eTag still stands.
    const eTag = typeof state.eTag === 'string' && state.eTag !== '*' ? state.eTag : snapshot?.eTag;
    const item: StateObject = { ...body, ...(eTag ? { eTag } : {}) };
    try {
      await storage.write({ [key]: item });
    } catch (err) {
      if (this.conflict === 'throw' || !isStateConflict(err)) throw err;
      await this.mergeAndWrite(storage, key, snapshot ? (JSON.parse(snapshot.json) as Record<string, unknown>) : {}, body, item);
    }
    if (item.eTag) state.eTag = item.eTag;
    this.snapshots.set(context, { json, eTag: item.eTag });
  }

  /** Lays the properties this turn changed (against what it read) over a fresh read, and writes that. */
  private async mergeAndWrite(storage: Storage, key: string, base: Record<string, unknown>, mine: Record<string, unknown>, item: StateObject): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const fresh = ((await storage.read([key]))[key] ?? {}) as StateObject;
      const merged: Record<string, unknown> = withoutETag(fresh);
      for (const name of new Set([...Object.keys(base), ...Object.keys(mine)])) {
        if (JSON.stringify(base[name]) === JSON.stringify(mine[name])) continue;
        if (mine[name] === undefined) delete merged[name];
        else merged[name] = mine[name];
      }
      for (const name of Object.keys(item)) delete item[name];
      Object.assign(item, merged, fresh.eTag ? { eTag: fresh.eTag } : {});
      try {
        await storage.write({ [key]: item });
        return;
      } catch (err) {
        if (!isStateConflict(err) || attempt >= this.mergeAttempts) throw err;
      }
    }
  }
}

/** Conversation state written with its eTag; a conflict is thrown for the turn to be redone. */
export class EtagConversationState extends ConversationState {
  private readonly tracker = new EtagTracker('throw');

  override async load(context: TurnContext, force = false): Promise<StateObject> {
    const fresh = force || this.get(context) === undefined;
    const state = (await super.load(context, force)) as StateObject;
    this.tracker.remember(context, state, fresh);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    await this.tracker.save(context, this.get(context) as StateObject | undefined, await this.storageKey(context), this.storage, force);
  }
}

/** User state written with its eTag; on a conflict this turn's changes are merged into the fresh copy. */
export class EtagUserState extends UserState {
  private readonly tracker = new EtagTracker('merge');

  override async load(context: TurnContext, force = false): Promise<StateObject> {
    const fresh = force || this.get(context) === undefined;
    const state = (await super.load(context, force)) as StateObject;
    this.tracker.remember(context, state, fresh);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    await this.tracker.save(context, this.get(context) as StateObject | undefined, await this.storageKey(context), this.storage, force);
  }
}

/** Forgets what a state cached this turn, so the next access reads storage again. */
export async function reloadState(context: TurnContext, state: BotState): Promise<void> {
  await state.load(context, true);
}
