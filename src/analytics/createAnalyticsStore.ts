import type { Config } from '../config/Config';
import type { AnalyticsStore } from './AnalyticsStore';
import { AzureTableAnalyticsStore } from './AzureTableAnalyticsStore';
import { SqliteAnalyticsStore } from './SqliteAnalyticsStore';

/**
 * The store the settings name, for the server and the report CLI alike: Azure Table Storage for
 * ANALYTICS_STORE=table (production), else SQLite in DATA_DIR (in memory when STATE_STORE=memory).
 */
export function createAnalyticsStore(
  config: Pick<Config, 'analyticsStore' | 'analyticsTable' | 'azureStorageConnectionString' | 'stateStore' | 'dataDir'>,
  onWriteError?: (err: Error) => void,
): AnalyticsStore {
  if (config.analyticsStore === 'table') return AzureTableAnalyticsStore.fromConnectionString(config.azureStorageConnectionString as string, config.analyticsTable);
  return config.stateStore === 'memory' ? new SqliteAnalyticsStore(':memory:', onWriteError) : SqliteAnalyticsStore.inDataDir(config.dataDir, onWriteError);
}
