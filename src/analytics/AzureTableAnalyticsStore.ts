import { odata, RestError, TableClient, type TableEntityResult, type TableServiceClientOptions, type TransactionAction } from '@azure/data-tables';
import { isAzureTableName } from '../callbacks/AzureTableCallbackStore';
import type { AnalyticsStore } from './AnalyticsStore';
import { isTurnOutcome, type TurnOutcome, type TurnRecord, type TurnUpdate } from './TurnRecord';

/** One turn as an entity; candidates as JSON text; absent properties for absent fields. */
interface TurnEntity {
  partitionKey: string;
  rowKey: string;
  at: Date;
  channel: string;
  outcome: TurnOutcome;
  answerId?: string;
  confidence?: number;
  candidates?: string;
  picked?: string;
  area?: string;
  helpful?: boolean;
  question?: string;
}

/** One partition: a purge and a report each read it in one query; a few thousand turns a day fit easily. */
const PARTITION = 'turn';
const BATCH = 100;

function toRecord(e: TableEntityResult<TurnEntity>): TurnRecord {
  const r: TurnRecord = { id: e.rowKey, at: e.at.toISOString(), channel: e.channel, outcome: e.outcome };
  if (typeof e.answerId === 'string') r.answerId = e.answerId;
  if (typeof e.confidence === 'number') r.confidence = e.confidence;
  if (typeof e.candidates === 'string') r.candidates = JSON.parse(e.candidates) as string[];
  if (typeof e.picked === 'string') r.picked = e.picked;
  if (typeof e.area === 'string') r.area = e.area;
  if (typeof e.helpful === 'boolean') r.helpful = e.helpful;
  if (typeof e.question === 'string') r.question = e.question;
  return r;
}

const isNotFound = (err: unknown) => err instanceof RestError && err.statusCode === 404;

function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/**
 * Turn records in Azure Table Storage (production: ANALYTICS_STORE=table), through the official
 * @azure/data-tables SDK, as AzureTableCallbackStore keeps call-back requests. The table is created
 * on first use.
 */
export class AzureTableAnalyticsStore implements AnalyticsStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly client: TableClient) {}

  /** Plain http only to this machine (the azurite emulator), as for the call-back store. */
  static fromConnectionString(connectionString: string, tableName: string, options: TableServiceClientOptions = {}): AzureTableAnalyticsStore {
    if (!isAzureTableName(tableName)) throw new Error(`"${tableName}" is not a valid Azure table name`);
    let client = TableClient.fromConnectionString(connectionString, tableName, options);
    if (isLoopbackHttp(client.url)) client = TableClient.fromConnectionString(connectionString, tableName, { ...options, allowInsecureConnection: true });
    return new AzureTableAnalyticsStore(client);
  }

  private table(): Promise<void> {
    this.ready ??= this.client.createTable().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  async add(r: TurnRecord): Promise<void> {
    if (!isTurnOutcome(r.outcome)) throw new Error(`outcome must be one of the turn outcomes (it is "${String(r.outcome)}")`);
    await this.table();
    const entity: TurnEntity = { partitionKey: PARTITION, rowKey: r.id, at: new Date(r.at), channel: r.channel, outcome: r.outcome };
    if (r.answerId !== undefined) entity.answerId = r.answerId;
    if (r.confidence !== undefined) entity.confidence = r.confidence;
    if (r.candidates !== undefined) entity.candidates = JSON.stringify(r.candidates);
    if (r.picked !== undefined) entity.picked = r.picked;
    if (r.area !== undefined) entity.area = r.area;
    if (r.helpful !== undefined) entity.helpful = r.helpful;
    if (r.question !== undefined) entity.question = r.question;
    await this.client.createEntity(entity);
  }

  async update(id: string, u: TurnUpdate): Promise<boolean> {
    await this.table();
    const patch: Record<string, unknown> = { partitionKey: PARTITION, rowKey: id };
    if (u.picked !== undefined) patch.picked = u.picked;
    if (u.helpful !== undefined) patch.helpful = u.helpful;
    try {
      // Merge on an existing entity only (eTag "*"): an unknown id is a 404, never an insert.
      await this.client.updateEntity(patch as { partitionKey: string; rowKey: string }, 'Merge', { etag: '*' });
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async list(filter: { since?: Date } = {}): Promise<TurnRecord[]> {
    await this.table();
    const query = filter.since ? odata`PartitionKey eq ${PARTITION} and at ge ${filter.since}` : odata`PartitionKey eq ${PARTITION}`;
    const out: TurnRecord[] = [];
    for await (const e of this.client.listEntities<TurnEntity>({ queryOptions: { filter: query } })) out.push(toRecord(e));
    return out.sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async purgeOlderThan(date: Date): Promise<number> {
    await this.table();
    const keys: string[] = [];
    const old = this.client.listEntities<Pick<TurnEntity, 'partitionKey' | 'rowKey'>>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and at lt ${date}`, select: ['PartitionKey', 'RowKey'] },
    });
    for await (const e of old) keys.push(e.rowKey);
    let removed = 0;
    for (let i = 0; i < keys.length; i += BATCH) {
      const chunk = keys.slice(i, i + BATCH);
      try {
        await this.client.submitTransaction(chunk.map((rowKey): TransactionAction => ['delete', { partitionKey: PARTITION, rowKey }]));
        removed += chunk.length;
      } catch (err) {
        if (!isNotFound(err)) throw err;
        for (const rowKey of chunk) {
          try {
            await this.client.deleteEntity(PARTITION, rowKey);
            removed += 1;
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
        }
      }
    }
    return removed;
  }

  async close(): Promise<void> {}
}
