import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR, REPO_ROOT } from '../knowledge/paths';
import { DeploymentConfigError, loadDeploymentConfig, type DeploymentConfig } from '../directory/DeploymentConfig';
import { areaFileName } from '../directory/areaNames';
import { isAzureTableName } from '../storage/AzureTable';
import { BOT_FRAMEWORK_SERVICE_HOSTS, LOOPBACK_HOSTS, type RequestLimits } from '../server/requestLimits';

/** A setting with a bad value: the message names the setting. The server does not start. */
export class ConfigError extends Error {}

export type StateStoreKind = 'sqlite' | 'blob' | 'memory';
export type CallbackStoreKind = 'sqlite' | 'table';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';

/** The service's Teams channel, told of each new callback request (OfficerNotifier). */
export interface TeamsNotifyConfig {
  /** TEAMS_NOTIFY_CHANNEL_ID: the channel's id ("19:…@thread.tacv2"). */
  channelId: string;
  /** TEAMS_NOTIFY_SERVICE_URL: the Bot Connector address for the team's region ("https://smba.trafficmanager.net/uk/"). */
  serviceUrl: string;
  /** TEAMS_TENANT_ID: the Microsoft 365 tenant (a GUID) the team belongs to. */
  tenantId: string;
}

/** Every setting, parsed once at start and typed. `.env.example` documents each. */
export interface Config {
  /** PORT: where the server listens (default 3978). */
  port: number;
  /** KNOWLEDGE_DIR: the knowledge folder (default ./knowledge). */
  knowledgeDir: string;
  /** DATA_DIR: where local state (SQLite) is kept (default ./data). */
  dataDir: string;
  /** LOG_LEVEL: fatal, error, warn, info, debug or silent (default info). */
  logLevel: LogLevel;
  /** MicrosoftAppId and friends: Bot Framework authentication. Unset locally: authentication off. */
  microsoftAppId?: string;
  microsoftAppPassword?: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId?: string;
  /** STATE_STORE: where conversation state lives: sqlite (local default), blob (Azure Storage), memory (tests). */
  stateStore: StateStoreKind;
  /** AZURE_STORAGE_CONNECTION_STRING / AZURE_STORAGE_CONTAINER: for STATE_STORE=blob. */
  azureStorageConnectionString?: string;
  azureStorageContainer: string;
  /** STATE_TTL_DAYS: conversation state untouched for longer than this is deleted (default 30). */
  stateTtlDays: number;
  /** DEPLOYMENT_CONFIG: the deployment's JSON file (default ./deployment.json when it exists; "none" for none). */
  deploymentConfigFile?: string;
  /** The deployment's default area and its own verified contact details, from that file; they win over the shipped directory. */
  deployment?: DeploymentConfig;
  /** CALLBACK_RETENTION_DAYS: callback requests older than this are deleted (default 30). */
  callbackRetentionDays: number;
  /** CALLBACK_STORE: where callback requests are kept: sqlite (a file in DATA_DIR; local default) or table (Azure Table Storage, production). */
  callbackStore: CallbackStoreKind;
  /** CALLBACK_TABLE: the Azure table for CALLBACK_STORE=table (default callbackrequests), in AZURE_STORAGE_CONNECTION_STRING's account. */
  callbackTable: string;
  /** OFFICER_API_KEY: the key officers send as `Authorization: Bearer <key>` to /api/requests. Unset: that API answers 503. */
  officerApiKey?: string;
  /** MATCHING: semantic (sentence vectors with lexical scores; default) or lexical (lexical scores only). */
  matching: 'semantic' | 'lexical';
  /** VECTOR_CACHE_DIR: where the knowledge base's sentence vectors are cached (default .cache/vectors in the repository). */
  vectorCacheDir?: string;
  /** DIRECT_LINE_SECRET: the Azure Bot's Direct Line secret; the server exchanges it for tokens for the web chat. Never sent to a browser. */
  directLineSecret?: string;
  /** DIRECT_LINE_DOMAIN: the Azure Direct Line service to use (default the global one; regional ones such as Europe's also work). */
  directLineDomain: string;
  /** DIRECT_LINE_TOKEN_KEY: the local Direct Line endpoint's token signing key (hex, 32 bytes or more), the same on every instance. Unset: a key file in DATA_DIR. */
  directLineTokenKey?: Buffer;
  /** EMBED_ORIGINS: the websites (origins such as https://www.example.gov.uk) that may embed the chat (embed.js, or an iframe of /embed). Default none: only this server itself. */
  embedOrigins: string[];
  /** TEAMS_NOTIFY_*: the service's Teams channel, told of each new callback request. Unset: no notification. */
  teamsNotify?: TeamsNotifyConfig;
  /** SHUTDOWN_GRACE_SECONDS: on SIGTERM, how long turns in flight get to finish before the process exits (default 10). */
  shutdownGraceSeconds: number;
  /** ANALYTICS_STORE: where turn records for the officers' reports are kept (default: as CALLBACK_STORE). */
  analyticsStore: 'sqlite' | 'table';
  /** ANALYTICS_TABLE: the Azure table for ANALYTICS_STORE=table (default turnrecords). */
  analyticsTable: string;
  /** ANALYTICS_RETENTION_DAYS: turn records older than this are deleted (default 90). */
  analyticsRetentionDays: number;
  /** LOG_QUESTIONS: keep question text in turn records, redacted (default false; never for urgent or safeguarding turns). */
  logQuestions: boolean;
  /** RATE_LIMIT_* and TRUST_PROXY_HOPS: rate limits per client address, per conversation and on chat tokens. */
  limits: RequestLimits;
  /** SERVICE_URL_HOSTS: the hosts the bot may send replies to (an activity's serviceUrl); Bot Framework's own, and loopback locally, by default. */
  serviceUrlHosts: string[];
  /** EMBEDDER_THREAD, EMBED_CACHE_ENTRIES, EMBED_CACHE_MINUTES: where the sentence model runs and how many message vectors are kept. */
  embedder: EmbedderSettings;
}

