import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config/Config';
import { REPO_ROOT } from '../../src/knowledge/paths';

describe('Deployment configuration (DEPLOYMENT_CONFIG)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deployment-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const write = (content: unknown): string => {
    const file = path.join(dir, `deployment-${++n}.json`);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const good = { area: 'Trafford', service: { name: 'Trafford SENDIASS', phone: '0161 496 0000', email: 'sendiass@example.org', website: 'https://www.example.org', openingHours: 'Mon to Fri 9 to 5', outOfHoursMessage: 'We are closed now.' } };
  const load = (file: string) => loadConfig({ DEPLOYMENT_CONFIG: file, STATE_STORE: 'memory' });
  const failsNaming = (content: unknown, field: RegExp) => {
    const file = write(content);
    expect(() => load(file)).to.throw(ConfigError, field);
    try {
      load(file);
    } catch (err) {
      expect((err as Error).message).to.include('DEPLOYMENT_CONFIG');
    }
  };

  it('reads a valid file: the default area and the service details', () => {
    const config = load(write(good));
    expect(config.deployment).to.deep.equal(good);
    expect(config.deploymentConfigFile).to.match(/deployment-\d+\.json$/);
  });

  it('ships deployment.example.json, which is valid', () => {
    const config = load(path.join(REPO_ROOT, 'deployment.example.json'));
    expect(config.deployment?.area).to.equal('Trafford');
  });

  it('"none" means no file', () => {
    expect(loadConfig({ DEPLOYMENT_CONFIG: 'none' }).deployment).to.equal(undefined);
  });

  it('stops the server with a message naming the field at fault', () => {
    failsNaming({ ...good, service: { ...good.service, phone: 'ring us' } }, /service\.phone must be a UK phone number/);
    failsNaming({ ...good, service: { ...good.service, email: 'not-an-email' } }, /service\.email must be an email address/);
    failsNaming({ ...good, service: { ...good.service, website: 'javascript:alert(1)' } }, /service\.website/);
    failsNaming({ service: good.service }, /area is required/);
    failsNaming({ ...good, area: 'Narnia' }, /area "Narnia" is not a local authority/);
    failsNaming({ ...good, colour: 'blue' }, /colour is not a setting/);
    failsNaming({ ...good, service: { ...good.service, fax: '1' } }, /service\.fax is not a setting/);
    failsNaming({ area: 'Trafford', service: { openingHours: 'Mon to Fri' } }, /service must give at least one of phone, email or website/);
    failsNaming('{ "area": "Trafford", ', /is not valid JSON/);
  });

  it('a DEPLOYMENT_CONFIG that names a missing file stops the server', () => {
    expect(() => load(path.join(dir, 'missing.json'))).to.throw(ConfigError, /cannot be read/);
  });
});
