/** One readiness check: resolves when its part is ready, throws (with a short reason) when not. */
export type ReadinessCheck = () => Promise<void>;

/** What GET /readyz reports. */
export interface ReadinessReport {
  ready: boolean;
  /** Each check by name: "ok", or "failed: <reason>". */
  checks: Record<string, string>;
}

/**
 * The named checks behind GET /readyz: storage, the callback store, and whatever else registers
 * (the sentence embedder, once it exists, adds its own with `add`). Checks run at once, each
 * bounded by a timeout, so a hung dependency answers "not ready" instead of stalling the probe.
 * /healthz stays a liveness check that touches nothing.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private stopping = false;

  constructor(private readonly timeoutMs = 3_000) {}

  /** Registers (or replaces) a named check. */
  add(name: string, check: ReadinessCheck): this {
    this.checks.set(name, check);
    return this;
  }

  get names(): string[] {
    return [...this.checks.keys()];
  }

  /** From now on the instance reports not ready ("stopping"), so load balancers move off it. */
  markStopping(): void {
    this.stopping = true;
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, string]> => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise<never>((_resolve, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
            }),
          ]);
          return [name, 'ok'];
        } catch (err) {
          return [name, `failed: ${reason(err)}`];
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    if (this.stopping) checks.shutdown = 'failed: the instance is stopping';
    return { ready: !this.stopping && entries.every(([, v]) => v === 'ok'), checks };
  }
}

/** A short reason with no addresses, keys or stack: the error's code or name and its first line, cut. */
function reason(err: unknown): string {
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.statusCode === 'number' ? `HTTP ${e.statusCode}` : undefined;
  const first = String(e?.message ?? err).split('\n')[0].replace(/(AccountKey|SharedAccessSignature|sig)=[^;&\s]+/gi, '$1=…').replace(/https?:\/\/\S+/g, '<address>');
  return (code ? `${code}: ${first}` : first).slice(0, 160);
}
