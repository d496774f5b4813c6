import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { AzureTableCallbackStore } from '../../src/callbacks/AzureTableCallbackStore';
import { Azurite } from '../support/Azurite';
import { createTestApp, Transcript } from '../support/Transcript';
import { didYouMeanSurvivesRestart } from '../support/restartChecks';

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
    const user = 'azure-caller';
    const conversation = 'azure-callback-conv';

    const first = await createTestApp(env);
    await new Transcript(first, 'webchat', user, conversation)
      .userSays('can someone call me back')
      .botRepliesWith(/Which council area/)
      .userSays('Trafford')
      .botRepliesWith(/Would you like Trafford SEND Information Advice and Support Service \(SENDIASS\) to contact you\?/)
      .userSays('yes please')
      .botRepliesWith(/Is that OK\?/)
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('Robin')
      .botReplies(/phone number or an email/)
      .userSays('robin@example.com')
      .botReplies(/best time/)
      .run();
    await first.close();

    const second = await createTestApp(env);
    try {
      await new Transcript(second, 'webchat', user, conversation)
        .userSays('Tuesday afternoon')
        .botReplies(/In one line/)
        .userSays('Annual review coming up')
        .botReplies(/Your name: \nRobin/)
        .userSays('send')
        .botReplies(/has been sent/)
        .run();
    } finally {
      await second.close();
    }

    // In the table, written before the user was told "sent"; nothing in DATA_DIR.
    const rows: Array<Record<string, unknown>> = [];
    for await (const e of TableClient.fromConnectionString(table.connectionString, 'restartcallbacks', { allowInsecureConnection: true }).listEntities()) rows.push(e);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ area: 'Trafford', name: 'Robin', contact: 'robin@example.com', status: 'new' });
    expect(fs.existsSync(path.join(dataDir, 'callbacks.sqlite'))).to.equal(false);

    const third = await createTestApp(env);
    try {
      const base = await third.listen(0);
      const res = await fetch(`${base}/api/requests`, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(res.status).to.equal(200);
      const { requests } = (await res.json()) as { requests: Array<Record<string, unknown>> };
      expect(requests).to.have.length(1);
      expect(requests[0]).to.include({ area: 'Trafford', name: 'Robin', contact: 'robin@example.com', contactKind: 'email', bestTime: 'Tuesday afternoon', summary: 'Annual review coming up', status: 'new' });
      expect(third.services.callbacks).to.be.instanceOf(AzureTableCallbackStore);
    } finally {
      await third.close();
    }
  });
});
