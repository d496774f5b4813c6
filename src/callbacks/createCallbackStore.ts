import type { Config } from '../config/Config';
import { AzureTableCallbackStore } from './AzureTableCallbackStore';
import type { CallbackStore } from './CallbackStore';
import { SqliteCallbackStore } from './SqliteCallbackStore';

/**
 * The store the settings name, for the server and the officers' CLI alike: Azure Table Storage
 * for CALLBACK_STORE=table (production), else SQLite in DATA_DIR (in memory when STATE_STORE=memory).
 */
export function createCallbackStore(config: Pick<Config, 'callbackStore' | 'callbackTable' | 'azureStorageConnectionString' | 'stateStore' | 'dataDir'>): CallbackStore {
  if (config.callbackStore === 'table') return AzureTableCallbackStore.fromConnectionString(config.azureStorageConnectionString as string, config.callbackTable);
  return config.stateStore === 'memory' ? new SqliteCallbackStore(':memory:') : SqliteCallbackStore.inDataDir(config.dataDir);
}
