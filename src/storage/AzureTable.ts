import { odata, RestError, TableClient, type TableServiceClientOptions, type TransactionAction } from '@azure/data-tables';

/** Azure Table names: 3 to 63 letters and digits, starting with a letter ("tables" is reserved). */
export function isAzureTableName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]{2,62}$/.test(name) && name.toLowerCase() !== 'tables';
}

/** The service's 404: no such entity (or it went meanwhile). */
export function isNotFound(err: unknown): boolean {
  return err instanceof RestError && err.statusCode === 404;
}

function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** An entity group transaction holds at most 100 operations. */
const BATCH = 100;

/**
 * One Azure table as the stores use it (call-back requests, turn records), through the official
 * @azure/data-tables SDK: created on first use, and purged in batches.
 */
export class AzureTable {
  private ready: Promise<void> | undefined;

  constructor(readonly client: TableClient) {}

  /**
   * The client for a table in an Azure Storage account. Plain http is allowed only to this machine
   * (the azurite emulator); anywhere else the account key never signs a request sent in the clear.
   */
  static client(connectionString: string, tableName: string, options: TableServiceClientOptions = {}): TableClient {
    if (!isAzureTableName(tableName)) throw new Error(`"${tableName}" is not a valid Azure table name`);
    const client = TableClient.fromConnectionString(connectionString, tableName, options);
    return isLoopbackHttp(client.url) ? TableClient.fromConnectionString(connectionString, tableName, { ...options, allowInsecureConnection: true }) : client;
  }

  /** Creates the table once (an existing one is kept); a failure is retried on the next call. */
  created(): Promise<void> {
    this.ready ??= this.client.createTable().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /**
   * Deletes the entities of `partition` whose date property `field` is before `date`, a batch at a
   * time; resolves to how many went. A transaction is all or nothing: if one entity went
   * meanwhile (an officer deleted a request), the rest of its batch is deleted one by one.
   */
  async deleteBefore(partition: string, field: string, date: Date): Promise<number> {
    if (!/^\w+$/.test(field)) throw new Error(`"${field}" is not a property name`);
    await this.created();
    const keys: string[] = [];
    const old = this.client.listEntities<{ partitionKey: string; rowKey: string }>({
      queryOptions: { filter: `${odata`PartitionKey eq ${partition}`} and ${field} lt ${odata`${date}`}`, select: ['PartitionKey', 'RowKey'] },
    });
    for await (const e of old) keys.push(e.rowKey);
    let removed = 0;
    for (let i = 0; i < keys.length; i += BATCH) {
      const chunk = keys.slice(i, i + BATCH);
      try {
        await this.client.submitTransaction(chunk.map((rowKey): TransactionAction => ['delete', { partitionKey: partition, rowKey }]));
        removed += chunk.length;
      } catch (err) {
        if (!isNotFound(err)) throw err;
        for (const rowKey of chunk) {
          try {
            await this.client.deleteEntity(partition, rowKey);
            removed += 1;
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
        }
      }
    }
    return removed;
  }
}
