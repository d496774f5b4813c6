import type { Storage } from 'botbuilder';
import type { UsageStore } from '../matching/TopicUsage';

const KEY = 'usage/topics';

/** Keeps topic usage counts in the bot's own storage (SQLite locally, Azure Blob in production). */
export class StorageUsageStore implements UsageStore {
  constructor(private readonly storage: Storage) {}

  async load(): Promise<Record<string, number>> {
    const items = await this.storage.read([KEY]);
    return ((items[KEY] as { counts?: Record<string, number> } | undefined)?.counts ?? {}) as Record<string, number>;
  }

  async save(counts: Record<string, number>): Promise<void> {
    await this.storage.write({ [KEY]: { counts, eTag: '*' } });
  }
}
