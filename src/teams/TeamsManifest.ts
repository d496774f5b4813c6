import path from 'node:path';
import { REPO_ROOT } from '../knowledge/paths';

/** The messaging extension's search command: the manifest declares it, the bot answers it. */
export const SEARCH_ANSWERS_COMMAND_ID = 'searchAnswers';
/** The search command's one parameter: what the officer types. */
export const SEARCH_QUERY_PARAMETER = 'query';

export const TEAMS_DIR = path.join(REPO_ROOT, 'teams');
export const MANIFEST_TEMPLATE = path.join(TEAMS_DIR, 'manifest.template.json');
export const TEAMS_ICONS = { color: path.join(TEAMS_DIR, 'color.png'), outline: path.join(TEAMS_DIR, 'outline.png') } as const;

/** A packaging setting that is missing or wrong: the message names it. */
export class TeamsSettingsError extends Error {}

/** What the Teams app package is built from. */
export interface TeamsSettings {
  /** MicrosoftAppId: the bot's Microsoft Entra app id (the bot and the messaging extension). */
  microsoftAppId: string;
  /** TEAMS_APP_ID: the Teams app's own id (default: the bot's app id). */
  teamsAppId: string;
  /** BOT_ENDPOINT: the bot's public messaging endpoint, https://…/api/messages. */
  botEndpoint: string;
  /** TEAMS_DEVELOPER_NAME: who publishes the app, as Teams shows it (at most 32 characters). */
  developerName: string;
  /** TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL: default the bot's own site, its /privacy page. */
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TeamsSettingsError(`${name} must be an https:// address (it is "${raw}")`);
  }
  if (url.protocol !== 'https:') throw new TeamsSettingsError(`${name} must be an https:// address: Teams only talks to https (it is "${raw}")`);
  return url;
}

/** Reads and checks the packaging settings; throws TeamsSettingsError naming the first bad one. */
export function readTeamsSettings(env: Record<string, string | undefined>): TeamsSettings {
  const get = (name: string) => env[name]?.trim() || undefined;
  const microsoftAppId = get('MicrosoftAppId');
  if (!microsoftAppId) throw new TeamsSettingsError('MicrosoftAppId must be set: the Teams app declares the bot by its Microsoft app id');
  if (!GUID.test(microsoftAppId)) throw new TeamsSettingsError(`MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000 (it is "${microsoftAppId}")`);
  const teamsAppId = get('TEAMS_APP_ID') ?? microsoftAppId;
  if (!GUID.test(teamsAppId)) throw new TeamsSettingsError(`TEAMS_APP_ID must be a GUID (it is "${teamsAppId}")`);
  const rawEndpoint = get('BOT_ENDPOINT');
  if (!rawEndpoint) throw new TeamsSettingsError('BOT_ENDPOINT must be set to the bot\'s public messaging endpoint, e.g. https://sen-support.example.org/api/messages');
  const endpoint = httpsUrl('BOT_ENDPOINT', rawEndpoint);
  if (!/\/api\/messages\/?$/.test(endpoint.pathname)) throw new TeamsSettingsError(`BOT_ENDPOINT must end in /api/messages (it is "${rawEndpoint}")`);
  const developerName = get('TEAMS_DEVELOPER_NAME') ?? 'SEN support assistant';
  if (developerName.length > 32) throw new TeamsSettingsError(`TEAMS_DEVELOPER_NAME must be at most 32 characters (it has ${developerName.length})`);
  const site = (name: string, fallback: string) => httpsUrl(name, get(name) ?? fallback).href;
  return {
    microsoftAppId,
    teamsAppId,
    botEndpoint: endpoint.href,
    developerName,
    websiteUrl: site('TEAMS_WEBSITE_URL', `${endpoint.origin}/`),
    privacyUrl: site('TEAMS_PRIVACY_URL', `${endpoint.origin}/privacy`),
    termsUrl: site('TEAMS_TERMS_URL', `${endpoint.origin}/privacy`),
  };
}

/** The manifest: the template with the settings filled in. Every placeholder must be filled. */
export function buildTeamsManifest(template: string, settings: TeamsSettings, appVersion: string): Record<string, unknown> {
  const values: Record<string, string> = {
    APP_VERSION: appVersion,
    TEAMS_APP_ID: settings.teamsAppId,
    MICROSOFT_APP_ID: settings.microsoftAppId,
    TEAMS_DEVELOPER_NAME: settings.developerName,
    TEAMS_WEBSITE_URL: settings.websiteUrl,
    TEAMS_PRIVACY_URL: settings.privacyUrl,
    TEAMS_TERMS_URL: settings.termsUrl,
    BOT_DOMAIN: new URL(settings.botEndpoint).host,
    SEARCH_COMMAND_ID: SEARCH_ANSWERS_COMMAND_ID,
    SEARCH_PARAMETER_NAME: SEARCH_QUERY_PARAMETER,
  };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    if (!(name in values)) throw new TeamsSettingsError(`The manifest template has an unknown placeholder ${whole}`);
    // Inside a JSON string: escape as JSON does.
    return JSON.stringify(values[name]).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}
