import type { AppServer } from './createServer';

export interface StopOptions {
  /** How long the requests in flight get to finish (SHUTDOWN_GRACE_SECONDS). */
  graceMs: number;
  /** Ends the process (process.exit; a test passes its own). */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * SIGTERM (App Service stopping or scaling in an instance) and SIGINT (Ctrl+C): stop taking new
 * turns, let those in flight finish for up to `graceMs`, close, exit. Exit code 0 when every
 * request finished, 1 when some were cut off or closing failed; a second signal changes nothing,
 * and if closing itself hangs the process ends anyway five seconds after the grace period.
 */
export function stopOnSignals(app: AppServer, options: StopOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = app.services.logger;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight: 'draining', graceMs: options.graceMs }, 'stopping: no new turns, finishing those in flight');
    const hardStop = setTimeout(() => {
      log.error({ signal }, 'stopping took too long; exiting');
      exit(1);
    }, options.graceMs + 5_000);
    hardStop.unref();
    app.shutdown(options.graceMs).then(
      ({ unfinished }) => {
        clearTimeout(hardStop);
        if (unfinished) log.warn({ unfinished }, 'stopped with requests still running after the grace period');
        else log.info({}, 'stopped cleanly');
        exit(unfinished ? 1 : 0);
      },
      (err: unknown) => {
        clearTimeout(hardStop);
        log.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'error while stopping');
        exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, stop);
}
