import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { buildTeamsPackage } from '../../scripts/teams-package';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { SEARCH_ANSWERS_COMMAND_ID, SEARCH_QUERY_PARAMETER, TeamsSettingsError, readTeamsSettings } from '../../src/teams/TeamsManifest';
import { localSchemaFile, validateTeamsManifest } from '../../src/teams/validateTeamsManifest';

const APP_ID = '0b2f6a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const TEAMS_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const ENV = { MicrosoftAppId: APP_ID, BOT_ENDPOINT: 'https://sen-support.example.org/api/messages' };

type Json = Record<string, unknown>;

describe('Teams: the app package (npm run teams:package)', () => {
  let dir: string;
  let files: Record<string, Uint8Array>;
  let manifest: Json;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
    const zip = path.join(dir, 'teams-app.zip');
    buildTeamsPackage({ ...ENV, TEAMS_APP_ID: TEAMS_ID }, zip);
    files = unzipSync(fs.readFileSync(zip));
    manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8')) as Json;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds exactly manifest.json, color.png and outline.png', () => {
    expect(Object.keys(files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a manifest valid against the JSON schema it declares (from @microsoft/app-manifest)', () => {
    expect(manifest.$schema).to.match(/\/teams\/v1\.(\d+)\/MicrosoftTeams\.schema\.json$/);
    expect(fs.existsSync(localSchemaFile(manifest.$schema as string))).to.equal(true);
    const minor = Number(/v1\.(\d+)/.exec(manifest.$schema as string)?.[1]);
    expect(minor, 'a current schema version').to.be.at.least(17);
    expect(manifest.manifestVersion).to.equal(`1.${minor}`);
    expect(validateTeamsManifest(manifest)).to.deep.equal([]);
  });

  it('would catch a manifest that breaks the schema', () => {
    const broken = JSON.parse(JSON.stringify(manifest)) as Json & { name: Json; bots: Json[] };
    broken.name.short = 'A name far too long for the Teams app bar';
    delete broken.bots[0].botId;
    const problems = validateTeamsManifest(broken);
    expect(problems.join('\n')).to.match(/\/name\/short/);
    expect(problems.join('\n')).to.match(/botId/);
  });

  it('uses the configured ids and bot endpoint, and the version from package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.id).to.equal(TEAMS_ID);
    expect(manifest.version).to.equal(pkg.version);
    expect((manifest.bots as Json[])[0].botId).to.equal(APP_ID);
    expect((manifest.composeExtensions as Json[])[0].botId).to.equal(APP_ID);
    expect(manifest.validDomains).to.deep.equal(['sen-support.example.org']);
    expect(manifest.developer).to.include({ privacyUrl: 'https://sen-support.example.org/privacy', websiteUrl: 'https://sen-support.example.org/' });
    expect(JSON.stringify(manifest)).to.not.match(/\{\{[A-Z_]+\}\}/);
  });

  it('declares the bot for personal chat, group chats and teams', () => {
    expect((manifest.bots as Json[])[0].scopes).to.have.members(['personal', 'team', 'groupChat']);
  });

  it('declares the canned-answer search with the command id and parameter the bot answers', () => {
    const commands = (manifest.composeExtensions as Array<{ commands: Json[] }>)[0].commands;
    expect(commands).to.have.length(1);
    expect(commands[0]).to.include({ id: SEARCH_ANSWERS_COMMAND_ID, type: 'query', initialRun: true });
    expect(commands[0].id, 'the command the bot answers').to.equal(SEARCH_ANSWERS_COMMAND_ID);
    expect((commands[0].parameters as Json[]).map((p) => p.name)).to.deep.equal([SEARCH_QUERY_PARAMETER]);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon that is white on transparent', () => {
    const colour = PNG.sync.read(Buffer.from(files['color.png']));
    expect([colour.width, colour.height]).to.deep.equal([192, 192]);
    const outline = PNG.sync.read(Buffer.from(files['outline.png']));
    expect([outline.width, outline.height]).to.deep.equal([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else {
        expect([r, g, b], `pixel ${i / 4} is white`).to.deep.equal([255, 255, 255]);
        white += 1;
      }
    }
    expect(transparent).to.be.greaterThan(white);
    expect(white).to.be.greaterThan(50);
  });
});

describe('Teams: packaging settings are checked, naming the setting', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['no MicrosoftAppId', { BOT_ENDPOINT: ENV.BOT_ENDPOINT }, /^MicrosoftAppId must be set/],
    ['a MicrosoftAppId that is not a GUID', { ...ENV, MicrosoftAppId: 'my-bot' }, /^MicrosoftAppId must be a GUID/],
    ['a TEAMS_APP_ID that is not a GUID', { ...ENV, TEAMS_APP_ID: '123' }, /^TEAMS_APP_ID must be a GUID/],
    ['no BOT_ENDPOINT', { MicrosoftAppId: APP_ID }, /^BOT_ENDPOINT must be set/],
    ['an http BOT_ENDPOINT', { ...ENV, BOT_ENDPOINT: 'http://sen-support.example.org/api/messages' }, /^BOT_ENDPOINT must be an https:\/\/ address/],
    ['a BOT_ENDPOINT that is not /api/messages', { ...ENV, BOT_ENDPOINT: 'https://sen-support.example.org/' }, /^BOT_ENDPOINT must end in \/api\/messages/],
    ['a long TEAMS_DEVELOPER_NAME', { ...ENV, TEAMS_DEVELOPER_NAME: 'x'.repeat(33) }, /^TEAMS_DEVELOPER_NAME must be at most 32/],
  ];
  for (const [label, env, message] of cases) {
    it(`refuses ${label}`, () => {
      expect(() => readTeamsSettings(env)).to.throw(TeamsSettingsError, message);
    });
  }

  it('uses MicrosoftAppId as the Teams app id when TEAMS_APP_ID is not set', () => {
    expect(readTeamsSettings(ENV).teamsAppId).to.equal(APP_ID);
  });

  it('npm run teams:package stops with a clear message when a setting is missing', async () => {
    const env = { ...process.env, MicrosoftAppId: '', BOT_ENDPOINT: '', DOTENV_CONFIG_PATH: path.join(os.tmpdir(), 'no-such-env-file') };
    const run = promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(REPO_ROOT, 'scripts', 'teams-package.ts')], { env, cwd: REPO_ROOT });
    let failure: { code?: number; stderr?: string } | undefined;
    await run.catch((err: { code?: number; stderr?: string }) => (failure = err));
    expect(failure?.code).to.equal(1);
    expect(failure?.stderr).to.match(/Cannot build the Teams package: MicrosoftAppId must be set/);
  });
});
