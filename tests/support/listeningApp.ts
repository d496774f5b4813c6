import type { AppServer } from '../../src/server/createServer';
import { createTestApp } from './Transcript';

/** The test app of a describe block and the address it listens on, set once its `before` hook has run. */
export interface ListeningApp {
  app: AppServer;
  /** "http://localhost:<port>" */
  base: string;
}

/**
 * The real server (createTestApp) listening on a free port for the tests of the describe block
 * this is called in: started in its `before` hook, closed in its `after` hook.
 */
export function listeningTestApp(env: Record<string, string> = {}): ListeningApp {
  const listening = {} as ListeningApp;
  before(async () => {
    listening.app = await createTestApp(env);
    listening.base = await listening.app.listen(0);
  });
  after(() => listening.app.close());
  return listening;
}
