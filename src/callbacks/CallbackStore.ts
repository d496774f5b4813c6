import type { CallbackRequest, CallbackStatus, NewCallbackRequest } from './CallbackRequest';

/**
 * Where callback requests are kept: SQLite on one machine (SqliteCallbackStore), Azure Table
 * Storage in production (AzureTableCallbackStore, CALLBACK_STORE=table). Every method resolves only once the change is durable, so the user is told
 * "sent" only after the request is safely written.
 */
export interface CallbackStore {
  /** Validates and writes a new request (status "new", a random id); resolves once it is durable. */
  create(input: NewCallbackRequest): Promise<CallbackRequest>;
  get(id: string): Promise<CallbackRequest | undefined>;
  /** Newest first; only one status when given. */
  list(filter?: { status?: CallbackStatus }): Promise<CallbackRequest[]>;
  /** The updated request, or undefined when there is no request with that id. */
  updateStatus(id: string, status: CallbackStatus): Promise<CallbackRequest | undefined>;
  /** True when a request was deleted. */
  delete(id: string): Promise<boolean>;
  /** Deletes every request created before `date`; resolves to how many went. */
  purgeOlderThan(date: Date): Promise<number>;
  close(): Promise<void>;
}
