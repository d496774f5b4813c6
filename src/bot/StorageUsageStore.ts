import type { Storage } from 'botbuilder';
import type { UsageStore } from '../matching/TopicUsage';
import { isStateConflict } from './BlobStateStorage';

const KEY = 'usage/topics';
/** Tries at adding this instance's new counts before giving up on one save (the next save carries them). */
const ATTEMPTS = 5;

type Counts = Record<string, number>;

/**
 * Keeps topic usage counts in the bot's own storage (SQLite locally, Azure Blob in production).
 * Several instances share the one item: each save adds only what this instance counted since its
 * last save to the stored totals, written with the eTag it read (a conflict reads and adds again),
 * so no instance overwrites another's counts.
 */
export class StorageUsageStore implements UsageStore {
  /** The counts this instance has already added to the stored totals. */
  private saved: Counts = {};
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly storage: Storage) {}

  async load(): Promise<Counts> {
    const items = await this.storage.read([KEY]);
    const counts = ((items[KEY] as { counts?: Counts } | undefined)?.counts ?? {}) as Counts;
    // TopicUsage starts from these totals: only what it counts after this is new.
    this.saved = { ...counts, ...this.saved };
    return counts;
  }

  /** `counts` is the caller's running totals (stored totals at load plus its own increments). */
  save(counts: Counts): Promise<void> {
    const run = this.queue.then(() => this.add({ ...counts }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async add(counts: Counts): Promise<void> {
    const delta: Counts = {};
    for (const [id, n] of Object.entries(counts)) if (n > (this.saved[id] ?? 0)) delta[id] = n - (this.saved[id] ?? 0);
    if (!Object.keys(delta).length) return;
    for (let attempt = 1; ; attempt += 1) {
      const current = (await this.storage.read([KEY]))[KEY] as { counts?: Counts; eTag?: string } | undefined;
      const totals: Counts = { ...(current?.counts ?? {}) };
      for (const [id, n] of Object.entries(delta)) totals[id] = (totals[id] ?? 0) + n;
      try {
        await this.storage.write({ [KEY]: current?.eTag ? { counts: totals, eTag: current.eTag } : { counts: totals } });
        this.saved = counts;
        return;
      } catch (err) {
        if (!isStateConflict(err)) throw err;
        // Counts never hold up a turn: what was not added now is added by the next save.
        if (attempt >= ATTEMPTS) return;
      }
    }
  }
}
