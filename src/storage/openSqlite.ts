import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface SqliteDurability {
  /** NORMAL: a commit survives the process being killed, not a power cut. FULL: it survives both. */
  synchronous: 'NORMAL' | 'FULL';
  /** Overwrite what a delete or an update frees, so deleted data is not left in the file. */
  secureDelete?: boolean;
  foreignKeys?: boolean;
}

/** A SQLite database in WAL mode at `file` (its folder made when missing; ":memory:" for tests), as every SQLite store opens it. */
export function openSqlite(file: string, durability: SqliteDurability): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability.synchronous}`);
  if (durability.secureDelete) db.pragma('secure_delete = ON');
  if (durability.foreignKeys) db.pragma('foreign_keys = ON');
  return db;
}
