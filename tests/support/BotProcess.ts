import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { REPO_ROOT } from '../../src/knowledge/paths';
import { freePort } from './freePort';

/**
 * The real server as production runs it: `src/index.ts` in its own Node process (through tsx, so
 * no build step), with only the settings given (and a free PORT). Output is kept for messages.
 */
export class BotProcess {
  private output = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    readonly base: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    process.once('exit', this.killOnExit);
  }

  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  /** Starts the server and resolves once it says it is listening (fails with its output otherwise). */
  static async start(name: string, env: Record<string, string>, timeoutMs = 60_000, command: { cwd: string; args: string[] } = { cwd: REPO_ROOT, args: ['-r', 'tsx/cjs', path.join('src', 'index.ts')] }): Promise<BotProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, command.args, {
      cwd: command.cwd,
      // Only what the server needs from this environment: no .env file is read for keys set here.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SHARED_DIR: process.env.SHARED_DIR ?? '', LOG_LEVEL: 'warn', DEPLOYMENT_CONFIG: 'none', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new BotProcess(name, `http://127.0.0.1:${port}`, child);
    const started = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const onData = (): void => {
        if (/SEN support assistant: open/.test(bot.output)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!started) {
      child.kill('SIGKILL');
      throw new Error(`The bot server "${name}" did not start:\n${bot.output}`);
    }
    return bot;
  }

  get log(): string {
    return this.output;
  }

  /** Sends `signal` and resolves when the process has ended, with how it ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    process.removeListener('exit', this.killOnExit);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Resolves when the process ends by itself. */
  whenExited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  /** POSTs one activity to /api/messages with expectReplies; resolves to the status and the bot's message replies. */
  async say(conversation: string, user: string, text: string | Partial<Activity>): Promise<{ status: number; replies: Array<Partial<Activity>> }> {
    const activity = typeof text === 'string' ? { type: 'message', text } : text;
    const res = await fetch(`${this.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:1',
        deliveryMode: 'expectReplies',
        from: { id: user, name: 'User' },
        recipient: { id: 'bot', name: 'Bot' },
        conversation: { id: conversation },
        ...activity,
      }),
    });
    const body = (await res.json().catch(() => ({}))) as { activities?: Array<Partial<Activity>> };
    return { status: res.status, replies: (body.activities ?? []).filter((a) => a.type === 'message') };
  }
}
