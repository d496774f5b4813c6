import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Azurite } from './Azurite';
import { BotProcess } from './BotProcess';

/** Two bot server processes of a describe block and the storage they share, set once its `before` hook has run. */
export interface TwoInstances {
  a: BotProcess;
  b: BotProcess;
}

/**
 * Two bot server processes (src/index.ts, as App Service runs it) on different ports, sharing one
 * Azure Storage account (the azurite emulator, blob and table): conversation state in one blob
 * container, call-back requests and turn records in tables, each process its own DATA_DIR, as
 * on machines that share nothing but the storage account. Started in the block's `before` hook
 * with `settings` added to those; killed, and the emulator stopped, in its `after` hook.
 */
export function twoInstancesOnAzurite(settings: Record<string, string>): TwoInstances {
  const two = {} as TwoInstances;
  let blob: Azurite | undefined;
  let table: Azurite | undefined;
  const dataDirs: string[] = [];

  const env = (): Record<string, string> => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-instances-'));
    dataDirs.push(dataDir);
    return {
      STATE_STORE: 'blob',
      CALLBACK_STORE: 'table',
      AZURE_STORAGE_CONNECTION_STRING: Azurite.connectionString(blob as Azurite, table as Azurite),
      DATA_DIR: dataDir,
      ...settings,
    };
  };

  before(async () => {
    [blob, table] = await Promise.all([Azurite.start('blob'), Azurite.start('table')]);
    [two.a, two.b] = await Promise.all([BotProcess.start('A', env()), BotProcess.start('B', env())]);
  });
  after(async () => {
    await Promise.all([two.a?.stop('SIGKILL'), two.b?.stop('SIGKILL')]);
    await Promise.all([blob?.stop(), table?.stop()]);
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });
  return two;
}
