import path from 'node:path';
import restify from 'restify';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  type ConversationState,
  type Storage,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from './ReusingBotFrameworkAuthentication';
import { BlobStateStorage } from '../bot/BlobStateStorage';
import { EtagConversationState, EtagUserState } from '../bot/EtagState';
import { ConsistentTurns } from '../bot/ConsistentTurns';
import { TypingIndicator } from '../bot/TypingIndicator';
import { Readiness } from './Readiness';
import { RequestGate } from './RequestGate';
import type { Config } from '../config/Config';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { createMatcher, DEFAULT_VECTOR_CACHE_DIR } from '../matching/createMatcher';
import { READINGS_KEPT } from '../matching/AnswerMatcher';
import type { Embedder } from '../matching/Embedder';
import { AnswerService } from '../matching/AnswerService';
import { SafetyDetector } from '../safety/SafetyDetector';
import type { SafetyCheck } from '../safety/SafetyAssessment';
import { loadServerEmbedder } from './serverEmbedder';
import { AnswerCards } from '../bot/AnswerCards';
import { SenSupportBot } from '../bot/SenSupportBot';
import { SqliteStorage } from '../bot/SqliteStorage';
import { StorageUsageStore } from '../bot/StorageUsageStore';
import { BatchedUsageStore } from '../bot/BatchedUsageStore';
import { readOnlyDefaults } from '../bot/readOnlyDefaults';
import { TopicUsage } from '../matching/TopicUsage';
import { CannedAnswerSearch } from '../matching/CannedAnswerSearch';
import { RootDialog, type UserProfile } from '../../dialogs/RootDialog';
import { createGuides } from '../../dialogs/guides/createGuides';
import { GuideContent } from '../knowledge/GuideContent';
import { createLogger, type Logger } from './logger';
import { registerAnswerRoutes } from './answerRoutes';
import { registerMessageRoutes } from './messageRoutes';
import { headAsGet, RateLimits, refuseNonJsonBodies } from './requestLimits';
import { registerWebChatRoutes } from './webChatRoutes';
import { mountDirectLine } from './DirectLineEndpoint';
import { DirectLineTokens } from './DirectLineTokens';
import { createDirectLineStore, type DirectLineStore } from './DirectLineStore';
import { DEFAULT_DIRECT_LINE_LIMITS } from './DirectLineConversations';
import { registerOfficerRoutes } from './officerRoutes';
import { AreaDirectory } from '../directory/AreaDirectory';
import type { CallbackStore } from '../callbacks/CallbackStore';
import { createCallbackStore } from '../callbacks/createCallbackStore';
import { CallbackRetention, HOUR_MS } from '../callbacks/CallbackRetention';
import { HandoffDialog, HANDOFF_DIALOG_ID } from '../../dialogs/HandoffDialog';
import { CallbackRequestDialog } from '../../dialogs/CallbackRequestDialog';
import { HandoffCards } from '../bot/HandoffCards';
import { TopicsSeen } from '../bot/TopicsSeen';
import { OfficerNotifier } from '../bot/OfficerNotifier';
import type { AnalyticsStore } from '../analytics/AnalyticsStore';
import { createAnalyticsStore } from '../analytics/createAnalyticsStore';
import { AnalyticsRetention } from '../analytics/AnalyticsRetention';
import { TurnRecorder } from '../analytics/TurnRecorder';
import { Redactor } from '../analytics/Redactor';
import { OFFICER_REPORT_PATH, registerReportRoutes } from './reportRoutes';

/** The parts the server is built from; tests may pass their own. */
export interface AppServices {
  kb: KnowledgeBase;
  answers: AnswerService;
  cards: AnswerCards;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  logger: Logger;
  /** The 153 areas and their SENDIASS contacts, with the deployment's own details winning for its area. */
  areas: AreaDirectory;
  /** Callback requests: Azure Table Storage when CALLBACK_STORE=table, else SQLite in DATA_DIR (in memory when STATE_STORE=memory). */
  callbacks: CallbackStore;
  /** Turn records for the officers' reports: as callbacks, ANALYTICS_STORE picks Azure Table Storage or SQLite. */
  analytics: AnalyticsStore;
  /** The safety check run first on every message: both layers, or the lexical layer alone if the sentence model cannot load. */
  safety: SafetyCheck;
}

