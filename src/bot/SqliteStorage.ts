import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Bot state on one machine: a SQLite file, so a conversation left half-way survives a restart
 * or a crash. Optimistic concurrency with eTags, as the Azure stores do, and state untouched
 * for longer than the time to live is deleted. In production STATE_STORE=blob uses Azure
 * Blob Storage (botbuilder-azure-blobs) instead.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private counter = 0;

  constructor(file: string, private readonly ttlMs: number, private readonly now: () => number = Date.now) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec('CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    this.purgeExpired();
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const cutoff = this.now() - this.ttlMs;
    const get = this.db.prepare<[string, number], { value: string; etag: string }>('SELECT value, etag FROM bot_state WHERE key = ? AND updated_at >= ?');
    for (const key of keys) {
      const row = get.get(key, cutoff);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const get = this.db.prepare<[string], { etag: string }>('SELECT etag FROM bot_state WHERE key = ?');
    const put = this.db.prepare('INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at');
    const tx = this.db.transaction((entries: Array<[string, Record<string, unknown>]>) => {
      for (const [key, item] of entries) {
        const { eTag, ...value } = item as { eTag?: string } & Record<string, unknown>;
        const current = get.get(key);
        if (current && eTag && eTag !== '*' && eTag !== current.etag) {
          throw new Error(`Storage: the state for this conversation changed since it was read (eTag conflict on a write)`);
        }
        put.run(key, JSON.stringify(value), `${this.now()}-${++this.counter}`, this.now());
      }
    });
    tx(Object.entries(changes) as Array<[string, Record<string, unknown>]>);
  }

  async delete(keys: string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.db.transaction((ks: string[]) => ks.forEach((k) => del.run(k)))(keys);
  }

  /** Deletes state not touched within the time to live; returns how many items went. */
  purgeExpired(): number {
    return this.db.prepare('DELETE FROM bot_state WHERE updated_at < ?').run(this.now() - this.ttlMs).changes;
  }

  close(): void {
    this.db.close();
  }
}
