import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../storage/openSqlite';
import type { Storage } from 'botbuilder';

/** An activity as stored for the stream: plain JSON, with its place in the stream. */
export type StreamActivity = Record<string, unknown> & { id: string };

/** One entry of a conversation's stream. */
export interface StreamEntry {
  seq: number;
  activity: StreamActivity;
}

/** What a client's message (by its `channelData.clientActivityID`) was given, and whether its turn finished. */
export interface SentRecord {
  id: string;
  done: boolean;
  /** When its turn was begun (ms since the epoch): on a shared store, another instance waits this long for it to finish before taking it over. */
  at?: number;
}

/** A local Direct Line conversation as kept in the durable store. */
export interface SavedConversation {
  userId: string;
  started: boolean;
  /** The last number given in the stream. */
  seq: number;
  /** Whether the user has sent anything (a conversation with only the welcome is anonymous). */
  active: boolean;
  /** When a turn last ran, in milliseconds since the epoch. */
  lastActive: number;
  /** The activities kept, oldest first. */
  entries: StreamEntry[];
  /** clientActivityID → what it was given. */
  sent: Record<string, SentRecord>;
  /** The version read from a shared store: saving with it is refused if another instance saved since. */
  eTag?: string;
}

/**
 * Where the local Direct Line endpoint keeps its conversations' activities, so a reply the
 * browser has not collected yet, and the history a reloaded page shows, survive a restart.
 * The same choice as the bot's state: SQLite in DATA_DIR, Azure Blob Storage, or memory (tests).
 * A conversation not used for `idleMs` is deleted.
 */
export interface DirectLineStore {
  /**
   * Whether other instances use this store too (Azure Blob Storage): then the endpoint reads a
   * conversation afresh for each request, and a save carrying the eTag it read is refused
   * (isStateConflict) when another instance saved first.
   */
  readonly shared: boolean;
  load(id: string): Promise<SavedConversation | undefined>;
  /** Saves the conversation; `added` are the entries appended since its last save. Resolves to the new eTag where the store gives one. */
  save(id: string, conversation: SavedConversation, added: StreamEntry[]): Promise<string | undefined>;
  delete(id: string): Promise<void>;
  /** Deletes conversations idle for longer than the time to live; returns how many went (when the store can count). */
  purgeIdle(): Promise<number>;
  close(): void;
}

const KEY_PREFIX = 'directline-activities/';

/**
 * The store on a botbuilder `Storage` (Azure Blob Storage with STATE_STORE=blob, MemoryStorage
 * in tests): one item per conversation, written whole after each change. Idle conversations are
 * deleted when read, and when memory drops them; others go with the state container's lifecycle rule.
 * Shared (Blob Storage, which several instances use), it writes with the eTag it read
 * (BlobStateStorage: If-Match, or create-only for a new conversation); else the last writer wins.
 */
export class StorageDirectLineStore implements DirectLineStore {
  constructor(
    private readonly storage: Storage,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
    readonly shared = false,
  ) {}

  private key(id: string): string {
    // Blob names and MemoryStorage keys: the id is base64url already.
    return `${KEY_PREFIX}${id}`;
  }

  async load(id: string): Promise<SavedConversation | undefined> {
    const items = await this.storage.read([this.key(id)]);
    const item = items[this.key(id)] as (SavedConversation & { eTag?: string }) | undefined;
    if (!item) return undefined;
    if (this.now() - item.lastActive > this.idleMs) {
      await this.delete(id);
      return undefined;
    }
    const { eTag, ...saved } = item;
    return { ...(JSON.parse(JSON.stringify(saved)) as SavedConversation), ...(typeof eTag === 'string' ? { eTag } : {}) };
  }

  async save(id: string, conversation: SavedConversation): Promise<string | undefined> {
    const { eTag, ...saved } = conversation;
    // Not shared, the last writer wins: one process runs a conversation's turns one at a time.
    const item = { ...(JSON.parse(JSON.stringify(saved)) as object), eTag: this.shared ? eTag : '*' };
    await this.storage.write({ [this.key(id)]: item });
    // BlobStateStorage sets the item's new eTag (MemoryStorage does not).
    return this.shared && typeof item.eTag === 'string' && item.eTag !== eTag ? item.eTag : undefined;
  }

  async delete(id: string): Promise<void> {
    await this.storage.delete([this.key(id)]);
  }