export interface AppServer {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: SenSupportBot;
  services: AppServices;
  config: Config;
  /** The named checks behind GET /readyz; other parts add theirs with `readiness.add(name, check)`. */
  readiness: Readiness;
  /** Starts listening (port 0 picks a free one); resolves to the base URL. */
  listen(port?: number): Promise<string>;
  /**
   * Graceful stop (SIGTERM): refuses new requests (503, /readyz "stopping"), waits up to `graceMs`
   * for those in flight, then closes. Resolves to how many were still running when it closed.
   */
  shutdown(graceMs: number): Promise<{ unfinished: number }>;
  close(): Promise<void>;
}

function createStorage(config: Config): Storage {
  switch (config.stateStore) {
    case 'blob':
      // Strict eTags, so instances sharing the container never overwrite each other (BlobStateStorage).
      return new BlobStateStorage(config.azureStorageConnectionString as string, config.azureStorageContainer);
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return new SqliteStorage(path.join(config.dataDir, 'bot-state.sqlite'), config.stateTtlDays * 86_400_000);
  }
}

/** How long closing waits for the batched usage counts to reach the store. */
const USAGE_FLUSH_MS = 1_000;
/** Connections still open this long after close() begins (a browser's polling) are ended. */
const CLOSE_GRACE_MS = 1_000;

/** How the server is built beyond its settings; tests pass their own parts. */
export interface BuildOptions {
  /** The sentence model (default: the Universal Sentence Encoder, shared per process). */
  embedder?: () => Promise<Embedder>;
  /**
   * How the adapter authenticates requests (default: Bot Framework's, from MicrosoftAppId and
   * its settings; off without one). Tests pass their own to stand for the Bot Connector service;
   * only a caller it verifies may press the officers' card buttons.
   */
  authentication?: ConstructorParameters<typeof CloudAdapter>[0];
}

/**
 * How many recent messages' readings (the matcher's) and findings (the safety check's) are kept:
 * with EMBED_CACHE_ENTRIES=0 nothing worked out from a recent message is kept, otherwise up to 512.
 */
function messageMemoEntries(config: Config): number {
  return Math.min(config.embedder.cacheEntries, READINGS_KEPT);
}

/** The safety check over the shared sentence model; if it cannot load, the lexical layer alone (logged). */
async function createSafetyCheck(config: Config, logger: Logger, load: () => Promise<Embedder>): Promise<SafetyCheck> {
  const embedder = await load().catch((err: Error) => {
    logger.warn({ err: { type: err.name, message: err.message } }, 'the sentence model did not load');
    return undefined;
  });
  const { detector, warning } = await SafetyDetector.create(config.knowledgeDir, embedder, config.vectorCacheDir ?? DEFAULT_VECTOR_CACHE_DIR, messageMemoEntries(config));
  if (warning) logger.warn(warning);
  return detector;
}

