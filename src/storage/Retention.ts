/** Where a purge reports how many records it deleted (counts only, never contents). */
export interface RetentionLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a retention period applies to: a store that deletes what is older than a date. */
export interface PurgeableStore {
  purgeOlderThan(date: Date): Promise<number>;
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface RetentionOptions {
  /** What the store keeps, for the log ("callback requests"). */
  what: string;
  /** Whether a failed purge at start fails `start` (the server does not start) or is only logged. */
  failAtStart: boolean;
}

/**
 * Keeps a store's records for a limited time: deletes those older than `retentionDays` at start
 * and then every hour, without keeping the process alive. A failed hourly purge is logged and
 * tried again next hour.
 */
export class Retention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: PurgeableStore,
    readonly retentionDays: number,
    private readonly options: RetentionOptions,
    private readonly log?: RetentionLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The moment before which records are deleted. */
  cutoff(): Date {
    return new Date(this.now().getTime() - this.retentionDays * DAY_MS);
  }

  /** Deletes what is past the retention period now; resolves to how many went. */
  async purge(): Promise<number> {
    const removed = await this.store.purgeOlderThan(this.cutoff());
    if (removed > 0) this.log?.info({ removed, retentionDays: this.retentionDays }, `${this.options.what} past retention deleted`);
    return removed;
  }

  /** Purges now, then every `intervalMs` (an hour); resolves to how many went now. */
  async start(intervalMs = HOUR_MS): Promise<number> {
    const logged = () => this.purge().catch((err: unknown) => (this.log?.error({ err: { name: (err as Error).name, message: (err as Error).message } }, `${this.options.what}: purge failed`), 0));
    const removed = this.options.failAtStart ? await this.purge() : await logged();
    this.stop();
    this.timer = setInterval(logged, intervalMs);
    this.timer.unref();
    return removed;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
