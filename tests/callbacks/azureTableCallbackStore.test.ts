import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect } from 'chai';
import { TableClient } from '@azure/data-tables';
import { sample } from './sample';
import { callbackStoreBehaviour } from './callbackStoreBehaviour';
import { Azurite } from '../support/Azurite';
import { azureTableStoreFixture } from '../support/StoreFixture';
import { AzureTableCallbackStore } from '../../src/callbacks/AzureTableCallbackStore';
import type { CallbackStore } from '../../src/callbacks/CallbackStore';

/** A fresh table name for each test (letters and digits only). */
const tableName = (): string => `cb${randomUUID().replace(/-/g, '')}`;

describe('AzureTableCallbackStore: callback requests in Azure Table Storage (azurite emulator)', function () {
  this.timeout(60_000);
  const azurite = Azurite.forBlock('table');

  describe('behaves as every CallbackStore must', () => {
    callbackStoreBehaviour(async () => azureTableStoreFixture(azurite.connectionString, 'cb', (table, now): CallbackStore => AzureTableCallbackStore.fromConnectionString(azurite.connectionString, table, now)));
  });

  it('creates its table on first use and keeps one that already holds requests', async () => {
    const table = tableName();
    const service = TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true });
    const first = AzureTableCallbackStore.fromConnectionString(azurite.connectionString, table);
    const r = await first.create(sample());
    const rows: unknown[] = [];
    for await (const e of service.listEntities()) rows.push(e);
    expect(rows).to.have.length(1);
    const second = AzureTableCallbackStore.fromConnectionString(azurite.connectionString, table);
    expect(await second.get(r.id)).to.deep.equal(r);
    await service.deleteTable();
  });

  it('keeps the request as typed values in the table, the topics as JSON and no topics property when none were shared', async () => {
    const table = tableName();
    const service = TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true });
    const store = AzureTableCallbackStore.fromConnectionString(azurite.connectionString, table);
    const withTopics = await store.create(sample({ topics: ['EHC needs assessment'] }));
    const without = await store.create(sample());
    const a = await service.getEntity('callback', withTopics.id);
    const b = await service.getEntity('callback', without.id);
    expect(a.createdAt).to.be.instanceOf(Date);
    expect(a).to.include({ status: 'new', area: 'Trafford', contactKind: 'phone', topics: '["EHC needs assessment"]' });
    expect(b).to.not.have.property('topics');
    await service.deleteTable();
  });

  it('purges the rest when a request it meant to purge was deleted meanwhile (the batch fails whole)', async () => {
    const table = tableName();
    const client = TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true });
    let now = new Date('2026-11-01T12:00:00Z');
    const store = new AzureTableCallbackStore(client, () => now);
    const made = [await store.create(sample()), await store.create(sample()), await store.create(sample())];
    now = new Date('2026-12-01T12:00:00Z');
    const kept = await store.create(sample());
    // An officer deletes one request between the purge's query and its batch.
    const submit = client.submitTransaction.bind(client);
    let batches = 0;
    client.submitTransaction = async (actions) => {
      batches += 1;
      if (batches === 1) await client.deleteEntity('callback', made[1]?.id as string);
      return submit(actions);
    };
    expect(await store.purgeOlderThan(new Date('2026-11-15T00:00:00Z'))).to.equal(2);
    expect(batches).to.equal(1);
    expect((await store.list()).map((r) => r.id)).to.deep.equal([kept.id]);
    await client.deleteTable();
  });

  it('rejects, rather than reporting success, when the storage cannot be reached', async () => {
    // A port with no emulator on it, and no retries, so the failure comes at once.
    const idle = await Azurite.start('table');
    const connectionString = idle.connectionString;
    await idle.stop();
    const store = new AzureTableCallbackStore(TableClient.fromConnectionString(connectionString, tableName(), { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } }));
    let failed: unknown;
    try {
      await store.create(sample());
    } catch (err) {
      failed = err;
    }
    expect(failed, 'create resolved although nothing was written').to.be.instanceOf(Error);
  });

  it('signs requests sent over plain http only to this machine (the emulator), never elsewhere', async () => {
    // The SDK refuses before connecting, so nothing leaves the machine.
    const remote = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://storage.example.org/devstoreaccount1;';
    const store = AzureTableCallbackStore.fromConnectionString(remote, 'callbackrequests', undefined, { retryOptions: { maxRetries: 0 } });
    let failed: unknown;
    try {
      await store.create(sample());
    } catch (err) {
      failed = err;
    }
    expect((failed as Error | undefined)?.message).to.match(/allowInsecureConnection is false/);
  });

  it('the officers\' CLI (npm run requests) reads and updates the table when CALLBACK_STORE=table', async () => {
    const table = tableName();
    const store = AzureTableCallbackStore.fromConnectionString(azurite.connectionString, table);
    const r = await store.create(sample({ area: 'Trafford' }));
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/requests.ts', ...args], {
          cwd: path.resolve(__dirname, '../..'),
          // Async, so the emulator in this process keeps answering while the CLI runs.
          env: { ...process.env, CALLBACK_STORE: 'table', CALLBACK_TABLE: table, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, DATA_DIR: '/nonexistent-data-dir', DEPLOYMENT_CONFIG: 'none' },
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
    const listed = await cli('list');
    expect(listed.code, listed.out).to.equal(0);
    expect(listed.out).to.include(r.id).and.include('Trafford');
    const marked = await cli('contacted', r.id);
    expect(marked.code, marked.out).to.equal(0);
    expect((await store.get(r.id))?.status).to.equal('contacted');
    await TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true }).deleteTable();
  });

  it('refuses a table name Azure would refuse', () => {
    for (const bad of ['cb', '1callbacks', 'call-backs', 'tables', 'x'.repeat(64)]) {
      expect(() => AzureTableCallbackStore.fromConnectionString(azurite.connectionString, bad), bad).to.throw(/valid Azure table name/);
    }
  });
});