  async purgeIdle(): Promise<number> {
    return 0;
  }

  close(): void {}
}

/**
 * The store in a SQLite file (DATA_DIR/directline.sqlite): a row per activity, so a turn writes
 * only what it added. WAL with synchronous=FULL, as the bot's state: a save is on disk when it
 * returns. Conversations idle for longer than `idleMs` are deleted at start and on each purge.
 */
export class SqliteDirectLineStore implements DirectLineStore {
  static readonly FILE_NAME = 'directline.sqlite';
  /** A file on this machine: one instance. */
  readonly shared = false;
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.db = openSqlite(file, { synchronous: 'FULL', foreignKeys: true });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS dl_conversation (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, started INTEGER NOT NULL, seq INTEGER NOT NULL,
        active INTEGER NOT NULL, last_active INTEGER NOT NULL, sent TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS dl_activity (
        conversation_id TEXT NOT NULL REFERENCES dl_conversation(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, activity TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
      CREATE INDEX IF NOT EXISTS dl_conversation_last_active ON dl_conversation(last_active);`);
    this.purgeNow();
  }

  static inDataDir(dataDir: string, idleMs: number): SqliteDirectLineStore {
    return new SqliteDirectLineStore(path.join(dataDir, SqliteDirectLineStore.FILE_NAME), idleMs);
  }

  async load(id: string): Promise<SavedConversation | undefined> {
    const row = this.db
      .prepare<[string, number], { user_id: string; started: number; seq: number; active: number; last_active: number; sent: string }>(
        'SELECT user_id, started, seq, active, last_active, sent FROM dl_conversation WHERE id = ? AND last_active >= ?',
      )
      .get(id, this.now() - this.idleMs);
    if (!row) return undefined;
    const entries = this.db
      .prepare<[string], { seq: number; activity: string }>('SELECT seq, activity FROM dl_activity WHERE conversation_id = ? ORDER BY seq')
      .all(id)
      .map((r) => ({ seq: r.seq, activity: JSON.parse(r.activity) as StreamActivity }));
    return {
      userId: row.user_id,
      started: row.started === 1,
      seq: row.seq,
      active: row.active === 1,
      lastActive: row.last_active,
      entries,
      sent: JSON.parse(row.sent) as Record<string, SentRecord>,
    };
  }

  async save(id: string, c: SavedConversation, added: StreamEntry[]): Promise<undefined> {
    const upsert = this.db.prepare(
      `INSERT INTO dl_conversation (id, user_id, started, seq, active, last_active, sent) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET started = excluded.started, seq = excluded.seq, active = excluded.active,
         last_active = excluded.last_active, sent = excluded.sent`,
    );
    const insert = this.db.prepare('INSERT OR REPLACE INTO dl_activity (conversation_id, seq, activity) VALUES (?, ?, ?)');
    const trim = this.db.prepare('DELETE FROM dl_activity WHERE conversation_id = ? AND seq < ?');
    this.db.transaction(() => {
      upsert.run(id, c.userId, c.started ? 1 : 0, c.seq, c.active ? 1 : 0, c.lastActive, JSON.stringify(c.sent));
      for (const e of added) insert.run(id, e.seq, JSON.stringify(e.activity));
      // What memory no longer keeps, the store does not keep either.
      if (c.entries.length) trim.run(id, c.entries[0].seq);
    })();
    return undefined;
  }

  async delete(id: string): Promise<void> {
    this.db.prepare('DELETE FROM dl_conversation WHERE id = ?').run(id);
  }

  async purgeIdle(): Promise<number> {
    return this.purgeNow();
  }

  private purgeNow(): number {
    return this.db.prepare('DELETE FROM dl_conversation WHERE last_active < ?').run(this.now() - this.idleMs).changes;
  }

  close(): void {
    this.db.close();
  }
}

/** The store for the settings: SQLite in DATA_DIR with STATE_STORE=sqlite, else beside the bot's state (`storage`: Blob Storage, shared by every instance, or memory). */
export function createDirectLineStore(config: { stateStore: 'sqlite' | 'blob' | 'memory'; dataDir: string }, storage: Storage, idleMs: number): DirectLineStore {
  return config.stateStore === 'sqlite' ? SqliteDirectLineStore.inDataDir(config.dataDir, idleMs) : new StorageDirectLineStore(storage, idleMs, Date.now, config.stateStore === 'blob');
}
