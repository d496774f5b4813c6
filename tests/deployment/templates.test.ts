import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { loadConfig } from '../../src/config/Config';
import { RUNTIME_NODE_MAJOR } from '../../scripts/package';

const DIR = path.join(REPO_ROOT, 'deploymentTemplates');
const bicep = fs.readFileSync(path.join(DIR, 'main.bicep'), 'utf8');
const arm = JSON.parse(fs.readFileSync(path.join(DIR, 'main.json'), 'utf8')) as {
  parameters: Record<string, { type: string; defaultValue?: unknown; allowedValues?: unknown[] }>;
  resources: Array<{ type: string; apiVersion: string; name: string; condition?: string; properties?: Record<string, unknown>; sku?: Record<string, unknown>; kind?: string }>;
};
const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');

/** The text of the `{ … }` block that starts at the first "{" after `from`. */
function blockAfter(text: string, from: number): string {
  const open = text.indexOf('{', from);
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}') depth -= 1;
    if (depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced braces in main.bicep');
}

/** Keys at the top level of a Bicep object body. */
function topKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    const m = /^\s*('?[\w$-]+'?)\s*:/.exec(line);
    if (depth === 0 && m) keys.push(m[1].replace(/'/g, ''));
    for (const ch of line.replace(/'[^']*'/g, '')) {
      if (ch === '{' || ch === '[') depth += 1;
      if (ch === '}' || ch === ']') depth -= 1;
    }
  }
  return keys;
}

interface BicepParam {
  name: string;
  type: string;
  secure: boolean;
  hasDefault: boolean;
  allowed?: string;
}

/** `param name type [= default]` with the decorators above it. */
function bicepParams(): BicepParam[] {
  const out: BicepParam[] = [];
  const lines = bicep.split('\n');
  lines.forEach((line, i) => {
    const m = /^param (\w+) (\w+)( = .*)?$/.exec(line.trim());
    if (!m) return;
    const decorators: string[] = [];
    for (let j = i - 1; j >= 0 && lines[j].trim().startsWith('@'); j -= 1) decorators.push(lines[j].trim());
    out.push({ name: m[1], type: m[2], secure: decorators.includes('@secure()'), hasDefault: !!m[3], allowed: decorators.find((d) => d.startsWith('@allowed(')) });
  });
  return out;
}

/** `resource sym 'Type@version'` → [type, version]. */
function bicepResources(): Array<{ symbol: string; type: string; apiVersion: string; at: number }> {
  return [...bicep.matchAll(/^resource (\w+) '([^@']+)@([^']+)'/gm)].map((m) => ({ symbol: m[1], type: m[2], apiVersion: m[3], at: m.index ?? 0 }));
}

/** A Bicep resource's body, by symbolic name. */
function bicepResource(symbol: string): string {
  const r = bicepResources().find((x) => x.symbol === symbol);
  expect(r, `main.bicep has no resource ${symbol}`).to.not.equal(undefined);
  return blockAfter(bicep, (r as { at: number }).at);
}

function bicepAppSettings(): Record<string, string> {
  const body = bicepResource('appSettings');
  const props = blockAfter(body, body.indexOf('properties:'));
  const out: Record<string, string> = {};
  for (const key of topKeys(props)) out[key] = (new RegExp(`^\\s*${key}:\\s*(.*)$`, 'm').exec(props) as RegExpExecArray)[1].trim();
  return out;
}

function armResources(type: string): typeof arm.resources {
  return arm.resources.filter((r) => r.type === type);
}

function armAppSettings(): Record<string, string> {
  const config = arm.resources.find((r) => r.type === 'Microsoft.Web/sites/config' && r.name.includes("'appsettings'"));
  expect(config, 'main.json has no Microsoft.Web/sites/config appsettings').to.not.equal(undefined);
  return config?.properties as Record<string, string>;
}

/** Every setting name in .env.example (read each run: other work adds settings there). */
function envExampleKeys(): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8');
  return [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
}

/** The settings README.md says the template does not set, each with its reason. */
function documentedAsNotSet(): string[] {
  const start = readme.indexOf('## Settings the template does not set');
  expect(start, 'deploymentTemplates/README.md has a "Settings the template does not set" section').to.be.greaterThan(-1);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5) === -1 ? undefined : readme.indexOf('\n## ', start + 5));
  return [...section.matchAll(/^\| `([A-Za-z_][A-Za-z0-9_]*)` \| \S/gm)].map((m) => m[1]);
}

