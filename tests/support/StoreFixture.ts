import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';

/** Empty storage for one test, of one store implementation (call-back requests, turn records). */
export interface StoreFixture<S> {
  /** A store on this test's storage; every call is a new instance on the same storage, as after a restart. */
  open(now?: () => Date): Promise<S>;
  /** Closes what `open` made and removes this test's storage. */
  dispose(): Promise<void>;
}

interface Closable {
  close(): Promise<void>;
}

function closingAll<S extends Closable>(open: (now?: () => Date) => S, remove: () => Promise<void>): StoreFixture<S> {
  const opened: S[] = [];
  return {
    async open(now) {
      const store = open(now);
      opened.push(store);
      return store;
    },
    async dispose() {
      for (const store of opened) await store.close();
      await remove();
    },
  };
}

/** Stores in a fresh temporary folder (a DATA_DIR), removed afterwards. */
export function sqliteStoreFixture<S extends Closable>(prefix: string, open: (dir: string, now?: () => Date) => S): StoreFixture<S> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return closingAll((now) => open(dir, now), async () => fs.rmSync(dir, { recursive: true, force: true }));
}

/** Stores on a fresh table (named `prefix` and random letters and digits) in an Azure Storage account, deleted afterwards. */
export function azureTableStoreFixture<S extends Closable>(connectionString: string, prefix: string, open: (table: string, now?: () => Date) => S): StoreFixture<S> {
  const table = `${prefix}${randomUUID().replace(/-/g, '')}`;
  return closingAll(
    (now) => open(table, now),
    async () => void (await TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true }).deleteTable()),
  );
}
