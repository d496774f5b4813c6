import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { TurnFacts, TurnRecorder } from '../analytics/TurnRecorder';
import type { TurnUpdate } from '../analytics/TurnRecord';

/** What the dialogs noted during one turn, kept in the turn's own state (never saved). */
interface TurnNote {
  id: string;
  facts: Partial<TurnFacts>;
  updates: Array<{ id: string; update: TurnUpdate }>;
}

const KEY = Symbol('turnNote');

function note(context: TurnContext): TurnNote {
  let n = context.turnState.get(KEY) as TurnNote | undefined;
  if (!n) {
    n = { id: randomUUID(), facts: {}, updates: [] };
    context.turnState.set(KEY, n);
  }
  return n;
}

/** A turn run again (ConsistentTurns, after an eTag conflict) notes afresh: what the dropped attempt noted is forgotten; the record id stays. */
export function clearTurnNotes(context: TurnContext): void {
  const n = context.turnState.get(KEY) as TurnNote | undefined;
  if (n) {
    n.facts = {};
    n.updates = [];
  }
}

/** This turn's record id: answer cards carry it so that "Was this helpful?" finds the turn. */
export function turnId(context: TurnContext): string {
  return note(context).id;
}

/** Notes what happened this turn (later notes add to earlier ones; a later outcome wins). */
export function noteTurn(context: TurnContext, facts: Partial<TurnFacts>): void {
  const n = note(context);
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) (n.facts as Record<string, unknown>)[k] = v;
}

/** Notes what this turn tells about an earlier one: the pick after "Did you mean…", "Was this helpful?". */
export function noteEarlierTurn(context: TurnContext, id: string | undefined, update: TurnUpdate): void {
  if (id) note(context).updates.push({ id, update });
}

/** After the turn is saved (once per committed turn): the record, if the dialogs noted an outcome, and the updates to earlier turns. */
export async function recordTurn(context: TurnContext, recorder: TurnRecorder | undefined): Promise<void> {
  const n = context.turnState.get(KEY) as TurnNote | undefined;
  if (!recorder || !n) return;
  if (n.facts.outcome) await recorder.record({ ...n.facts, id: n.id, channel: context.activity.channelId, outcome: n.facts.outcome });
  for (const u of n.updates) await recorder.update(u.id, u.update);
}
