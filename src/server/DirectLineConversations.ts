import crypto from 'node:crypto';

/** Bounds on what the local Direct Line endpoint keeps in memory. */
export interface DirectLineLimits {
  /** Conversations kept at once; past this the least recently used is dropped. */
  maxConversations: number;
  /** Activities kept per conversation for polling; older ones are dropped. */
  maxActivitiesKept: number;
  /** A conversation nobody has polled or posted to for this long is dropped. */
  idleMs: number;
  /** Turns waiting to run in one conversation; more are refused (429). */
  maxPendingTurns: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = {
  maxConversations: 1000,
  maxActivitiesKept: 200,
  idleMs: 60 * 60 * 1000,
  maxPendingTurns: 5,
};

/** An activity as stored for the stream: plain JSON, with its place in the stream. */
export type StreamActivity = Record<string, unknown> & { id: string };

/** One conversation of the local Direct Line endpoint. */
export class DirectLineConversation {
  /** Set once the conversation has been started (its conversationUpdate was sent). */
  started = false;
  lastActive: number;
  private seq: number;
  private readonly stream: Array<{ seq: number; activity: StreamActivity }> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    readonly id: string,
    readonly userId: string,
    private readonly limits: DirectLineLimits,
    now: number,
    /** Where the stream's numbering starts (a conversation revived after a restart carries on from the client's watermark). */
    firstSeq = 0,
  ) {
    this.lastActive = now;
    this.seq = firstSeq;
  }

  /** Gives `activity` the next id in the stream, keeps it, and returns the stored copy. */
  append(activity: Record<string, unknown>): StreamActivity {
    this.seq += 1;
    const stored = { ...activity, id: `${this.id}|${String(this.seq).padStart(7, '0')}` } as StreamActivity;
    this.stream.push({ seq: this.seq, activity: stored });
    while (this.stream.length > this.limits.maxActivitiesKept) this.stream.shift();
    return stored;
  }

  /** Activities after `watermark` (all kept ones when undefined) and the new watermark. */
  activitiesAfter(watermark: number | undefined): { activities: StreamActivity[]; watermark: string } {
    const from = watermark ?? -1;
    const activities = this.stream.filter((e) => e.seq > from).map((e) => e.activity);
    return { activities, watermark: String(Math.max(this.seq, watermark ?? 0)) };
  }

  /**
   * Runs `work` after every turn queued before it, so a conversation's turns never overlap.
   * Returns undefined (and does not run it) when too many are already waiting.
   */
  enqueue<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.pending >= this.limits.maxPendingTurns) return undefined;
    this.pending += 1;
    const run = this.queue.then(work).finally(() => {
      this.pending -= 1;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The local endpoint's conversations, bounded in number, size and age. */
export class DirectLineConversations {
  private readonly conversations = new Map<string, DirectLineConversation>();
  private lastSweep = 0;

  constructor(
    readonly limits: DirectLineLimits = DEFAULT_DIRECT_LINE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation with fresh random ids for it and its user. */
  create(): DirectLineConversation {
    const id = crypto.randomBytes(16).toString('base64url');
    const userId = `user_${crypto.randomBytes(12).toString('base64url')}`;
    return this.add(new DirectLineConversation(id, userId, this.limits, this.now()));
  }

  /**
   * Brings back a conversation a valid token names but memory no longer holds (after a restart,
   * or when it was dropped): the saved dialog state goes on under the same id.
   */
  revive(id: string, userId: string, watermark: number | undefined, started: boolean): DirectLineConversation {
    // Numbering carries on from the client's watermark; without one, from the clock, which is
    // past any watermark the lost stream can have given (its numbering began at 0).
    const conversation = new DirectLineConversation(id, userId, this.limits, this.now(), watermark ?? this.now());
    conversation.started = started;
    return this.add(conversation);
  }

  /** The conversation, marked as just used; undefined when unknown or expired. */
  get(id: string): DirectLineConversation | undefined {
    this.sweep();
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastActive > this.limits.idleMs) {
      this.conversations.delete(id);
      return undefined;
    }
    conversation.lastActive = this.now();
    // Map order is least recently used first.
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }

  has(id: string): boolean {
    return this.conversations.has(id);
  }

  private add(conversation: DirectLineConversation): DirectLineConversation {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value as string;
      this.conversations.delete(oldest);
    }
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** Drops idle conversations (at most once a minute, or when full). */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000 && this.conversations.size < this.limits.maxConversations) return;
    this.lastSweep = now;
    for (const [id, c] of this.conversations) {
      if (now - c.lastActive > this.limits.idleMs) this.conversations.delete(id);
    }
  }
}
