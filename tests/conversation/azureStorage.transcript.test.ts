import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { AzureTableCallbackStore } from '../../src/callbacks/AzureTableCallbackStore';
import { Azurite } from '../support/Azurite';
import { callbackSurvivesRestart, didYouMeanSurvivesRestart } from '../support/restartChecks';

const KEY = 'officer-key-for-azure-storage-tests';

/**
 * The production set-up (STATE_STORE=blob, CALLBACK_STORE=table) against the Azure Storage
 * emulator: what a user entrusted survives the server restarting, and nothing lands on local disk.
 */
describe('Conversation: what the user entrusted survives a restart on Azure Storage (azurite emulator)', function () {
  this.timeout(60_000);
  let blob: Azurite;
  let table: Azurite;
  let dataDir: string;
  before(async () => {
    [blob, table] = await Promise.all([Azurite.start('blob'), Azurite.start('table')]);
  });
  after(async () => {
    await Promise.all([blob?.stop(), table?.stop()]);
  });
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-state-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** Blobs in the container, by name. */
  async function blobNames(container: string): Promise<string[]> {
    const names: string[] = [];
    const client = BlobServiceClient.fromConnectionString(blob.connectionString).getContainerClient(container);
    for await (const b of client.listBlobsFlat()) names.push(b.name);
    return names;
  }

  it('STATE_STORE=blob: a "Did you mean" left unanswered is still there after the server restarts', async () => {
    const env = { STATE_STORE: 'blob', AZURE_STORAGE_CONNECTION_STRING: blob.connectionString, AZURE_STORAGE_CONTAINER: 'restart-state', DATA_DIR: dataDir };
    await didYouMeanSurvivesRestart(env, { user: 'user-blob', conversation: 'conv-blob-restart' }, async () => {
      // The state is in the emulator's blob container, not in a file beside the server.
      expect((await blobNames('restart-state')).some((name) => name.includes('conv-blob-restart'))).to.equal(true);
      expect(fs.existsSync(path.join(dataDir, 'bot-state.sqlite'))).to.equal(false);
    });
  });

  it('STATE_STORE=blob, CALLBACK_STORE=table: a call-back request carries on after a restart, is stored in the table, and the officers\' API lists it', async () => {
    const env = {
      STATE_STORE: 'blob',
      CALLBACK_STORE: 'table',
      CALLBACK_TABLE: 'restartcallbacks',
      AZURE_STORAGE_CONNECTION_STRING: Azurite.connectionString(blob, table),
      AZURE_STORAGE_CONTAINER: 'restart-callback-state',
      DATA_DIR: dataDir,
      DEPLOYMENT_CONFIG: 'deployment.example.json',
      OFFICER_API_KEY: KEY,
    };
    await callbackSurvivesRestart(
      env,
      { user: 'azure-caller', conversation: 'azure-callback-conv', officerKey: KEY },
      async () => {
        // In the table, written before the user was told "sent"; nothing in DATA_DIR.
        const rows: Array<Record<string, unknown>> = [];
        for await (const e of TableClient.fromConnectionString(table.connectionString, 'restartcallbacks', { allowInsecureConnection: true }).listEntities()) rows.push(e);
        expect(rows).to.have.length(1);
        expect(rows[0]).to.include({ area: 'Trafford', name: 'Robin', contact: 'robin@example.com', status: 'new' });
        expect(fs.existsSync(path.join(dataDir, 'callbacks.sqlite'))).to.equal(false);
      },
      (app) => expect(app.services.callbacks).to.be.instanceOf(AzureTableCallbackStore),
    );
  });
});
