import type { Storage } from 'botbuilder';
import type { UsageStore } from '../matching/TopicUsage';

const KEY = 'usage/topics';

/** How long counts wait before they are written: one write for all the answers shown meanwhile. */
export const USAGE_FLUSH_MS = 5000;

/**
 * Keeps topic usage counts in the bot's own storage (SQLite locally, Azure Blob in production).
 * Saves are batched: the latest counts are written at most every USAGE_FLUSH_MS and on close,
 * instead of one storage write per answer shown (a third of a turn's writes). Counts only; a
 * crash loses at most the last few seconds of them.
 */
export class StorageUsageStore implements UsageStore {
  private pending: Record<string, number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly storage: Storage, private readonly flushMs = USAGE_FLUSH_MS) {}

  async load(): Promise<Record<string, number>> {
    const items = await this.storage.read([KEY]);
    return ((items[KEY] as { counts?: Record<string, number> } | undefined)?.counts ?? {}) as Record<string, number>;
  }

  async save(counts: Record<string, number>): Promise<void> {
    this.pending = { ...counts };
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.flushMs).unref();
  }

  /** Writes the counts waiting, if any. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const counts = this.pending;
    this.pending = undefined;
    if (counts) this.writing = this.writing.then(() => this.storage.write({ [KEY]: { counts, eTag: '*' } }));
    await this.writing;
  }
}
