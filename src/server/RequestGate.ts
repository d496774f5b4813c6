import type restify from 'restify';
import { sendError } from './httpErrors';

/** The platform's probes: answered while stopping, and not counted as work in flight. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Counts the requests in flight and, once closed, refuses new ones (503 with Retry-After, so
 * the client or the Bot Service tries again, and the load balancer sends it to another
 * instance) while those already running finish. `drain` waits for them, up to a bound.
 */
export class RequestGate {
  private inFlight = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  /** restify `pre` handler: register it first, so it sees every request. */
  readonly handler = (req: restify.Request, res: restify.Response, next: restify.Next): void => {
    const probe = PROBES.has(req.getPath());
    if (probe) return next();
    if (this.closed) {
      res.header('Retry-After', '5');
      res.header('Connection', 'close');
      sendError(res, 503, 'ShuttingDown', 'This server is restarting. Please try again in a moment.');
      return next(false);
    }
    this.inFlight += 1;
    let done = false;
    const end = (): void => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of [...this.waiters]) wake();
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  get active(): number {
    return this.inFlight;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Refuses new requests from now on; resolves when none is in flight or after `timeoutMs`, with how many were still running. */
  async drain(timeoutMs: number): Promise<{ unfinished: number }> {
    this.closed = true;
    if (this.inFlight === 0) return { unfinished: 0 };
    await new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
    return { unfinished: this.inFlight };
  }
}