/** How the server runs the sentence model (src/server/serverEmbedder.ts). */
export interface EmbedderSettings {
  /** worker: in a worker thread, so the event loop keeps serving while a message is embedded; main: on the event loop. */
  thread: 'worker' | 'main';
  /** Most message vectors kept in memory (an LRU keyed by a digest of the text); 0: none. */
  cacheEntries: number;
  /** A kept vector unused for this long is forgotten. */
  cacheMinutes: number;
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (it is "${raw}")`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (it is "${raw}")`);
  }
  return raw as T;
}

function dir(env: Env, name: string, fallback: string, mustExist: boolean): string {
  const p = path.resolve(REPO_ROOT, str(env, name) ?? fallback);
  if (mustExist && !(fs.existsSync(p) && fs.statSync(p).isDirectory())) {
    throw new ConfigError(`${name} must name an existing folder (${p} is not one)`);
  }
  return p;
}

function httpsUrl(env: Env, name: string, fallback: string): string {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash) throw new ConfigError(`${name} must be an https:// address with no query (it is "${raw}")`);
  return raw.replace(/\/+$/, '');
}

/** The deployment file: DEPLOYMENT_CONFIG, else ./deployment.json if present; validated, with a message naming the field at fault. */
function deploymentConfig(env: Env): { file?: string; config?: DeploymentConfig } {
  const raw = str(env, 'DEPLOYMENT_CONFIG');
  if (raw?.toLowerCase() === 'none') return {};
  const file = path.resolve(REPO_ROOT, raw ?? 'deployment.json');
  if (raw === undefined && !fs.existsSync(file)) return {};
  const areasDir = path.join(dir(env, 'KNOWLEDGE_DIR', DEFAULT_KNOWLEDGE_DIR, true), 'areas');
  try {
    return { file, config: loadDeploymentConfig(file, (name) => fs.existsSync(path.join(areasDir, areaFileName(name)))) };
  } catch (err) {
    if (err instanceof DeploymentConfigError) throw new ConfigError(`DEPLOYMENT_CONFIG (${file}): ${err.message}`);
    throw err;
  }
}

