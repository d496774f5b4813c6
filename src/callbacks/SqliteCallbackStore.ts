import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../storage/openSqlite';
import { CallbackValidationError, isCallbackStatus, UUID, validateNewCallbackRequest, type CallbackRequest, type CallbackStatus, type ContactKind, type NewCallbackRequest } from './CallbackRequest';
import type { CallbackStore } from './CallbackStore';

interface Row {
  id: string;
  area: string;
  created_at: number;
  updated_at: number;
  status: CallbackStatus;
  name: string;
  contact: string;
  contact_kind: ContactKind;
  best_time: string;
  summary: string;
  topics: string | null;
}

function toRequest(row: Row): CallbackRequest {
  return {
    id: row.id,
    area: row.area,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    status: row.status,
    name: row.name,
    contact: row.contact,
    contactKind: row.contact_kind,
    bestTime: row.best_time,
    summary: row.summary,
    topics: row.topics === null ? null : (JSON.parse(row.topics) as string[]),
  };
}

/**
 * Callback requests in a SQLite file (DATA_DIR/callbacks.sqlite). WAL with synchronous=FULL:
 * when a write returns, it survives a crash or a power cut. better-sqlite3 is synchronous, so
 * each method's promise settles after the commit. secure_delete overwrites what a delete or an
 * update frees, and each delete is followed by a WAL checkpoint that truncates the WAL file, so
 * a deleted request's name and phone are gone from both files.
 */
export class SqliteCallbackStore implements CallbackStore {
  static readonly FILE_NAME = 'callbacks.sqlite';
  private readonly db: Database.Database;

  constructor(file: string, private readonly now: () => Date = () => new Date()) {
    this.db = openSqlite(file, { synchronous: 'FULL', secureDelete: true });
    this.db.exec(`CREATE TABLE IF NOT EXISTS callback_requests (
      id TEXT PRIMARY KEY,
      area TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'closed')),
      name TEXT NOT NULL,
      contact TEXT NOT NULL,
      contact_kind TEXT NOT NULL CHECK (contact_kind IN ('phone', 'email')),
      best_time TEXT NOT NULL,
      summary TEXT NOT NULL,
      topics TEXT
    );
    CREATE INDEX IF NOT EXISTS callback_requests_created ON callback_requests (created_at);
    CREATE INDEX IF NOT EXISTS callback_requests_status ON callback_requests (status, created_at);`);
  }

  /** The store in DATA_DIR. */
  static inDataDir(dataDir: string, now?: () => Date): SqliteCallbackStore {
    return new SqliteCallbackStore(path.join(dataDir, SqliteCallbackStore.FILE_NAME), now);
  }

  async create(input: NewCallbackRequest): Promise<CallbackRequest> {
    const r = validateNewCallbackRequest(input);
    const at = this.now().getTime();
    const row: Row = {
      id: randomUUID(),
      area: r.area,
      created_at: at,
      updated_at: at,
      status: 'new',
      name: r.name,
      contact: r.contact,
      contact_kind: r.contactKind,
      best_time: r.bestTime,
      summary: r.summary,
      topics: r.topics === undefined ? null : JSON.stringify(r.topics),
    };
    this.db
      .prepare(
        'INSERT INTO callback_requests (id, area, created_at, updated_at, status, name, contact, contact_kind, best_time, summary, topics) VALUES (@id, @area, @created_at, @updated_at, @status, @name, @contact, @contact_kind, @best_time, @summary, @topics)',
      )
      .run(row);
    return toRequest(row);
  }

  async get(id: string): Promise<CallbackRequest | undefined> {
    if (!UUID.test(id)) return undefined;
    const row = this.db.prepare<[string], Row>('SELECT * FROM callback_requests WHERE id = ?').get(id);
    return row ? toRequest(row) : undefined;
  }

  async list(filter: { status?: CallbackStatus } = {}): Promise<CallbackRequest[]> {
    if (filter.status !== undefined && !isCallbackStatus(filter.status)) throw new CallbackValidationError('status must be one of new, contacted, closed');
    const rows = filter.status
      ? this.db.prepare<[string], Row>('SELECT * FROM callback_requests WHERE status = ? ORDER BY created_at DESC, id').all(filter.status)
      : this.db.prepare<[], Row>('SELECT * FROM callback_requests ORDER BY created_at DESC, id').all();
    return rows.map(toRequest);
  }

  async updateStatus(id: string, status: CallbackStatus): Promise<CallbackRequest | undefined> {
    if (!isCallbackStatus(status)) throw new CallbackValidationError('status must be one of new, contacted, closed');
    if (!UUID.test(id)) return undefined;
    const changed = this.db.prepare('UPDATE callback_requests SET status = ?, updated_at = ? WHERE id = ?').run(status, this.now().getTime(), id).changes;
    return changed > 0 ? this.get(id) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const deleted = this.db.prepare('DELETE FROM callback_requests WHERE id = ?').run(id).changes > 0;
    if (deleted) this.checkpoint();
    return deleted;
  }

  async purgeOlderThan(date: Date): Promise<number> {
    const n = this.db.prepare('DELETE FROM callback_requests WHERE created_at < ?').run(date.getTime()).changes;
    if (n > 0) this.checkpoint();
    return n;
  }

  /** Copies the WAL into the database and truncates it: what was deleted is then in neither file. */
  private checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.checkpoint();
    this.db.close();
  }
}
