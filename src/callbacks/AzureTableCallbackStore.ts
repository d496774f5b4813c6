import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult, type TableServiceClientOptions } from '@azure/data-tables';
import { AzureTable, isNotFound } from '../storage/AzureTable';
import { CallbackValidationError, isCallbackStatus, UUID, validateNewCallbackRequest, type CallbackRequest, type CallbackStatus, type ContactKind, type NewCallbackRequest } from './CallbackRequest';
import type { CallbackStore } from './CallbackStore';

/** One request as an entity in the table. Topics are JSON text, absent when the user did not share them. */
interface CallbackEntity {
  partitionKey: string;
  rowKey: string;
  area: string;
  createdAt: Date;
  updatedAt: Date;
  status: CallbackStatus;
  name: string;
  contact: string;
  contactKind: ContactKind;
  bestTime: string;
  summary: string;
  topics?: string;
}

/** Every request lives in one partition: a few hundred a month fit easily, and a purge can delete in batches. */
const PARTITION = 'callback';

function toRequest(e: TableEntityResult<CallbackEntity>): CallbackRequest {
  return {
    id: e.rowKey,
    area: e.area,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    status: e.status,
    name: e.name,
    contact: e.contact,
    contactKind: e.contactKind,
    bestTime: e.bestTime,
    summary: e.summary,
    topics: typeof e.topics === 'string' ? (JSON.parse(e.topics) as string[]) : null,
  };
}

/**
 * Callback requests in Azure Table Storage (production: CALLBACK_STORE=table), through the
 * official @azure/data-tables SDK. Same behaviour as SqliteCallbackStore: every method's promise
 * settles only after the service has answered, so a request is durable once `create` resolves,
 * and a failure rejects rather than being lost. The table is created on first use.
 */
export class AzureTableCallbackStore implements CallbackStore {
  private readonly table: AzureTable;

  constructor(
    private readonly client: TableClient,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = new AzureTable(client);
  }

  /**
   * The store for an Azure Storage connection string. Plain http is allowed only to this machine
   * (the azurite emulator); anywhere else the account key never signs a request sent in the clear.
   */
  static fromConnectionString(connectionString: string, tableName: string, now?: () => Date, options: TableServiceClientOptions = {}): AzureTableCallbackStore {
    return new AzureTableCallbackStore(AzureTable.client(connectionString, tableName, options), now);
  }

  async create(input: NewCallbackRequest): Promise<CallbackRequest> {
    const r = validateNewCallbackRequest(input);
    await this.table.created();
    const at = this.now();
    const entity: CallbackEntity = {
      partitionKey: PARTITION,
      rowKey: randomUUID(),
      area: r.area,
      createdAt: at,
      updatedAt: at,
      status: 'new',
      name: r.name,
      contact: r.contact,
      contactKind: r.contactKind,
      bestTime: r.bestTime,
      summary: r.summary,
      ...(r.topics === undefined ? {} : { topics: JSON.stringify(r.topics) }),
    };
    await this.client.createEntity(entity);
    return toRequest({ ...entity, etag: '' });
  }

  async get(id: string): Promise<CallbackRequest | undefined> {
    if (!UUID.test(id)) return undefined;
    await this.table.created();
    try {
      return toRequest(await this.client.getEntity<CallbackEntity>(PARTITION, id));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async list(filter: { status?: CallbackStatus } = {}): Promise<CallbackRequest[]> {
    if (filter.status !== undefined && !isCallbackStatus(filter.status)) throw new CallbackValidationError('status must be one of new, contacted, closed');
    await this.table.created();
    const query = filter.status ? odata`PartitionKey eq ${PARTITION} and status eq ${filter.status}` : odata`PartitionKey eq ${PARTITION}`;
    const out: CallbackRequest[] = [];
    for await (const e of this.client.listEntities<CallbackEntity>({ queryOptions: { filter: query } })) out.push(toRequest(e));
    // The service returns rows in key order; newest first, then by id, as the SQLite store does.
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async updateStatus(id: string, status: CallbackStatus): Promise<CallbackRequest | undefined> {
    if (!isCallbackStatus(status)) throw new CallbackValidationError('status must be one of new, contacted, closed');
    if (!UUID.test(id)) return undefined;
    await this.table.created();
    try {
      // Merge with no eTag condition other than "it exists": an unknown id is a 404, never an insert.
      await this.client.updateEntity({ partitionKey: PARTITION, rowKey: id, status, updatedAt: this.now() }, 'Merge', { etag: '*' });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    return this.get(id);
  }

  async delete(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    await this.table.created();
    try {
      await this.client.deleteEntity(PARTITION, id);
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async purgeOlderThan(date: Date): Promise<number> {
    return this.table.deleteBefore(PARTITION, 'createdAt', date);
  }

  /** Nothing to release: each call is its own HTTP request. */
  async close(): Promise<void> {}
}
