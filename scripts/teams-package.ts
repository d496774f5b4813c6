// npm run teams:package — builds the Teams app package dist/teams-app.zip (manifest.json,
// color.png, outline.png) from teams/manifest.template.json and the settings MicrosoftAppId,
// TEAMS_APP_ID (default: MicrosoftAppId), BOT_ENDPOINT and the optional TEAMS_DEVELOPER_NAME,
// TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL (from the environment or .env).
// The manifest is checked against the schema it declares before the zip is written.
import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { REPO_ROOT } from '../src/knowledge/paths';
import { MANIFEST_TEMPLATE, TEAMS_ICONS, TeamsSettingsError, buildTeamsManifest, readTeamsSettings } from '../src/teams/TeamsManifest';
import { validateTeamsManifest } from '../src/teams/validateTeamsManifest';

export const TEAMS_PACKAGE = path.join(REPO_ROOT, 'dist', 'teams-app.zip');

/** Builds the package into `out`; returns the manifest. Throws TeamsSettingsError for a bad setting. */
export function buildTeamsPackage(env: Record<string, string | undefined>, out = TEAMS_PACKAGE): Record<string, unknown> {
  const settings = readTeamsSettings(env);
  const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = buildTeamsManifest(fs.readFileSync(MANIFEST_TEMPLATE, 'utf8'), settings, version);
  const problems = validateTeamsManifest(manifest);
  if (problems.length) throw new Error(`The manifest does not match its schema:\n  ${problems.join('\n  ')}`);
  const zip = zipSync(
    {
      'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': fs.readFileSync(TEAMS_ICONS.color),
      'outline.png': fs.readFileSync(TEAMS_ICONS.outline),
    },
    { level: 9, mtime: new Date('2026-01-01T00:00:00Z') },
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip);
  return manifest;
}

if (require.main === module) {
  try {
    const manifest = buildTeamsPackage(process.env);
    console.log(`Teams app package written to ${path.relative(process.cwd(), TEAMS_PACKAGE)} (app id ${String(manifest.id)}, manifest ${String(manifest.manifestVersion)}).`);
    console.log('Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin centre.');
  } catch (err) {
    console.error(err instanceof TeamsSettingsError ? `Cannot build the Teams package: ${err.message}` : `Cannot build the Teams package: ${(err as Error).message}`);
    process.exit(1);
  }
}
