/**
 * One question of a guided conversation. A guide's questions are asked in order; each may be
 * left out by `when`, and each reads its own answers. `S` is the guide's answers so far.
 */
export interface GuideQuestion<S> {
  /** Unique within its guide; the key of its answer in `S`. */
  id: string;
  /** The question, worded for what the person has said so far. */
  text(answers: Partial<S>): string;
  /** Up to three common answers, as buttons where the channel has them. Free text is always accepted. */
  suggestions: string[];
  /** Shown when an answer cannot be read: 'For example "year 3", "she's 7" or "at college".' */
  example: string;
  /**
   * Reads an answer; undefined when it cannot. The value is kept in the conversation's dialog
   * state, so it must be plain JSON, and it must not be the person's own words.
   */
  recognize(text: string, now: Date): unknown;
  /** Asked only when this is true of the answers so far. */
  when?(answers: Partial<S>): boolean;
  /** Any words are an answer: taken as a question for the knowledge base only when plainly one ("what is a SENCO?"). */
  freeText?: boolean;
}

/** What the question prompt hands back to its guide. */
export type GuideReply =
  | { kind: 'answer'; value: unknown }
  | { kind: 'skip'; automatic?: boolean }
  | { kind: 'back' }
  | { kind: 'restart' };

/** What a guide ends with. The root dialog starts the SENDIASS hand-off when `handoff` is true. */
export interface GuideResult {
  handoff: boolean;
}
