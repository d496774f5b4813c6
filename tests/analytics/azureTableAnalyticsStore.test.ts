import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { TableClient } from '@azure/data-tables';
import { analyticsStoreBehaviour, turn } from './analyticsStoreBehaviour';
import { Azurite } from '../support/Azurite';
import { azureTableStoreFixture } from '../support/StoreFixture';
import { AzureTableAnalyticsStore } from '../../src/analytics/AzureTableAnalyticsStore';
import { createAnalyticsStore } from '../../src/analytics/createAnalyticsStore';
import { loadConfig } from '../../src/config/Config';

const tableName = (): string => `tr${randomUUID().replace(/-/g, '')}`;

describe('AzureTableAnalyticsStore: turn records in Azure Table Storage (azurite emulator)', function () {
  this.timeout(60_000);
  const azurite = Azurite.forBlock('table');

  describe('behaves as every AnalyticsStore must', () => {
    analyticsStoreBehaviour(async () => azureTableStoreFixture(azurite.connectionString, 'tr', (table) => AzureTableAnalyticsStore.fromConnectionString(azurite.connectionString, table)));
  });

  it('is the store the settings choose: ANALYTICS_STORE=table, or CALLBACK_STORE=table when ANALYTICS_STORE is unset', async () => {
    const table = tableName();
    const env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, ANALYTICS_TABLE: table, DEPLOYMENT_CONFIG: 'none' };
    const config = loadConfig({ ...env, CALLBACK_STORE: 'table' });
    expect(config.analyticsStore).to.equal('table');
    expect(loadConfig({ ...env, CALLBACK_STORE: 'table', ANALYTICS_STORE: 'sqlite' }).analyticsStore).to.equal('sqlite');
    const store = createAnalyticsStore(config);
    expect(store).to.be.instanceOf(AzureTableAnalyticsStore);
    const r = turn({ outcome: 'none', confidence: 0.2 });
    await store.add(r);
    const service = TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true });
    const e = await service.getEntity('turn', r.id);
    expect(e.at).to.be.instanceOf(Date);
    expect(e).to.include({ outcome: 'none', channel: 'webchat', confidence: 0.2 });
    expect(e).to.not.have.property('question');
    await service.deleteTable();
  });

  it('refuses a table name Azure would refuse, in code and in the settings', () => {
    expect(() => AzureTableAnalyticsStore.fromConnectionString(azurite.connectionString, 'turn-records')).to.throw(/valid Azure table name/);
    expect(() => loadConfig({ ANALYTICS_TABLE: 'x', DEPLOYMENT_CONFIG: 'none' })).to.throw(/ANALYTICS_TABLE must be an Azure table name/);
    expect(() => loadConfig({ ANALYTICS_STORE: 'table', DEPLOYMENT_CONFIG: 'none' })).to.throw(/AZURE_STORAGE_CONNECTION_STRING must be set when ANALYTICS_STORE is table/);
    expect(() => loadConfig({ ANALYTICS_RETENTION_DAYS: '0', DEPLOYMENT_CONFIG: 'none' })).to.throw(/ANALYTICS_RETENTION_DAYS must be a whole number from 1 to 730/);
    expect(() => loadConfig({ LOG_QUESTIONS: 'yes', DEPLOYMENT_CONFIG: 'none' })).to.throw(/LOG_QUESTIONS must be one of true, false/);
  });
});
