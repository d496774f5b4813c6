import path from 'node:path';
import restify from 'restify';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../config/Config';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerMatcher } from '../matching/AnswerMatcher';
import { AnswerService } from '../matching/AnswerService';
import { UrgentDetector } from '../matching/UrgentDetector';
import { AnswerCards } from '../bot/AnswerCards';
import { SenSupportBot } from '../bot/SenSupportBot';
import { SqliteStorage } from '../bot/SqliteStorage';
import { RootDialog, type UserProfile } from '../../dialogs/RootDialog';
import { createLogger, type Logger } from './logger';
import { registerAnswerRoutes } from './answerRoutes';
import { registerMessageRoutes } from './messageRoutes';

/** The parts the server is built from; tests may pass their own. */
export interface AppServices {
  kb: KnowledgeBase;
  answers: AnswerService;
  cards: AnswerCards;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  logger: Logger;
}

export interface AppServer {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: SenSupportBot;
  services: AppServices;
  config: Config;
  /** Starts listening (port 0 picks a free one); resolves to the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

function createStorage(config: Config): Storage {
  switch (config.stateStore) {
    case 'blob':
      return new BlobsStorage(config.azureStorageConnectionString as string, config.azureStorageContainer);
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return new SqliteStorage(path.join(config.dataDir, 'bot-state.sqlite'), config.stateTtlDays * 86_400_000);
  }
}

/** Builds the whole server: knowledge, matcher, bot, adapter and routes. Does not listen. */
export async function createServer(config: Config, overrides: Partial<AppServices> = {}): Promise<AppServer> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const kb = overrides.kb ?? KnowledgeBase.fromFolder(config.knowledgeDir);
  const answers = overrides.answers ?? new AnswerService(kb, new AnswerMatcher(kb), new UrgentDetector());
  const cards = overrides.cards ?? new AnswerCards(answers);
  const storage = overrides.storage ?? createStorage(config);
  const conversationState = overrides.conversationState ?? new ConversationState(storage);
  const userState = overrides.userState ?? new UserState(storage);
  const services: AppServices = { kb, answers, cards, storage, conversationState, userState, logger };

  const userProfile = userState.createProperty<UserProfile>('userProfile');
  const rootDialog = new RootDialog({ answers, cards, userProfile });
  const bot = new SenSupportBot(conversationState, userState, rootDialog);

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.microsoftAppId,
      MicrosoftAppPassword: config.microsoftAppPassword,
      MicrosoftAppType: config.microsoftAppType,
      MicrosoftAppTenantId: config.microsoftAppTenantId,
    }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error's name and message only: never the user's text.
    logger.error({ err: { name: error.name, message: error.message }, channel: context.activity.channelId }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on my side. Please try again, or say "talk to someone".');
  };

  const server = restify.createServer({ name: 'sen-support-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.info({ method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() }, 'request');
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.json({ status: 'ok', answers: kb.answers.length });
  });
  registerAnswerRoutes(server, answers);
  registerMessageRoutes(server, adapter, bot, logger);

  let closed = false;
  return {
    server,
    adapter,
    bot,
    services,
    config,
    listen(port = config.port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const addr = server.address();
          resolve(`http://localhost:${addr.port}`);
        });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (storage instanceof SqliteStorage) storage.close();
    },
  };
}