/** The Teams channel for new callback requests: all three settings, or none. http:// only to this machine (a test connector). */
function teamsNotify(env: Env): TeamsNotifyConfig | undefined {
  const channelId = str(env, 'TEAMS_NOTIFY_CHANNEL_ID');
  const serviceUrl = str(env, 'TEAMS_NOTIFY_SERVICE_URL');
  const tenantId = str(env, 'TEAMS_TENANT_ID');
  if (!channelId) {
    if (serviceUrl) throw new ConfigError('TEAMS_NOTIFY_CHANNEL_ID must be set when TEAMS_NOTIFY_SERVICE_URL is set');
    return undefined;
  }
  if (!/^19:[\w.@:-]{1,200}$/.test(channelId)) throw new ConfigError(`TEAMS_NOTIFY_CHANNEL_ID must be a Teams channel id such as 19:…@thread.tacv2 (it is "${channelId}")`);
  if (!serviceUrl) throw new ConfigError('TEAMS_NOTIFY_SERVICE_URL must be set when TEAMS_NOTIFY_CHANNEL_ID is set (for example https://smba.trafficmanager.net/uk/)');
  let url: URL | undefined;
  try {
    url = new URL(serviceUrl);
  } catch {
    url = undefined;
  }
  const local = !!url && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || local) || url.search || url.hash) {
    throw new ConfigError(`TEAMS_NOTIFY_SERVICE_URL must be an https:// address with no query (it is "${serviceUrl}")`);
  }
  if (!tenantId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenantId)) {
    throw new ConfigError(`TEAMS_TENANT_ID must be the tenant's id (a GUID) when TEAMS_NOTIFY_CHANNEL_ID is set (it is "${tenantId ?? ''}")`);
  }
  return { channelId, serviceUrl, tenantId };
}

/** DIRECT_LINE_TOKEN_KEY: 64 or more hexadecimal characters (32 random bytes). */
function directLineTokenKey(env: Env): Buffer | undefined {
  const raw = str(env, 'DIRECT_LINE_TOKEN_KEY');
  if (raw === undefined) return undefined;
  // The value itself is never put in the message: it is a secret.
  if (!/^([0-9a-f]{2}){32,}$/i.test(raw)) throw new ConfigError(`DIRECT_LINE_TOKEN_KEY must be at least 64 hexadecimal characters (32 random bytes, e.g. from "openssl rand -hex 32"); it has ${raw.length} characters`);
  return Buffer.from(raw, 'hex');
}

function officerKey(env: Env): string | undefined {
  const key = str(env, 'OFFICER_API_KEY');
  if (key !== undefined && key.length < 16) throw new ConfigError('OFFICER_API_KEY must be at least 16 characters (use a long random value)');
  return key;
}

/** EMBED_ORIGINS: origins separated by commas or spaces; https, or http on this machine only. */
function embedOrigins(env: Env): string[] {
  const raw = str(env, 'EMBED_ORIGINS');
  if (raw === undefined) return [];
  const origins: string[] = [];
  for (const item of raw.split(/[\s,]+/).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    const loopback = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    const ok = url && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && url.origin === item.replace(/\/$/, '');
    if (!ok) {
      throw new ConfigError(`EMBED_ORIGINS must list website origins such as https://www.example.gov.uk (scheme and host only; http only for localhost), separated by commas (it has "${item}")`);
    }
    if (!origins.includes(url!.origin)) origins.push(url!.origin);
  }
  return origins;
}

/** SERVICE_URL_HOSTS: comma-separated host names ("*.example.org" for its subdomains), added to Bot Framework's own. */
function serviceUrlHosts(env: Env, local: boolean): string[] {
  const extra = (str(env, 'SERVICE_URL_HOSTS') ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const h of extra) {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(h) && !LOOPBACK_HOSTS.includes(h)) throw new ConfigError(`SERVICE_URL_HOSTS must be host names separated by commas, such as "*.botframework.com" (it has "${h}")`);
  }
  return [...BOT_FRAMEWORK_SERVICE_HOSTS, ...(local ? LOOPBACK_HOSTS : []), ...extra];
}

