/**
 * One turn of a conversation as the officers' reports see it: what happened, never who it was.
 * No message text unless LOG_QUESTIONS=true, and then only after redaction (Redactor), and never
 * for urgent or safeguarding turns.
 */
export const TURN_OUTCOMES = ['answer', 'clarify', 'none', 'urgent', 'support', 'hand-off'] as const;
export type TurnOutcome = (typeof TURN_OUTCOMES)[number];

/** Turns about someone at risk: only the time, the channel and the outcome are kept. */
export const SENSITIVE_OUTCOMES: ReadonlySet<TurnOutcome> = new Set<TurnOutcome>(['urgent', 'support']);

/** "None of these" after "Did you mean…". */
export const PICKED_NONE = 'none';

export interface TurnRecord {
  /** A random UUID; answer cards carry it so "Was this helpful?" finds its turn. */
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  /** The channel id: webchat, msteams, directline… */
  channel: string;
  outcome: TurnOutcome;
  /** The answer shown (its topic id: a local variant counts as the answer it replaces). */
  answerId?: string;
  /** The matcher's confidence in its top candidate, 0–1 (absent for a button press). */
  confidence?: number;
  /** For clarify: the answer ids offered, in order. */
  candidates?: string[];
  /** For clarify: the candidate the person then picked, or "none" for "None of these". */
  picked?: string;
  /** The council area the person had given, if any. */
  area?: string;
  /** The "Was this helpful?" choice on the answer this turn showed. */
  helpful?: boolean;
  /** Only with LOG_QUESTIONS=true: the question after redaction. */
  question?: string;
}

/** What a later turn may add to an earlier one. */
export type TurnUpdate = Partial<Pick<TurnRecord, 'picked' | 'helpful'>>;

export function isTurnOutcome(value: unknown): value is TurnOutcome {
  return typeof value === 'string' && (TURN_OUTCOMES as readonly string[]).includes(value);
}
