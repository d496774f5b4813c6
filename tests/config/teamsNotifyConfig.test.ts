import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config/Config';

const base = { STATE_STORE: 'memory', DEPLOYMENT_CONFIG: 'none' };
const good = { TEAMS_NOTIFY_CHANNEL_ID: '19:abc123@thread.tacv2', TEAMS_NOTIFY_SERVICE_URL: 'https://smba.trafficmanager.net/uk/', TEAMS_TENANT_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' };

describe('Config: the Teams channel told of new call-back requests', () => {
  it('is off when not set', () => {
    expect(loadConfig(base).teamsNotify).to.equal(undefined);
  });

  it('reads all three settings', () => {
    expect(loadConfig({ ...base, ...good }).teamsNotify).to.deep.equal({ channelId: '19:abc123@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/uk/', tenantId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' });
  });

  it('takes http:// only for this machine (a test connector)', () => {
    expect(loadConfig({ ...base, ...good, TEAMS_NOTIFY_SERVICE_URL: 'http://127.0.0.1:4000/' }).teamsNotify?.serviceUrl).to.equal('http://127.0.0.1:4000/');
    expect(() => loadConfig({ ...base, ...good, TEAMS_NOTIFY_SERVICE_URL: 'http://smba.trafficmanager.net/uk/' })).to.throw(ConfigError, /TEAMS_NOTIFY_SERVICE_URL must be an https:\/\/ address/);
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['a channel id that is not one', { TEAMS_NOTIFY_CHANNEL_ID: 'general' }, /TEAMS_NOTIFY_CHANNEL_ID must be a Teams channel id/],
    ['no service URL', { TEAMS_NOTIFY_SERVICE_URL: '' }, /TEAMS_NOTIFY_SERVICE_URL must be set when TEAMS_NOTIFY_CHANNEL_ID is set/],
    ['a service URL that is not one', { TEAMS_NOTIFY_SERVICE_URL: 'smba' }, /TEAMS_NOTIFY_SERVICE_URL must be an https:\/\/ address/],
    ['no tenant', { TEAMS_TENANT_ID: '' }, /TEAMS_TENANT_ID must be the tenant's id/],
    ['a tenant that is not a GUID', { TEAMS_TENANT_ID: 'contoso' }, /TEAMS_TENANT_ID must be the tenant's id/],
    ['a service URL without a channel', { TEAMS_NOTIFY_CHANNEL_ID: '' }, /TEAMS_NOTIFY_CHANNEL_ID must be set when TEAMS_NOTIFY_SERVICE_URL is set/],
  ];
  for (const [what, over, message] of bad) {
    it(`stops the server, naming the setting, for ${what}`, () => {
      expect(() => loadConfig({ ...base, ...good, ...over })).to.throw(ConfigError, message);
    });
  }
});