/** Reads and validates every setting; throws ConfigError naming the first bad one. */
export function loadConfig(env: Env = process.env): Config {
  const microsoftAppId = str(env, 'MicrosoftAppId');
  const microsoftAppPassword = str(env, 'MicrosoftAppPassword');
  const microsoftAppType = oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant');
  const microsoftAppTenantId = str(env, 'MicrosoftAppTenantId');
  if (microsoftAppId && microsoftAppType !== 'UserAssignedMSI' && !microsoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword must be set when MicrosoftAppId is set');
  }
  if (microsoftAppType === 'SingleTenant' && !microsoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId must be set when MicrosoftAppType is SingleTenant');
  }
  const stateStore = oneOf(env, 'STATE_STORE', ['sqlite', 'blob', 'memory'] as const, 'sqlite');
  const azureStorageConnectionString = str(env, 'AZURE_STORAGE_CONNECTION_STRING');
  if (stateStore === 'blob' && !azureStorageConnectionString) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING must be set when STATE_STORE is blob');
  }
  const callbackStore = oneOf(env, 'CALLBACK_STORE', ['sqlite', 'table'] as const, 'sqlite');
  if (callbackStore === 'table' && !azureStorageConnectionString) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING must be set when CALLBACK_STORE is table');
  }
  const callbackTable = str(env, 'CALLBACK_TABLE') ?? 'callbackrequests';
  if (!isAzureTableName(callbackTable)) {
    throw new ConfigError(`CALLBACK_TABLE must be an Azure table name: 3 to 63 letters and digits, starting with a letter (it is "${callbackTable}")`);
  }
  const deployment = deploymentConfig(env);
  const analyticsStore = oneOf(env, 'ANALYTICS_STORE', ['sqlite', 'table'] as const, callbackStore);
  if (analyticsStore === 'table' && !azureStorageConnectionString) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING must be set when ANALYTICS_STORE is table');
  }
  const analyticsTable = str(env, 'ANALYTICS_TABLE') ?? 'turnrecords';
  if (!isAzureTableName(analyticsTable)) {
    throw new ConfigError(`ANALYTICS_TABLE must be an Azure table name: 3 to 63 letters and digits, starting with a letter (it is "${analyticsTable}")`);
  }
  return {
    port: int(env, 'PORT', 3978, 1, 65535),
    knowledgeDir: dir(env, 'KNOWLEDGE_DIR', DEFAULT_KNOWLEDGE_DIR, true),
    dataDir: dir(env, 'DATA_DIR', 'data', false),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info'),
    microsoftAppId,
    microsoftAppPassword,
    microsoftAppType,
    microsoftAppTenantId,
    stateStore,
    azureStorageConnectionString,
    azureStorageContainer: str(env, 'AZURE_STORAGE_CONTAINER') ?? 'bot-state',
    stateTtlDays: int(env, 'STATE_TTL_DAYS', 30, 1, 365),
    deploymentConfigFile: deployment.file,
    deployment: deployment.config,
    callbackRetentionDays: int(env, 'CALLBACK_RETENTION_DAYS', 30, 1, 365),
    callbackStore,
    callbackTable,
    officerApiKey: officerKey(env),
    directLineSecret: str(env, 'DIRECT_LINE_SECRET'),
    matching: oneOf(env, 'MATCHING', ['semantic', 'lexical'] as const, 'semantic'),
    vectorCacheDir: str(env, 'VECTOR_CACHE_DIR'),
    directLineDomain: httpsUrl(env, 'DIRECT_LINE_DOMAIN', 'https://directline.botframework.com/v3/directline'),
    directLineTokenKey: directLineTokenKey(env),
    teamsNotify: teamsNotify(env),
    shutdownGraceSeconds: int(env, 'SHUTDOWN_GRACE_SECONDS', 10, 1, 120),
    analyticsStore,
    analyticsTable,
    analyticsRetentionDays: int(env, 'ANALYTICS_RETENTION_DAYS', 90, 1, 730),
    logQuestions: oneOf(env, 'LOG_QUESTIONS', ['true', 'false'] as const, 'false') === 'true',
    embedOrigins: embedOrigins(env),
    limits: {
      perAddressPerMinute: int(env, 'RATE_LIMIT_PER_ADDRESS', 1200, 0, 1_000_000),
      perConversationPerMinute: int(env, 'RATE_LIMIT_PER_CONVERSATION', 30, 0, 1_000_000),
      tokensPerAddressPerMinute: int(env, 'RATE_LIMIT_TOKENS_PER_ADDRESS', 20, 0, 1_000_000),
      trustProxyHops: int(env, 'TRUST_PROXY_HOPS', 0, 0, 5),
    },
    serviceUrlHosts: serviceUrlHosts(env, !microsoftAppId),
    embedder: {
      thread: oneOf(env, 'EMBEDDER_THREAD', ['worker', 'main'] as const, 'worker'),
      cacheEntries: int(env, 'EMBED_CACHE_ENTRIES', 5000, 0, 1_000_000),
      cacheMinutes: int(env, 'EMBED_CACHE_MINUTES', 60, 1, 1440),
    },
  };
}
