import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../storage/openSqlite';
import type { AnalyticsStore } from './AnalyticsStore';
import { isTurnOutcome, type TurnOutcome, type TurnRecord, type TurnUpdate } from './TurnRecord';

interface Row {
  id: string;
  at: number;
  channel: string;
  outcome: TurnOutcome;
  answer_id: string | null;
  confidence: number | null;
  candidates: string | null;
  picked: string | null;
  area: string | null;
  helpful: number | null;
  question: string | null;
}

function toRecord(row: Row): TurnRecord {
  const r: TurnRecord = { id: row.id, at: new Date(row.at).toISOString(), channel: row.channel, outcome: row.outcome };
  if (row.answer_id !== null) r.answerId = row.answer_id;
  if (row.confidence !== null) r.confidence = row.confidence;
  if (row.candidates !== null) r.candidates = JSON.parse(row.candidates) as string[];
  if (row.picked !== null) r.picked = row.picked;
  if (row.area !== null) r.area = row.area;
  if (row.helpful !== null) r.helpful = row.helpful === 1;
  if (row.question !== null) r.question = row.question;
  return r;
}

/** New records are written together at most this long after the first of them (or sooner: see MAX_PENDING). */
export const FLUSH_AFTER_MS = 250;
/** At most this many records wait to be written. */
export const MAX_PENDING = 200;

type InsertParams = Record<string, string | number | null>;

/**
 * Turn records in a SQLite file (DATA_DIR/analytics.sqlite): the local default. WAL with
 * synchronous=NORMAL. A record is a count, not a promise made to someone, so records are written
 * in one transaction a quarter of a second after the first of them (one commit per turn was
 * the largest part of recording a turn): a process crash may lose that last quarter-second, a
 * power cut a little more. Every read, update, purge and close writes what waits first, so the
 * store never answers without it.
 */
export class SqliteAnalyticsStore implements AnalyticsStore {
  static readonly FILE_NAME = 'analytics.sqlite';
  private readonly db: Database.Database;
  /** Prepared once (a turn adds a record: preparing the statement every time cost as much as running it). */
  private readonly insert: Database.Statement;
  private readonly exists: Database.Statement<[string]>;
  private readonly insertAll: (rows: InsertParams[]) => void;
  private pending: InsertParams[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** `onWriteError`: told when records added earlier could not be written (the server logs it, without text). */
  constructor(
    file: string,
    private readonly onWriteError: (err: Error) => void = () => undefined,
  ) {
    this.db = openSqlite(file, { synchronous: 'NORMAL' });
    this.db.exec(`CREATE TABLE IF NOT EXISTS turns (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      channel TEXT NOT NULL,
      outcome TEXT NOT NULL,
      answer_id TEXT,
      confidence REAL,
      candidates TEXT,
      picked TEXT,
      area TEXT,
      helpful INTEGER,
      question TEXT
    );
    CREATE INDEX IF NOT EXISTS turns_at ON turns (at);`);
    this.insert = this.db.prepare(
      'INSERT INTO turns (id, at, channel, outcome, answer_id, confidence, candidates, picked, area, helpful, question) VALUES (@id, @at, @channel, @outcome, @answer_id, @confidence, @candidates, @picked, @area, @helpful, @question)',
    );
    this.exists = this.db.prepare('SELECT 1 FROM turns WHERE id = ?');
    // One bad record (a repeated id) loses only itself: SQLite undoes the one statement and the
    // rest commit.
    this.insertAll = this.db.transaction((rows: InsertParams[]) => {
      for (const row of rows) {
        try {
          this.insert.run(row);
        } catch (err) {
          this.writeFailed(err);
        }
      }
    });
  }

  /** Writes the records that wait, in one transaction. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 || !this.db.open) return;
    const rows = this.pending;
    this.pending = [];
    try {
      this.insertAll(rows);
    } catch (err) {
      this.writeFailed(err);
    }
  }

  private writeFailed(err: unknown): void {
    this.onWriteError(err instanceof Error ? err : new Error(String(err)));
  }

  static inDataDir(dataDir: string, onWriteError?: (err: Error) => void): SqliteAnalyticsStore {
    return new SqliteAnalyticsStore(path.join(dataDir, SqliteAnalyticsStore.FILE_NAME), onWriteError);
  }

  async add(r: TurnRecord): Promise<void> {
    if (!isTurnOutcome(r.outcome)) throw new Error(`outcome must be one of the turn outcomes (it is "${String(r.outcome)}")`);
    this.pending.push({
      id: r.id,
      at: Date.parse(r.at),
      channel: r.channel,
      outcome: r.outcome,
      answer_id: r.answerId ?? null,
      confidence: r.confidence ?? null,
      candidates: r.candidates ? JSON.stringify(r.candidates) : null,
      picked: r.picked ?? null,
      area: r.area ?? null,
      helpful: r.helpful === undefined ? null : r.helpful ? 1 : 0,
      question: r.question ?? null,
    });
    if (this.pending.length >= MAX_PENDING) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  async update(id: string, u: TurnUpdate): Promise<boolean> {
    this.flush();
    const sets: string[] = [];
    const values: Record<string, unknown> = { id };
    if (u.picked !== undefined) {
      sets.push('picked = @picked');
      values.picked = u.picked;
    }
    if (u.helpful !== undefined) {
      sets.push('helpful = @helpful');
      values.helpful = u.helpful ? 1 : 0;
    }
    if (sets.length === 0) return (this.exists.get(id) ?? undefined) !== undefined;
    return this.db.prepare(`UPDATE turns SET ${sets.join(', ')} WHERE id = @id`).run(values).changes > 0;
  }

  async list(filter: { since?: Date } = {}): Promise<TurnRecord[]> {
    this.flush();
    const rows = this.db.prepare<[number], Row>('SELECT * FROM turns WHERE at >= ? ORDER BY at, id').all(filter.since?.getTime() ?? 0);
    return rows.map(toRecord);
  }

  async purgeOlderThan(date: Date): Promise<number> {
    this.flush();
    return this.db.prepare('DELETE FROM turns WHERE at < ?').run(date.getTime()).changes;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.flush();
    } finally {
      this.db.close();
    }
  }
}
