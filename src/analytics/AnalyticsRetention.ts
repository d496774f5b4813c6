import type { AnalyticsStore } from './AnalyticsStore';

export interface AnalyticsLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Deletes turn records older than ANALYTICS_RETENTION_DAYS, at start and then every hour. */
export class AnalyticsRetention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: AnalyticsStore,
    private readonly retentionDays: number,
    private readonly log?: AnalyticsLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  cutoff(): Date {
    return new Date(this.now().getTime() - this.retentionDays * DAY_MS);
  }

  async purge(): Promise<number> {
    const removed = await this.store.purgeOlderThan(this.cutoff());
    if (removed > 0) this.log?.info({ removed, retentionDays: this.retentionDays }, 'turn records past retention deleted');
    return removed;
  }

  /** Purges now (a failure is logged, never stops the server), then every `intervalMs`. */
  async start(intervalMs = HOUR_MS): Promise<void> {
    const run = () => this.purge().catch((err: unknown) => this.log?.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'turn record purge failed'));
    await run();
    this.stop();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
