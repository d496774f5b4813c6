import { odata, type TableClient, type TableEntityResult, type TableServiceClientOptions } from '@azure/data-tables';
import { AzureTable, isNotFound } from '../storage/AzureTable';
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

/**
 * Turn records in Azure Table Storage (production: ANALYTICS_STORE=table), through the official
 * @azure/data-tables SDK, as AzureTableCallbackStore keeps call-back requests. The table is created
 * on first use.
 */
export class AzureTableAnalyticsStore implements AnalyticsStore {
  private readonly table: AzureTable;
  private readonly client: TableClient;

  constructor(client: TableClient) {
    this.table = new AzureTable(client);
    this.client = client;
  }

  /** Plain http only to this machine (the azurite emulator), as for the call-back store. */
  static fromConnectionString(connectionString: string, tableName: string, options: TableServiceClientOptions = {}): AzureTableAnalyticsStore {
    return new AzureTableAnalyticsStore(AzureTable.client(connectionString, tableName, options));
  }

  async add(r: TurnRecord): Promise<void> {
    if (!isTurnOutcome(r.outcome)) throw new Error(`outcome must be one of the turn outcomes (it is "${String(r.outcome)}")`);
    await this.table.created();
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
    await this.table.created();
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
    await this.table.created();
    const query = filter.since ? odata`PartitionKey eq ${PARTITION} and at ge ${filter.since}` : odata`PartitionKey eq ${PARTITION}`;
    const out: TurnRecord[] = [];
    for await (const e of this.client.listEntities<TurnEntity>({ queryOptions: { filter: query } })) out.push(toRecord(e));
    return out.sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async purgeOlderThan(date: Date): Promise<number> {
    return this.table.deleteBefore(PARTITION, 'at', date);
  }

  async close(): Promise<void> {}
}
