import type { TurnRecord, TurnUpdate } from './TurnRecord';

/**
 * Where turn records are kept: SQLite in DATA_DIR locally (SqliteAnalyticsStore), Azure Table
 * Storage in production (AzureTableAnalyticsStore, ANALYTICS_STORE=table). The same tests run
 * against both (tests/analytics/analyticsStoreBehaviour.ts).
 */
export interface AnalyticsStore {
  add(record: TurnRecord): Promise<void>;
  /** Adds what a later turn learnt (the pick after "Did you mean…", "Was this helpful?"); false when the turn is not there (expired, or never recorded). */
  update(id: string, update: TurnUpdate): Promise<boolean>;
  /** Every record at or after `since` (all when absent), oldest first. */
  list(filter?: { since?: Date }): Promise<TurnRecord[]>;
  /** Deletes every record made before `date`; resolves to how many went. */
  purgeOlderThan(date: Date): Promise<number>;
  close(): Promise<void>;
}
