import { ContainerClient, RestError } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';

/**
 * A write refused because the item changed (or was created) since this instance read it: another
 * instance, or another turn, got there first. Nothing was written; read again and redo the turn.
 */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: the state at "${key}" changed since it was read (eTag conflict); nothing was written`);
    this.name = 'StateConflictError';
  }
}

/** True for a refused write from any of the bot's stores (this one, SqliteStorage, botbuilder's MemoryStorage). */
export function isStateConflict(err: unknown): boolean {
  return err instanceof StateConflictError || (err instanceof Error && /eTag conflict/i.test(err.message));
}

/**
 * Bot state in Azure Blob Storage with strict optimistic concurrency, so instances sharing the
 * container never silently overwrite each other:
 *
 * - an item read from storage carries the blob's eTag, and is written back only if the blob still
 *   has it (If-Match);
 * - an item with no eTag is new, and is created only if nobody created it meanwhile (If-None-Match: *);
 * - eTag "*" writes unconditionally (for counters where the last writer may win).
 *
 * A refused write throws StateConflictError. After a successful write the item's `eTag` is set to
 * the blob's new one, so the caller can write it again in the same turn.
 *
 * Blob names are the same as botbuilder-azure-blobs' BlobsStorage gives (its sanitizeBlobKey), so
 * state written by either reads in the other. BlobsStorage itself sends no condition for an item
 * without an eTag, and botbuilder's BotState.saveChanges always sends "*": both are last-writer-wins.
 */
export class BlobStateStorage implements Storage {
  private readonly container: ContainerClient;
  private ready: Promise<unknown> | undefined;

  constructor(connectionString: string, containerName: string) {
    this.container = new ContainerClient(connectionString, containerName);
  }

  /** Creates the container on first use (a failed attempt is tried again next time). */
  private initialise(): Promise<unknown> {
    if (!this.ready) {
      this.ready = this.container.createIfNotExists().catch((err: unknown) => {
        this.ready = undefined;
        throw err;
      });
    }
    return this.ready;
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.initialise();
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const blob = await this.download(key);
          if (blob) items[key] = { ...(JSON.parse(blob.body) as object), eTag: blob.eTag };
        } catch (err) {
          if (!(err instanceof RestError && err.statusCode === 404)) throw err;
        }
      }),
    );
    return items;
  }

  /** The blob's JSON text and its eTag, from one download. */
  private async download(key: string): Promise<{ body: string; eTag: string } | undefined> {
    const response = await this.container.getBlockBlobClient(sanitizeBlobKey(key)).download();
    if (!response.readableStreamBody || !response.etag) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of response.readableStreamBody) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return { body: Buffer.concat(chunks).toString('utf8'), eTag: response.etag };
  }

  async write(changes: StoreItems): Promise<void> {
    await this.initialise();
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = item as { eTag?: unknown } & Record<string, unknown>;
        const body = JSON.stringify(value);
        const conditions = eTag === '*' ? {} : typeof eTag === 'string' && eTag ? { ifMatch: eTag } : { ifNoneMatch: '*' };
        try {
          const result = await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
            conditions,
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
          if (result.etag && item && typeof item === 'object') (item as { eTag?: string }).eTag = result.etag;
        } catch (err) {
          // 412: If-Match failed (changed since read). 409: If-None-Match failed (created meanwhile).
          if (err instanceof RestError && (err.statusCode === 412 || err.statusCode === 409)) throw new StateConflictError(key);
          throw err;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.initialise();
    await Promise.all(keys.map((key) => this.container.getBlockBlobClient(sanitizeBlobKey(key)).deleteIfExists()));
  }
}
