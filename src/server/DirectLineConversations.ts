import type { SavedConversation, SentRecord, StreamActivity, StreamEntry } from './DirectLineStore';
import { TOKEN_TTL_SECONDS } from './DirectLineTokens';

export type { StreamActivity } from './DirectLineStore';

/** Bounds on what the local Direct Line endpoint keeps in memory. */
export interface DirectLineLimits {
  /**
   * Conversations kept in memory at once. When full, idle ones go first, then ones nobody has
   * typed in yet; a conversation someone is using is never dropped to make room for a new one
   * (the new one is refused instead, and a conversation coming back from the store may take the
   * place of the least recently used, which the store keeps).
   */
  maxConversations: number;
  /** Activities kept per conversation for polling; older ones are dropped. */
  maxActivitiesKept: number;
  /** A conversation nobody has polled or posted to for this long is dropped (and deleted from the store). */
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

/** Ended conversations remembered (their tokens refused); beyond this the oldest are forgotten. */
const MAX_ENDED_KEPT = 10_000;

/** clientActivityIDs remembered per conversation, to take a retried send once. */
const MAX_SENT_KEPT = 200;

/** One conversation of the local Direct Line endpoint. */
export class DirectLineConversation {
  /** Set once the conversation has been started (its conversationUpdate was sent). */
  started = false;
  /** Set once the user has sent something: from then on it is never dropped for a new conversation. */
  active = false;
  lastActive: number;
  private seq: number;
  private stream: StreamEntry[] = [];
  private unsaved: StreamEntry[] = [];
  private readonly sentIds = new Map<string, SentRecord>();
  /** The version of the shared store this copy was read from or last saved as. */
  private eTag: string | undefined;
  /** The stream as the shared store last had it: what polls are given, so every instance numbers alike. */
  private stored: { seq: number; entries: StreamEntry[] } | undefined;
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

  /** The conversation as the store kept it. */
  static fromSaved(id: string, saved: SavedConversation, limits: DirectLineLimits, now: number): DirectLineConversation {
    const c = new DirectLineConversation(id, saved.userId, limits, now, saved.seq);
    c.sync(saved);
    return c;
  }

  /**
   * Takes the store's copy as it is now (a shared store: another instance may have added to it).
   * Anything appended here and not saved is dropped: call it only between turns, or in a turn
   * before it appends again.
   */
  sync(saved: SavedConversation): void {
    this.started = saved.started;
    this.active = saved.active;
    this.seq = saved.seq;
    this.stream = saved.entries.slice(-this.limits.maxActivitiesKept);
    this.unsaved = [];
    this.sentIds.clear();
    for (const [clientId, record] of Object.entries(saved.sent)) this.sentIds.set(clientId, record);
    this.eTag = saved.eTag;
    this.seen(saved);
  }

  /** Notes what the shared store holds now, without touching a turn in progress here. */
  seen(saved: Pick<SavedConversation, 'seq' | 'entries'>): void {
    this.stored = { seq: saved.seq, entries: saved.entries.slice(-this.limits.maxActivitiesKept) };
  }

  /** The shared store no longer holds it (deleted as idle): the next save writes it anew. */
  lost(): void {
    this.eTag = undefined;
    this.stored = undefined;
  }

  /** The snapshot is in the store now, as version `eTag`. */
  committed(saved: SavedConversation, eTag: string | undefined): void {
    this.eTag = eTag;
    this.seen(saved);
  }

  /** Gives `activity` the next id in the stream, keeps it, and returns the stored copy. */
  append(activity: Record<string, unknown>): StreamActivity {
    this.seq += 1;
    const stored = { ...activity, id: `${this.id}|${String(this.seq).padStart(7, '0')}` } as StreamActivity;
    const entry = { seq: this.seq, activity: stored };
    this.stream.push(entry);
    this.unsaved.push(entry);
    while (this.stream.length > this.limits.maxActivitiesKept) this.stream.shift();
    return stored;
  }

  /**
   * Puts a "typing" on the stream for clients polling while a turn runs: in memory only, never
   * saved to the store, and left out of the history a reloaded page reads (activitiesAfter
   * without a watermark).
   */
  appendTyping(activity: Record<string, unknown>): StreamActivity {
    this.seq += 1;
    const stored = { ...activity, type: 'typing', id: `${this.id}|${String(this.seq).padStart(7, '0')}` } as StreamActivity;
    this.stream.push({ seq: this.seq, activity: stored });
    while (this.stream.length > this.limits.maxActivitiesKept) this.stream.shift();
    return stored;
  }

  /** The activity with this id, if still kept. */
  find(id: string): StreamActivity | undefined {
    return this.stream.find((e) => e.activity.id === id)?.activity;
  }

  /** What a client message with this clientActivityID was given, if it was seen. */
  sent(clientActivityId: string): SentRecord | undefined {
    return this.sentIds.get(clientActivityId);
  }

  recordSent(clientActivityId: string, record: SentRecord): void {
    this.sentIds.delete(clientActivityId);
    this.sentIds.set(clientActivityId, record);
    while (this.sentIds.size > MAX_SENT_KEPT) this.sentIds.delete(this.sentIds.keys().next().value as string);
  }

