import 'dotenv/config';
import { loadConfig } from './config/Config';
import { createServer } from './server/createServer';
import { stopOnSignals } from './server/stopOnSignals';

/** Starts the server. Everything is built by createServer; this file only starts it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createServer(config);
  const url = await app.listen();
  const mode = config.microsoftAppId ? 'Bot Framework authentication on' : 'local mode, no authentication';
  app.services.logger.info({ url, mode }, 'SEN support assistant listening');
  console.log(`SEN support assistant: open ${url} or POST to ${url}/api/messages (${mode}).`);
  stopOnSignals(app, { graceMs: config.shutdownGraceSeconds * 1000 });
}

main().catch((err: unknown) => {
  // The message only: a ConfigError names the bad setting, a KnowledgeError every file at fault.
  console.error(`Cannot start: ${(err as Error).message}`);
  process.exit(1);
});
