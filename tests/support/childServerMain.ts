/**
 * The real server in a child process, for tests that kill it (tests/hardening/killNine.test.ts; started by tests/support/ChildServer.ts):
 * settings from the environment, port 0, and "READY <url>" on stdout once it listens.
 */
import { loadConfig } from '../../src/config/Config';
import { createServer } from '../../src/server/createServer';

createServer(loadConfig(process.env))
  .then(async (app) => {
    // SIGTERM closes it properly (so `node --cpu-prof` can write its profile); SIGKILL is the test's.
    process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
    return app.listen(0);
  })
  .then((url) => process.stdout.write(`READY ${url}\n`))
  .catch((err: unknown) => {
    process.stderr.write(`Cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  });