  /**
   * Activities after `watermark` (all kept ones when undefined: the history, without "typing")
   * and the new watermark. With `fromStore`, as the shared store has them (a turn running here
   * may yet renumber what it has not saved, when another instance saved first).
   */
  activitiesAfter(watermark: number | undefined, fromStore = false): { activities: StreamActivity[]; watermark: string } {
    const from = watermark ?? -1;
    const { seq, entries } = (fromStore && this.stored) || { seq: this.seq, entries: this.stream };
    const activities = entries.filter((e) => e.seq > from && (watermark !== undefined || e.activity.type !== 'typing')).map((e) => e.activity);
    return { activities, watermark: String(Math.max(seq, watermark ?? 0)) };
  }

  /** What to save, and the entries added since the last save (which are then counted as saved). */
  takeSnapshot(now: number): { saved: SavedConversation; added: StreamEntry[] } {
    const added = this.unsaved;
    this.unsaved = [];
    return {
      saved: {
        userId: this.userId,
        started: this.started,
        seq: this.seq,
        active: this.active,
        lastActive: now,
        // "typing" is for the moment only: it is not part of the kept conversation.
        entries: this.stream.filter((e) => e.activity.type !== 'typing'),
        sent: Object.fromEntries(this.sentIds),
        ...(this.eTag ? { eTag: this.eTag } : {}),
      },
      added,
    };
  }

  /** Puts entries back to be saved next time (their save failed). */
  unsave(added: StreamEntry[]): void {
    this.unsaved = [...added, ...this.unsaved];
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

  get busy(): boolean {
    return this.pending > 0;
  }
}

/** The local endpoint's conversations in memory, bounded in number, size and age. */
export class DirectLineConversations {
  private readonly conversations = new Map<string, DirectLineConversation>();
  /** Conversations their clients ended → until when their tokens are refused (oldest first). */
  private readonly endedIds = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    readonly limits: DirectLineLimits = DEFAULT_DIRECT_LINE_LIMITS,
    private readonly now: () => number = Date.now,
    /** Told of each conversation dropped for being idle (the endpoint deletes it from the store). */
    private readonly onIdle: (id: string) => void = () => undefined,
    /** How long an ended conversation's tokens are refused: as long as a token lasts. */
    private readonly endedForMs = TOKEN_TTL_SECONDS * 1000,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation for these ids (a token's), or undefined when memory is full of conversations in use. */
  create(id: string, userId: string): DirectLineConversation | undefined {
    return this.add(new DirectLineConversation(id, userId, this.limits, this.now()));
  }

  /** The conversation the store kept, back in memory. */
  restore(id: string, saved: SavedConversation): DirectLineConversation | undefined {
    return this.add(DirectLineConversation.fromSaved(id, saved, this.limits, this.now()));
  }

  /**
   * Brings back a conversation a valid token names but neither memory nor the store holds
   * (it was dropped, or the store is memory): the saved dialog state goes on under the same id.
   */
  revive(id: string, userId: string, watermark: number | undefined, started: boolean): DirectLineConversation | undefined {
    // Numbering carries on from the client's watermark; without one, from the clock, which is
    // past any watermark the lost stream can have given (its numbering began at 0).
    const conversation = new DirectLineConversation(id, userId, this.limits, this.now(), watermark ?? this.now());
    conversation.started = started;
    conversation.active = started;
    return this.add(conversation);
  }

  /** The conversation, marked as just used; undefined when unknown or expired. */
  get(id: string): DirectLineConversation | undefined {
    this.sweep();
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastActive > this.limits.idleMs && !conversation.busy) {
      this.drop(id);
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

  /** Lets go of the copy in memory (the shared store no longer holds the conversation). */
  forget(id: string): void {
    this.conversations.delete(id);
  }

  /**
   * The conversation was ended by its client ("Start again"): it leaves memory, and its tokens
   * are refused for as long as one can still be valid (a token lasts TOKEN_TTL_SECONDS).
   */
  end(id: string): void {
    this.conversations.delete(id);
    this.endedIds.delete(id);
    this.endedIds.set(id, this.now() + this.endedForMs);
    while (this.endedIds.size > MAX_ENDED_KEPT) this.endedIds.delete(this.endedIds.keys().next().value as string);
  }

  hasEnded(id: string): boolean {
    const until = this.endedIds.get(id);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.endedIds.delete(id);
    return false;
  }

  private drop(id: string): void {
    this.conversations.delete(id);
    this.onIdle(id);
  }

  private add(conversation: DirectLineConversation): DirectLineConversation | undefined {
    this.sweep();
    if (this.conversations.size >= this.limits.maxConversations) {
      this.sweep(true);
      const victim = this.victim(conversation.active);
      if (!victim) return undefined;
      this.conversations.delete(victim);
    }
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /**
   * Which conversation makes room: the least recently used one nobody has typed in; for a
   * conversation in use coming back, else the least recently used one in use (the store keeps
   * it). Never one with a turn running.
   */
  private victim(forActive: boolean): string | undefined {
    let lruActive: string | undefined;
    for (const [id, c] of this.conversations) {
      if (c.busy) continue;
      if (!c.active) return id;
      lruActive ??= id;
    }
    return forActive ? lruActive : undefined;
  }

  /** Drops idle conversations (at most once a minute, unless forced). */
  private sweep(force = false): void {
    const now = this.now();
    if (!force && now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, c] of this.conversations) {
      if (now - c.lastActive > this.limits.idleMs && !c.busy) this.drop(id);
    }
  }
}
