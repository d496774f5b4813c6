import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/Config';

describe('Config: parsed once, typed, validated at start', () => {
  it('has working defaults with no settings at all', () => {
    const c = loadConfig({});
    expect(c.port).to.equal(3978);
    expect(c.stateStore).to.equal('sqlite');
    expect(c.microsoftAppId).to.equal(undefined);
  });

  for (const [name, value] of [
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['STATE_STORE', 'floppy'],
    ['STATE_TTL_DAYS', '-3'],
    ['KNOWLEDGE_DIR', '/no/such/folder'],
    ['MicrosoftAppType', 'Other'],
    ['EMBED_ORIGINS', 'www.example.gov.uk'],
    ['EMBED_ORIGINS', 'https://www.example.gov.uk/sen/page'],
    ['EMBED_ORIGINS', 'http://www.example.gov.uk'],
    ['EMBED_ORIGINS', '*'],
  ]) {
    it(`rejects ${name}=${value} with a message naming ${name}`, () => {
      expect(() => loadConfig({ [name]: value })).to.throw(ConfigError, name);
    });
  }

  it('needs the password with an app id, and the connection string with blob state', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'abc' })).to.throw(ConfigError, 'MicrosoftAppPassword');
    expect(() => loadConfig({ STATE_STORE: 'blob' })).to.throw(ConfigError, 'AZURE_STORAGE_CONNECTION_STRING');
  });

  it('stops the real server with a message naming a bad PORT', function () {
    this.timeout(30000);
    const root = path.resolve(__dirname, '../..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: root, env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 25000 });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(/PORT must be a whole number/);
    expect(run.stderr).to.not.match(/\n\s+at /);
  });

  it('stops the real server with a message naming a missing knowledge folder', function () {
    this.timeout(30000);
    const root = path.resolve(__dirname, '../..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: root, env: { ...process.env, KNOWLEDGE_DIR: '/no/such/knowledge' }, encoding: 'utf8', timeout: 25000 });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(/KNOWLEDGE_DIR/);
  });
});
