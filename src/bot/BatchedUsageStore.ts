import type { UsageStore } from '../matching/TopicUsage';

/** How long counts wait before they are saved: one write for all the answers shown meanwhile. */
export const USAGE_FLUSH_MS = 5000;

/**
 * Batches the saves of topic usage counts (the Teams search's "most used"): the latest counts
 * go to the store at most every USAGE_FLUSH_MS and on close, instead of one storage write per
 * answer shown (a third of an answered question's writes). Counts only; a crash loses at most
 * the last few seconds of them.
 */
export class BatchedUsageStore implements UsageStore {
  private pending: Record<string, number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: UsageStore, private readonly flushMs = USAGE_FLUSH_MS) {}

  load(): Promise<Record<string, number>> {
    return this.store.load();
  }

  async save(counts: Record<string, number>): Promise<void> {
    this.pending = { ...counts };
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.flushMs).unref();
  }

  /** Saves the counts waiting, if any. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const counts = this.pending;
    this.pending = undefined;
    if (counts) this.writing = this.writing.catch(() => undefined).then(() => this.store.save(counts));
    await this.writing;
  }
}