/** Builds the whole server: knowledge, matcher, bot, adapter and routes. Does not listen. */
export async function createServer(config: Config, overrides: Partial<AppServices> = {}, build: BuildOptions = {}): Promise<AppServer> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // One sentence model per process (a worker thread by default), and one cache of message vectors
  // per server shared by the matcher and the safety check (src/server/serverEmbedder.ts).
  let embedderLoading: Promise<Embedder> | undefined;
  const loadEmbedder = () => (embedderLoading ??= (build.embedder ?? (() => loadServerEmbedder(config.embedder)))());
  // Begun first, so the model loads in its worker while this thread reads the knowledge base and
  // builds the lexical index (a failure is reported where the matcher awaits it).
  if (config.matching === 'semantic') loadEmbedder().catch(() => undefined);
  const kb = overrides.kb ?? KnowledgeBase.fromFolder(config.knowledgeDir);
  const built = await createMatcher(kb, { semantic: config.matching === 'semantic', cacheDir: config.vectorCacheDir, embedder: loadEmbedder, memoEntries: messageMemoEntries(config) });
  if (built.lexicalOnlyReason) logger.warn({ reason: built.lexicalOnlyReason }, 'matching is lexical-only');
  for (const warning of built.warnings) logger.warn({ reason: warning }, 'matching');
  const { matcher } = built;
  const safety = overrides.safety ?? (await createSafetyCheck(config, logger, loadEmbedder));
  const answers = overrides.answers ?? new AnswerService(kb, matcher, safety);
  const cards = overrides.cards ?? new AnswerCards(answers);
  const storage = overrides.storage ?? createStorage(config);
  // Written with the eTag they were read with; SenSupportBot redoes a turn another instance overtook.
  const conversationState = overrides.conversationState ?? new EtagConversationState(storage);
  const userState = overrides.userState ?? new EtagUserState(storage);
  const areas = overrides.areas ?? AreaDirectory.fromFolder(config.knowledgeDir, config.deployment);
  const callbacks = overrides.callbacks ?? createCallbackStore(config);
  const retention = new CallbackRetention(callbacks, config.callbackRetentionDays, logger);
  await retention.start();
  const analytics = overrides.analytics ?? createAnalyticsStore(config, (err) => logger.error({ err: { name: err.name, message: err.message } }, 'turn records not written'));
  const analyticsRetention = new AnalyticsRetention(analytics, config.analyticsRetentionDays, logger);
  await analyticsRetention.start();
  const recorder = new TurnRecorder(analytics, { logQuestions: config.logQuestions, redactor: new Redactor(), log: logger });
  const services: AppServices = { kb, answers, cards, storage, conversationState, userState, logger, areas, callbacks, analytics, safety };

  // Reading an absent profile does not create one: no write of an empty profile on every turn.
  const userProfile = readOnlyDefaults(userState.createProperty<UserProfile>('userProfile'));
  const usageStore = new BatchedUsageStore(new StorageUsageStore(storage));
  const usage = new TopicUsage(usageStore, kb.answers.map((a) => a.id));
  const guides = createGuides({
    answers,
    cards,
    content: GuideContent.fromFolder(config.knowledgeDir),
    area: async (context) => (await userProfile.get(context, {})).area,
  });
  // Each turn is authenticated as before; the clients the adapter builds for it are reused.
  const adapter = new CloudAdapter(
    new ReusingBotFrameworkAuthentication(
      build.authentication ??
        new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: config.microsoftAppId,
          MicrosoftAppPassword: config.microsoftAppPassword,
          MicrosoftAppType: config.microsoftAppType,
          MicrosoftAppTenantId: config.microsoftAppTenantId,
        }),
    ),
  );

  // The hand-off to SENDIASS: contact card by area, call-back requests, and the service's Teams channel told.
  const officerNotifier = config.teamsNotify
    ? new OfficerNotifier({ adapter, store: callbacks, settings: config.teamsNotify, botAppId: config.microsoftAppId, retentionDays: config.callbackRetentionDays, log: logger })
    : undefined;
  if (officerNotifier && !config.microsoftAppId && !build.authentication) logger.warn('TEAMS_NOTIFY_* is set without MicrosoftAppId: request cards are posted, but their "Mark contacted" and "Mark closed" presses are refused (they cannot be verified)');
  const topicsSeen = new TopicsSeen(conversationState.createProperty<string[]>('topicsSeen'));
  const handoffCards = new HandoffCards(answers);
  const callbackDialog = new CallbackRequestDialog({
    store: callbacks,
    areas,
    cards: handoffCards,
    answers,
    userProfile,
    retentionDays: config.callbackRetentionDays,
    topics: topicsSeen,
    notify: officerNotifier ? async (request) => void (await officerNotifier.notify(request)) : undefined,
    log: logger,
  });
  const handoffDialog = new HandoffDialog({ areas, cards: handoffCards, userProfile, callback: callbackDialog });
  const handoff = { id: HANDOFF_DIALOG_ID, dialog: handoffDialog, changesArea: handoffDialog.changesArea };
  const rootDialog = new RootDialog({ answers, cards, userProfile, usage, guides, handoff, topicsSeen });
  const cannedSearch = new CannedAnswerSearch(kb, matcher, usage);
  const turns = new ConsistentTurns({
    conversationState,
    userState,
    onConflict: (attempt) => logger.warn({ attempt }, 'conversation state changed by another instance or request; turn redone'),
  });
  const bot = new SenSupportBot({ conversationState, userState, rootDialog, answers, cards, cannedSearch, officerActions: officerNotifier, turns, analytics: recorder });

  // "typing" while a turn runs, for Azure's Direct Line and Teams (the local endpoint sends its own).
  adapter.use(new TypingIndicator({ onError: (err) => logger.warn({ err: { type: err.name } }, 'typing indicator not sent') }));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error's name and message only: never the user's text.
    logger.error({ err: { type: error.name, message: error.message }, channel: context.activity.channelId }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on my side. Please try again, or say "talk to someone".');
  };

  const server = restify.createServer({ name: 'sen-support-assistant', handleUncaughtExceptions: false });
  // Counts requests in flight and, once shutdown() begins, refuses new ones while those finish.
  const gate = new RequestGate();
  server.pre(gate.handler);
  // Hardening (README, "Hardening, limits and benchmarks"): HEAD wherever GET is; bodies that are
  // not JSON refused before they are read; rate limits per client address before any work.
  const rateLimits = new RateLimits(config.limits, logger);
  server.pre(headAsGet());
  server.pre(refuseNonJsonBodies([OFFICER_REPORT_PATH]));
  server.pre(rateLimits.byAddress());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: restify's bodyParser() would also take multipart uploads, written to TMPDIR.
  // (maxBodySize is read by the bodyReader inside it; the typings omit it.)
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize: 256 * 1024 } as restify.plugins.JsonBodyParserOptions));
  server.use(rateLimits.byConversation());
  // One error shape everywhere ({ error: { code, message } }), including restify's own errors
  // (a body that is not JSON, too large, an unknown route); a server fault never shows its details.
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; code?: string; body?: { code?: string }; toJSON?: () => unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const code = err.body?.code ?? err.code ?? err.name ?? 'Error';
    const message = status >= 500 ? 'Something went wrong on our side. Please try again.' : err.message;
    if (status >= 500) logger.error({ err: { type: err.name, message: err.message } }, 'request failed');
    err.toJSON = () => ({ error: { code, message } });
    callback();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.info({ method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() }, 'request');
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.json({ status: 'ok', answers: kb.answers.length, matching: answers.matching });
  });
  // Readiness (GET /readyz): each named check must pass; other parts register theirs (the embedder).
  const readiness = new Readiness();
  readiness.add('knowledge', async () => {
    if (!kb.answers.length) throw new Error('no answers loaded');
  });
  readiness.add('conversationState', async () => void (await storage.read(['readiness/probe'])));
  readiness.add('callbacks', async () => void (await callbacks.get('00000000-0000-4000-8000-000000000000')));
  // The sentence model: it embeds a probe (remembered after the first). Not ready when it was
  // meant to load and did not: the instance still answers, lexically, but a better one may.
  readiness.add('embedder', async () => {
    if (built.embedder) await built.embedder.embed(['readiness probe']);
    else if (config.matching === 'semantic') throw new Error(built.lexicalOnlyReason ?? 'not loaded');
  });
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const report = await readiness.report();
    res.header('Cache-Control', 'no-store');
    res.status(report.ready ? 200 : 503);
    res.json({ status: report.ready ? 'ready' : 'not ready', checks: report.checks });
  });
  registerAnswerRoutes(server, answers);
  registerOfficerRoutes(server, { store: callbacks, apiKey: config.officerApiKey });
  registerReportRoutes(server, { store: analytics, kb, matcher, embedder: built.embedder, apiKey: config.officerApiKey, logQuestions: config.logQuestions });
  registerMessageRoutes(server, adapter, bot, logger, { serviceUrlHosts: config.serviceUrlHosts });
  registerWebChatRoutes(server, config, { logger });
  let directLineStore: DirectLineStore | undefined;
  let directLine: ReturnType<typeof mountDirectLine> | undefined;
  if (!config.microsoftAppId) {
    // Local mode: the web chat talks to the bot through our own Direct Line endpoint. The token
    // signing key is DIRECT_LINE_TOKEN_KEY (the same on every instance), else kept in DATA_DIR so
    // a conversation carries on after a restart.
    const tokens = config.directLineTokenKey
      ? new DirectLineTokens(config.directLineTokenKey)
      : config.stateStore === 'memory'
        ? new DirectLineTokens()
        : DirectLineTokens.fromKeyFile(path.join(config.dataDir, 'directline-signing.key'));
    // Its activities are kept beside the bot's state, so replies not yet collected survive a restart.
    directLineStore = createDirectLineStore(config, storage, DEFAULT_DIRECT_LINE_LIMITS.idleMs);
    directLine = mountDirectLine(server, { adapter, bot, logger, tokens, store: directLineStore });
  }

  // Conversation state past STATE_TTL_DAYS is already unreadable; delete it hourly too, not only
  // at start. (On Azure the blob lifecycle rule in deploymentTemplates does this.)
  const statePurge = storage instanceof SqliteStorage ? setInterval(() => storage.purgeExpired(), HOUR_MS).unref() : undefined;
  // And fold the WAL into the database every 30 s, truncating it, so cleared state is not left in it.
  const stateCheckpoint = storage instanceof SqliteStorage ? setInterval(() => storage.checkpoint(), 30_000).unref() : undefined;

  let closed = false;
  const app: AppServer = {
    server,
    adapter,
    bot,
    services,
    config,
    readiness,
    listen(port = config.port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const addr = server.address();
          resolve(`http://localhost:${addr.port}`);
        });
      });
    },
    async shutdown(graceMs: number) {
      readiness.markStopping();
      const { unfinished } = await gate.drain(graceMs);
      // Past the grace period nothing is waited for (close() ends idle connections itself).
      if (unfinished) server.server.closeAllConnections();
      await app.close();
      return { unfinished };
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // A page polling on a kept-alive connection can hold server.close() open for as long as it
      // polls (a web chat left open in a browser): idle connections go now, the rest after a moment.
      server.server.closeIdleConnections();
      const force = setTimeout(() => server.server.closeAllConnections(), CLOSE_GRACE_MS);
      await stopped;
      clearTimeout(force);
      if (statePurge) clearInterval(statePurge);
      directLine?.close();
      directLineStore?.close();
      if (stateCheckpoint) clearInterval(stateCheckpoint);
      // Usage counts are a convenience: a slow store does not hold a stopping instance past a second.
      const flushed = await Promise.race([
        usageStore.flush().then(() => true, (err: Error) => (logger.warn({ err: { type: err.name } }, 'usage counts not saved'), true)),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), USAGE_FLUSH_MS).unref()),
      ]);
      if (!flushed) logger.warn({ ms: USAGE_FLUSH_MS }, 'usage counts not saved in time');
      if (storage instanceof SqliteStorage) storage.close();
      retention.stop();
      analyticsRetention.stop();
      if (!overrides.callbacks) await callbacks.close();
      if (!overrides.analytics) await analytics.close();
    },
  };
  return app;
}