/** Secrets, and where each may come from: a secure parameter, or the resource itself. */
const SECRETS: Record<string, RegExp> = {
  MicrosoftAppPassword: /microsoftAppPassword/,
  OFFICER_API_KEY: /officerApiKey/,
  AZURE_STORAGE_CONNECTION_STRING: /listKeys\(/,
  DIRECT_LINE_SECRET: /listChannelWithKeys\(/,
  APPLICATIONINSIGHTS_CONNECTION_STRING: /ConnectionString/,
};

describe('Deployment templates: main.bicep and main.json declare the same Azure service', () => {
  it('the same parameters, with the same types, defaults present or not, and allowed values', () => {
    const fromBicep = bicepParams();
    expect(fromBicep.map((p) => p.name)).to.deep.equal(Object.keys(arm.parameters));
    for (const p of fromBicep) {
      const a = arm.parameters[p.name];
      expect(a.type, p.name).to.equal(p.secure ? `secure${p.type}` : p.type);
      expect('defaultValue' in a, `${p.name} has a default in one template only`).to.equal(p.hasDefault);
      if (p.allowed) expect(p.allowed.replace(/\s/g, ''), p.name).to.equal(`@allowed(${JSON.stringify(a.allowedValues).replace(/"/g, "'")})`);
      else expect(a.allowedValues, p.name).to.equal(undefined);
    }
  });

  it('the same resources, of the same types and API versions', () => {
    const key = (r: { type: string; apiVersion: string }) => `${r.type}@${r.apiVersion}`;
    expect(bicepResources().map(key).sort()).to.deep.equal(arm.resources.map(key).sort());
  });

  it('the same app settings', () => {
    expect(Object.keys(bicepAppSettings()).sort()).to.deep.equal(Object.keys(armAppSettings()).sort());
    // Literal values agree too.
    const literal = /^'([^'$]*)'$/;
    for (const [k, v] of Object.entries(bicepAppSettings())) {
      const m = literal.exec(v);
      if (m) expect(armAppSettings()[k], k).to.equal(m[1]);
    }
  });
});

