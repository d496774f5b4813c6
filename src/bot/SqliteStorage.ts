import type Database from 'better-sqlite3';
import { openSqlite } from '../storage/openSqlite';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Bot state on one machine: a SQLite file, so a conversation left half-way survives a restart
 * or a crash. Optimistic concurrency with eTags, as the Azure stores do, and state untouched
 * for longer than the time to live is deleted. In production STATE_STORE=blob uses Azure
 * Blob Storage (botbuilder-azure-blobs) instead.
 *
 * Durability and privacy: WAL with synchronous=NORMAL, so a commit is one append to the WAL
 * with no fsync; a committed turn survives the process being killed (kill -9, a crash), though
 * not a power cut of the machine (tests/hardening/killNine.test.ts). secure_delete overwrites
 * what a delete or an update frees, and checkpoint() (every 30 s from the server, and on close)
 * copies the WAL into the database and truncates it, so a call-back draft that was cleared
 * is not left readable in either file (tests/hardening/sqliteErasure.test.ts).
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private counter = 0;
  private readonly getRow: Database.Statement<[string, number], { value: string; etag: string }>;
  private readonly getEtag: Database.Statement<[string], { etag: string }>;
  private readonly put: Database.Statement<[string, string, string, number]>;
  private readonly del: Database.Statement<[string]>;
  private readonly purge: Database.Statement<[number]>;
  private readonly writeAll: (entries: Array<[string, Record<string, unknown>]>) => void;
  private dirty = false;

  constructor(file: string, private readonly ttlMs: number, private readonly now: () => number = Date.now) {
    this.db = openSqlite(file, { synchronous: 'NORMAL', secureDelete: true });
    this.db.exec('CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    // Prepared once: preparing them on every call cost a share of each turn.
    this.getRow = this.db.prepare('SELECT value, etag FROM bot_state WHERE key = ? AND updated_at >= ?');
    this.getEtag = this.db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.put = this.db.prepare('INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at');
    this.del = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.purge = this.db.prepare('DELETE FROM bot_state WHERE updated_at < ?');
    this.writeAll = this.db.transaction((entries: Array<[string, Record<string, unknown>]>) => {
      for (const [key, item] of entries) {
        const { eTag, ...value } = item as { eTag?: string } & Record<string, unknown>;
        const current = this.getEtag.get(key);
        if (current && eTag && eTag !== '*' && eTag !== current.etag) {
          throw new Error(`Storage: the state for this conversation changed since it was read (eTag conflict on a write)`);
        }
        this.put.run(key, JSON.stringify(value), `${this.now()}-${++this.counter}`, this.now());
      }
    });
    this.purgeExpired();
    this.checkpoint();
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const cutoff = this.now() - this.ttlMs;
    for (const key of keys) {
      const row = this.getRow.get(key, cutoff);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes) as Array<[string, Record<string, unknown>]>;
    if (entries.length === 0) return;
    this.writeAll(entries);
    this.dirty = true;
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction((ks: string[]) => ks.forEach((k) => this.del.run(k)))(keys);
    this.dirty = true;
  }

  /** Deletes state not touched within the time to live; returns how many items went. */
  purgeExpired(): number {
    const n = this.purge.run(this.now() - this.ttlMs).changes;
    if (n > 0) this.dirty = true;
    return n;
  }

  /**
   * Copies the WAL into the database and truncates it (wal_checkpoint(TRUNCATE)), so old versions
   * of state (a draft since cleared) are not left in the WAL file. Cheap when nothing changed.
   * Returns false when a reader kept it from completing (it is tried again next time).
   */
  checkpoint(): boolean {
    if (!this.dirty) return true;
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    const done = !result || result.busy === 0;
    if (done) this.dirty = false;
    return done;
  }

  close(): void {
    if (!this.db.open) return;
    this.dirty = true;
    this.checkpoint();
    this.db.close();
  }
}
