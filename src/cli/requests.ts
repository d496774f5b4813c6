/**
 * npm run requests -- list [new|contacted|closed] | show ID | contacted ID | close ID | delete ID | purge
 *
 * For officers: the callback requests where the server keeps them (CALLBACK_STORE: SQLite in
 * DATA_DIR, or Azure Table Storage). It prints people's names and contact
 * details to the officer's terminal: do not paste its output into tickets or logs.
 */
import 'dotenv/config';
import { loadConfig } from '../config/Config';
import { CALLBACK_STATUSES, isCallbackStatus, withoutControlCharacters, type CallbackRequest } from '../callbacks/CallbackRequest';
import type { CallbackStore } from '../callbacks/CallbackStore';
import { CallbackRetention } from '../callbacks/CallbackRetention';
import { createCallbackStore } from '../callbacks/createCallbackStore';

export const USAGE = `Usage: npm run requests -- <command>
  list [new|contacted|closed]   the requests, newest first (all, or one status)
  show ID                       one request in full
  contacted ID                  mark a request contacted
  close ID                      mark a request closed
  delete ID                     delete a request (for example when the person asks)
  purge                         delete requests older than CALLBACK_RETENTION_DAYS`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

function summaryLine(r: CallbackRequest): string {
  return withoutControlCharacters([r.id, r.createdAt.slice(0, 16).replace('T', ' '), r.status.padEnd(9), r.area, `by ${r.contactKind}`].join('  '));
}

function fullText(r: CallbackRequest): string[] {
  // Stored before control characters were stripped, or written by another tool: never raw to a terminal.
  return [
    `id:          ${r.id}`,
    `status:      ${r.status} (updated ${r.updatedAt})`,
    `created:     ${r.createdAt}`,
    `area:        ${r.area}`,
    `name:        ${r.name}`,
    `${r.contactKind === 'phone' ? 'phone:      ' : 'email:      '} ${r.contact}`,
    `best time:   ${r.bestTime}`,
    `summary:     ${r.summary}`,
    `topics:      ${r.topics === null ? '(not shared)' : r.topics.length > 0 ? r.topics.join('; ') : '(none)'}`,
  ].map(withoutControlCharacters);
}

/** Runs one command; resolves to the exit code (0 done, 1 not found, 2 usage). */
export async function runRequestsCli(args: string[], store: CallbackStore, retention: CallbackRetention, io: CliIo): Promise<number> {
  const [command, arg, extra] = args;
  const needId = () => {
    if (!arg || extra !== undefined) {
      io.err(`"${command}" takes one request id.\n${USAGE}`);
      return false;
    }
    return true;
  };
  const notFound = () => {
    io.err(`No request with id ${arg}.`);
    return 1;
  };
  switch (command) {
    case 'list': {
      if (extra !== undefined || (arg !== undefined && !isCallbackStatus(arg))) {
        io.err(`"list" takes nothing, or one of ${CALLBACK_STATUSES.join(', ')}.\n${USAGE}`);
        return 2;
      }
      const all = await store.list(arg && isCallbackStatus(arg) ? { status: arg } : {});
      if (all.length === 0) io.out(arg ? `No ${arg} requests.` : 'No requests.');
      for (const r of all) io.out(summaryLine(r));
      return 0;
    }
    case 'show': {
      if (!needId()) return 2;
      const r = await store.get(arg);
      if (!r) return notFound();
      fullText(r).forEach((l) => io.out(l));
      return 0;
    }
    case 'contacted':
    case 'close': {
      if (!needId()) return 2;
      const r = await store.updateStatus(arg, command === 'close' ? 'closed' : 'contacted');
      if (!r) return notFound();
      io.out(`Request ${r.id} is now ${r.status}.`);
      return 0;
    }
    case 'delete': {
      if (!needId()) return 2;
      if (!(await store.delete(arg))) return notFound();
      io.out(`Request ${arg} deleted.`);
      return 0;
    }
    case 'purge': {
      if (arg !== undefined) {
        io.err(`"purge" takes nothing.\n${USAGE}`);
        return 2;
      }
      const removed = await retention.purge();
      io.out(`Deleted ${removed} request(s) created before ${retention.cutoff().toISOString()}.`);
      return 0;
    }
    default:
      io.err(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
      return 2;
  }
}

if (require.main === module) {
  (async () => {
    const config = loadConfig();
    const store = createCallbackStore(config);
    try {
      const code = await runRequestsCli(process.argv.slice(2), store, new CallbackRetention(store, config.callbackRetentionDays), {
        out: (l) => console.log(l),
        err: (l) => console.error(l),
      });
      process.exitCode = code;
    } finally {
      await store.close();
    }
  })().catch((err: unknown) => {
    console.error(`requests: ${(err as Error).message}`);
    process.exitCode = 1;
  });
}
