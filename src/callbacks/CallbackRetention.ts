import type { CallbackStore } from './CallbackStore';
import { Retention, type RetentionLog } from '../storage/Retention';

export { HOUR_MS } from '../storage/Retention';

/**
 * Keeps callback requests for a limited time: deletes those older than the retention period
 * (CALLBACK_RETENTION_DAYS) at start and then every hour. A purge that fails at start makes
 * `start` fail (the server does not start); a failed hourly one is logged.
 */
export class CallbackRetention extends Retention {
  constructor(store: CallbackStore, retentionDays: number, log?: RetentionLog, now?: () => Date) {
    super(store, retentionDays, { what: 'callback requests', failAtStart: true }, log, now);
  }
}
