import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'childServerMain.ts');

/** The real server in its own process (tests/support/childServerMain.ts), so a test can kill it with SIGKILL. */
export class ChildServer {
  private constructor(readonly child: ChildProcess, readonly base: string) {}

  /** Starts it with `env` on top of this process's environment; resolves once it listens. `script` prints "READY <url>" (default: the real server). */
  static start(env: Record<string, string>, timeoutMs = 60_000, script = SCRIPT, nodeArgs: string[] = []): Promise<ChildServer> {
    const child = spawn(process.execPath, [...nodeArgs, '--require', 'tsx/cjs', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    process.once('exit', () => child.kill('SIGKILL'));
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`the child server did not start in ${timeoutMs} ms: ${err}`)), timeoutMs);
      child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(new ChildServer(child, m[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the child server exited (${code}) before it was ready: ${err}`));
      });
    });
  }

  /** Resident memory of the process now, in MB (Linux /proc). */
  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 102.4) / 10;
  }

  /** CPU time the process has used so far (user + system), in ms (Linux /proc; 100 clock ticks a second). */
  cpuMs(): number {
    const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill9(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}
