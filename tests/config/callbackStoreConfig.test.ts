import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config/Config';

const base = { STATE_STORE: 'memory', DEPLOYMENT_CONFIG: 'none' };
const CONNECTION = 'DefaultEndpointsProtocol=https;AccountName=example;AccountKey=a2V5;EndpointSuffix=core.windows.net';

describe('Config: where callback requests are kept (CALLBACK_STORE, CALLBACK_TABLE)', () => {
  it('keeps them in SQLite by default, with the table name ready for Azure', () => {
    const c = loadConfig(base);
    expect(c.callbackStore).to.equal('sqlite');
    expect(c.callbackTable).to.equal('callbackrequests');
  });

  it('takes table with a connection string, and a table name of its own', () => {
    const c = loadConfig({ ...base, CALLBACK_STORE: 'table', AZURE_STORAGE_CONNECTION_STRING: CONNECTION, CALLBACK_TABLE: 'TraffordCallbacks2' });
    expect(c.callbackStore).to.equal('table');
    expect(c.callbackTable).to.equal('TraffordCallbacks2');
  });

  it('rejects a store it does not know, naming CALLBACK_STORE', () => {
    expect(() => loadConfig({ ...base, CALLBACK_STORE: 'cosmos' })).to.throw(ConfigError, /CALLBACK_STORE must be one of sqlite, table \(it is "cosmos"\)/);
  });

  it('needs AZURE_STORAGE_CONNECTION_STRING for CALLBACK_STORE=table', () => {
    expect(() => loadConfig({ ...base, CALLBACK_STORE: 'table' })).to.throw(ConfigError, /AZURE_STORAGE_CONNECTION_STRING must be set when CALLBACK_STORE is table/);
  });

  for (const bad of ['cb', '9callbacks', 'call-backs', 'call backs', 'tables', 'x'.repeat(64)]) {
    it(`rejects CALLBACK_TABLE=${bad.length > 20 ? `${bad.slice(0, 8)}… (${bad.length} characters)` : bad}, naming CALLBACK_TABLE`, () => {
      expect(() => loadConfig({ ...base, CALLBACK_TABLE: bad })).to.throw(ConfigError, /^CALLBACK_TABLE must be an Azure table name/);
    });
  }
});
