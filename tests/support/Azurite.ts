import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

export type AzuriteService = 'table' | 'blob';

/** The emulator's well-known development account (published by Microsoft; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * A real Azure Storage emulator (azurite, from devDependencies) for one test file: one service on
 * a free loopback port, in memory, no telemetry. `start` fails with a clear message, never skips,
 * when the emulator cannot start.
 */
export class Azurite {
  private constructor(
    readonly service: AzuriteService,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly workDir: string,
  ) {
    process.once('exit', this.killOnExit);
  }

  /** If the test process ends without stop(), the emulator goes with it. */
  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  /** The service's address, as an account's endpoint ("http://127.0.0.1:PORT/devstoreaccount1"). */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/${ACCOUNT}`;
  }

  /** A development-storage connection string (the emulator's account and key) pointing at this port. */
  get connectionString(): string {
    return Azurite.connectionString(this);
  }

  /** One connection string for several running services (blob and table), as a storage account has. */
  static connectionString(...services: Azurite[]): string {
    const endpoints = services.map((s) => `${s.service === 'table' ? 'TableEndpoint' : 'BlobEndpoint'}=${s.endpoint};`).join('');
    return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};${endpoints}`;
  }

  /**
   * An emulator for the tests of the describe block this is called in: started in its `before`
   * hook, stopped in its `after` hook. The view answers once `before` has run.
   */
  static forBlock(service: AzuriteService): Pick<Azurite, 'connectionString' | 'endpoint' | 'port'> {
    let emulator: Azurite | undefined;
    before(async () => {
      emulator = await Azurite.start(service);
    });
    after(async () => {
      await emulator?.stop();
    });
    const running = (): Azurite => {
      if (!emulator) throw new Error(`azurite-${service} is not running: use it in a test or hook of the block that asked for it`);
      return emulator;
    };
    return {
      get connectionString() {
        return running().connectionString;
      },
      get endpoint() {
        return running().endpoint;
      },
      get port() {
        return running().port;
      },
    };
  }

  static async start(service: AzuriteService, timeoutMs = 30_000): Promise<Azurite> {
    let main: string;
    try {
      main = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', service, 'main.js');
    } catch {
      throw new Error('azurite is not installed: it is a devDependency, so run `npm ci` first');
    }
    if (!fs.existsSync(main)) throw new Error(`azurite's ${service} server is not at ${main}: has the azurite package changed its layout?`);
    const failures: string[] = [];
    // A port found free can be taken before azurite binds it: try a few.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const port = await freePort();
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `azurite-${service}-`));
      const child = spawn(
        process.execPath,
        [main, `--${service}Host`, '127.0.0.1', `--${service}Port`, String(port), '--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry', '--silent'],
        { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      const started = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          output += `\n(no "successfully" line within ${timeoutMs} ms)`;
          resolve(false);
        }, timeoutMs);
        const onData = (chunk: Buffer): void => {
          output += chunk.toString();
          if (/successfully (started|listen)/i.test(output)) {
            clearTimeout(timer);
            resolve(true);
          }
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('error', (err) => {
          output += `\n${err.message}`;
          clearTimeout(timer);
          resolve(false);
        });
        child.once('exit', (code, signal) => {
          output += `\n(exited with ${signal ?? `code ${code}`})`;
          clearTimeout(timer);
          resolve(false);
        });
      });
      if (started) {
        return new Azurite(service, port, child, workDir);
      }
      child.kill('SIGKILL');
      fs.rmSync(workDir, { recursive: true, force: true });
      failures.push(`attempt ${attempt} on port ${port}: ${output.trim()}`);
      if (!/EADDRINUSE/.test(output)) break;
    }
    throw new Error(`The Azure Storage emulator (azurite-${service}) did not start, so these tests cannot run:\n${failures.join('\n')}`);
  }

  /** Stops the emulator (its data was only in memory) and removes its working folder. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }
}
