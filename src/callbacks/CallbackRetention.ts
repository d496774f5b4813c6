import type { CallbackStore } from './CallbackStore';

/** Where the purge reports how many requests it deleted (counts only, never contents). */
export interface RetentionLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Keeps callback requests for a limited time: deletes those older than the retention period
 * (CALLBACK_RETENTION_DAYS) at start and then every hour.
 */
export class CallbackRetention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: CallbackStore,
    private readonly retentionDays: number,
    private readonly log?: RetentionLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The moment before which requests are deleted. */
  cutoff(): Date {
    return new Date(this.now().getTime() - this.retentionDays * DAY_MS);
  }

  /** Deletes what is past the retention period now; resolves to how many went. */
  async purge(): Promise<number> {
    const removed = await this.store.purgeOlderThan(this.cutoff());
    if (removed > 0) this.log?.info({ removed, retentionDays: this.retentionDays }, 'callback requests past retention deleted');
    return removed;
  }

  /** Purges now, then every `intervalMs` (an hour), without keeping the process alive. */
  async start(intervalMs = HOUR_MS): Promise<number> {
    const removed = await this.purge();
    this.stop();
    this.timer = setInterval(() => {
      this.purge().catch((err: unknown) => this.log?.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'callback retention purge failed'));
    }, intervalMs);
    this.timer.unref();
    return removed;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
