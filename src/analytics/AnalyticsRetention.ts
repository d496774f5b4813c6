import type { AnalyticsStore } from './AnalyticsStore';
import { Retention, type RetentionLog } from '../storage/Retention';

export type AnalyticsLog = RetentionLog;

/** Deletes turn records older than ANALYTICS_RETENTION_DAYS, at start and then every hour; a failure at start is logged, never stops the server. */
export class AnalyticsRetention extends Retention {
  constructor(store: AnalyticsStore, retentionDays: number, log?: AnalyticsLog, now?: () => Date) {
    super(store, retentionDays, { what: 'turn records', failAtStart: false }, log, now);
  }
}