describe('Deployment templates: what they create', () => {
  const types = () => arm.resources.map((r) => r.type);

  it('an App Service plan (Linux) and a Linux Web App on Node 22 LTS, with an instance count and CPU autoscale', () => {
    const [plan] = armResources('Microsoft.Web/serverfarms');
    expect(plan.kind).to.equal('linux');
    expect(plan.properties).to.include({ reserved: true });
    expect(plan.sku).to.deep.equal({ name: "[parameters('appServicePlanSku')]", capacity: "[parameters('instanceCount')]" });
    expect(arm.parameters.instanceCount.defaultValue).to.be.at.least(2);
    const [autoscale] = armResources('Microsoft.Insights/autoscalesettings');
    expect(autoscale.condition).to.equal("[parameters('enableAutoscale')]");
    const profile = (autoscale.properties?.profiles as Array<{ capacity: Record<string, string>; rules: Array<{ metricTrigger: { metricName: string } }> }>)[0];
    expect(profile.capacity.minimum).to.equal("[string(parameters('instanceCount'))]");
    expect(profile.rules.map((r) => r.metricTrigger.metricName)).to.deep.equal(['CpuPercentage', 'CpuPercentage']);
    const [site] = armResources('Microsoft.Web/sites');
    expect(site.kind).to.equal('app,linux');
    const siteConfig = site.properties?.siteConfig as Record<string, unknown>;
    expect(siteConfig.linuxFxVersion).to.equal(`NODE|${RUNTIME_NODE_MAJOR}-lts`);
    expect(bicep).to.include(`linuxFxVersion: 'NODE|${RUNTIME_NODE_MAJOR}-lts'`);
    expect(siteConfig.appCommandLine).to.equal('node dist/src/index.js');
    expect(siteConfig.healthCheckPath).to.equal('/readyz');
    // Any instance serves any conversation: no sticky sessions.
    expect(site.properties?.clientAffinityEnabled).to.equal(false);
  });

  it('HTTPS only, TLS 1.2, FTP and FTPS off', () => {
    const [site] = armResources('Microsoft.Web/sites');
    expect(site.properties?.httpsOnly).to.equal(true);
    expect(site.properties?.siteConfig).to.include({ ftpsState: 'Disabled', minTlsVersion: '1.2' });
    const [ftp] = armResources('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    expect(ftp.name).to.include("'ftp'");
    expect(ftp.properties).to.deep.equal({ allow: false });
    expect(bicep).to.match(/httpsOnly: true/).and.to.match(/ftpsState: 'Disabled'/);
    const [storage] = armResources('Microsoft.Storage/storageAccounts');
    expect(storage.properties).to.include({ supportsHttpsTrafficOnly: true, allowBlobPublicAccess: false, minimumTlsVersion: 'TLS1_2' });
  });

  it('an Azure Bot, single-tenant or with a user-assigned managed identity (never multi-tenant), with the Teams and Direct Line channels', () => {
    expect(arm.parameters.microsoftAppType.allowedValues).to.deep.equal(['SingleTenant', 'UserAssignedMSI']);
    const [bot] = armResources('Microsoft.BotService/botServices');
    expect(bot.kind).to.equal('azurebot');
    expect(bot.properties).to.include({ msaAppType: "[parameters('microsoftAppType')]", endpoint: "[variables('endpoint')]" });
    expect(String(bot.properties?.msaAppMSIResourceId)).to.include('Microsoft.ManagedIdentity/userAssignedIdentities');
    expect(types()).to.include('Microsoft.ManagedIdentity/userAssignedIdentities');
    const channels = armResources('Microsoft.BotService/botServices/channels').map((c) => (c.properties as { channelName: string }).channelName);
    expect(channels.sort()).to.deep.equal(['DirectLineChannel', 'MsTeamsChannel']);
  });

  it('a Storage account with the container and table the app uses and the lifecycle rule for STATE_TTL_DAYS; Application Insights optional', () => {
    const defaults = loadConfig({});
    expect((arm as unknown as { variables: Record<string, string> }).variables).to.include({ stateContainer: defaults.azureStorageContainer, callbackTable: defaults.callbackTable });
    expect(types()).to.include.members(['Microsoft.Storage/storageAccounts/blobServices/containers', 'Microsoft.Storage/storageAccounts/tableServices/tables']);
    const [policy] = armResources('Microsoft.Storage/storageAccounts/managementPolicies');
    const rule = (policy.properties as { policy: { rules: Array<{ definition: { filters: { prefixMatch: string[] }; actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: string } } } } }> } }).policy.rules[0];
    expect(rule.definition.filters.prefixMatch).to.deep.equal(["[format('{0}/', variables('stateContainer'))]"]);
    expect(rule.definition.actions.baseBlob.delete.daysAfterModificationGreaterThan).to.equal("[parameters('stateTtlDays')]");
    expect(armAppSettings().STATE_TTL_DAYS).to.equal("[string(parameters('stateTtlDays'))]");
    const [insights] = armResources('Microsoft.Insights/components');
    expect(insights.condition).to.equal("[parameters('enableApplicationInsights')]");
  });

  it('every .env.example setting is an app setting, or README.md says why the template does not set it', () => {
    const settings = armAppSettings();
    const notSet = documentedAsNotSet();
    const missing = envExampleKeys().filter((k) => !(k in settings) && !notSet.includes(k));
    expect(missing, 'settings in .env.example that main.bicep/main.json neither set nor README.md lists under "Settings the template does not set"').to.deep.equal([]);
    const both = notSet.filter((k) => k in settings);
    expect(both, 'listed as not set, but set').to.deep.equal([]);
    const unknown = notSet.filter((k) => !envExampleKeys().includes(k));
    expect(unknown, 'listed in README.md but not in .env.example').to.deep.equal([]);
  });

  it('no secret is in plain text or has a default: secure parameters, or keys read from the resources', () => {
    const params = bicepParams();
    for (const p of params.filter((x) => /password|secret|apikey/i.test(x.name))) {
      expect(p.secure, `${p.name} is @secure()`).to.equal(true);
      expect(p.hasDefault, `${p.name} has no default`).to.equal(false);
      expect(arm.parameters[p.name]).to.not.have.property('defaultValue');
    }
    for (const [name, source] of Object.entries(SECRETS)) {
      expect(armAppSettings()[name], `main.json ${name}`).to.match(source);
      expect(bicepAppSettings()[name], `main.bicep ${name}`).to.match(source);
    }
    // Nothing key-like written out in either file.
    for (const text of [bicep, JSON.stringify(arm)].map((t) => t.replace(/Microsoft\.[\w./]+/g, 'TYPE'))) {
      expect(text).to.not.match(/AccountKey=[A-Za-z0-9+/]{20,}/);
      expect(text).to.not.match(/[A-Za-z0-9+/]{40,}={0,2}/);
    }
    // The example parameters file carries no secret.
    const example = JSON.parse(fs.readFileSync(path.join(DIR, 'main.parameters.example.json'), 'utf8')) as { parameters: Record<string, unknown> };
    const secure = params.filter((p) => p.secure).map((p) => p.name);
    expect(Object.keys(example.parameters).filter((k) => secure.includes(k))).to.deep.equal([]);
    for (const k of Object.keys(example.parameters)) expect(arm.parameters, `example parameter ${k}`).to.have.property(k);
  });
});
