import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { loadConfig } from '../../src/config/Config';
import { createServer, type AppServer, type AppServices, type BuildOptions } from '../../src/server/createServer';
import { activityText, submitActions } from './activityText';

/** One app for a test file: the real bot and the real knowledge base, state in memory; `overrides` swaps in parts of its own. */
export async function createTestApp(env: Record<string, string> = {}, overrides: Partial<AppServices> = {}, build: BuildOptions = {}): Promise<AppServer> {
  // Rate limits off unless a test sets them (tests/hardening/rateLimits.test.ts does).
  return createServer(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_TOKENS_PER_ADDRESS: '0', ...env }), overrides, build);
}

type Expectation = string | RegExp | ((reply: Partial<Activity>, text: string) => void);

/**
 * A conversation test that reads like a transcript:
 *
 *   await new Transcript(app, 'webchat')
 *     .userSays('what is sen support')
 *     .botReplies(/What is SEN support/)
 *     .run();
 *
 * Each botReplies takes the next reply; botRepliesWith lets later replies pass until one matches.
 */
export class Transcript {
  private readonly adapter: TestAdapter;
  private readonly steps: Array<() => Promise<void>> = [];
  private replies: Array<Partial<Activity>> = [];
  private last: Partial<Activity> | undefined;
  private readonly userId: string;

  constructor(app: AppServer, channelId = 'test', userId = 'user-1', conversationId = `conv-${Math.random().toString(36).slice(2)}`) {
    this.adapter = new TestAdapter((context) => app.bot.run(context), {
      channelId,
      from: { id: userId, name: 'User' },
      recipient: { id: 'bot', name: 'SEN support assistant' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'test' },
    });
    this.userId = userId;
  }

  /** The user joins: the bot's welcome follows. */
  userJoins(): this {
    this.steps.push(async () => {
      await this.send({
        type: 'conversationUpdate',
        membersAdded: [{ id: this.userId, name: 'User' }],
      });
    });
    return this;
  }

  userSays(text: string): this {
    this.steps.push(() => this.send({ type: 'message', text }));
    return this;
  }

  /** The user presses the button titled `title` on the last card the bot sent with one. */
  userPresses(title: string | RegExp): this {
    this.steps.push(async () => {
      const withButton = [...this.history].reverse().find((a) => submitActions(a).some((s) => matches(s.title, title)));
      expect(withButton, `no card has a button ${String(title)}`).to.not.equal(undefined);
      const button = submitActions(withButton as Partial<Activity>).find((s) => matches(s.title, title)) as { title: string; data: Record<string, unknown> };
      await this.send({ type: 'message', value: button.data });
    });
    return this;
  }

  userSends(activity: Partial<Activity>): this {
    this.steps.push(() => this.send(activity));
    return this;
  }

  /** The next reply must match. */
  botReplies(expected: Expectation): this {
    this.steps.push(async () => {
      const reply = this.replies.shift();
      expect(reply, `expected a reply matching ${String(expected)}, but the bot said nothing more`).to.not.equal(undefined);
      check(reply as Partial<Activity>, expected);
      this.last = reply;
    });
    return this;
  }

  /** Some reply still to come this turn must match (earlier ones are passed over). */
  botRepliesWith(expected: Expectation): this {
    this.steps.push(async () => {
      while (this.replies.length) {
        const reply = this.replies.shift() as Partial<Activity>;
        if (test(reply, expected)) {
          this.last = reply;
          return;
        }
      }
      expect.fail(`no remaining reply matched ${String(expected)}`);
    });
    return this;
  }

  /** The bot said nothing more this turn (all its replies have been matched). */
  botSaysNothingMore(): this {
    this.steps.push(async () => {
      expect(this.replies.map((r) => activityText(r)), 'no further reply this turn').to.deep.equal([]);
    });
    return this;
  }

  /** No reply this turn contains `text`. */
  botNeverSays(unexpected: RegExp): this {
    this.steps.push(async () => {
      for (const r of [...this.turnReplies]) expect(activityText(r)).to.not.match(unexpected);
    });
    return this;
  }

  /** Run an arbitrary check on the last matched reply. */
  then(fn: (last: Partial<Activity> | undefined) => void): this {
    this.steps.push(async () => fn(this.last));
    return this;
  }

  async run(): Promise<void> {
    for (const step of this.steps) await step();
  }

  private history: Array<Partial<Activity>> = [];
  private turnReplies: Array<Partial<Activity>> = [];

  private async send(activity: Partial<Activity>): Promise<void> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.receiveActivity(activity);
    const got = this.adapter.activeQueue.splice(0) as Array<Partial<Activity>>;
    this.turnReplies = got.filter((a) => a.type === 'message');
    this.replies = [...this.turnReplies];
    this.history.push(...this.turnReplies);
  }
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

function test(reply: Partial<Activity>, expected: Expectation): boolean {
  try {
    check(reply, expected);
    return true;
  } catch {
    return false;
  }
}

function check(reply: Partial<Activity>, expected: Expectation): void {
  const text = activityText(reply);
  if (typeof expected === 'function') expected(reply, text);
  else if (typeof expected === 'string') expect(text).to.include(expected);
  else expect(text).to.match(expected);
}

/** The first of `queries` that the app answers with "Did you mean". */
export async function firstClarified(app: AppServer, queries: readonly string[]): Promise<string | undefined> {
  for (const q of queries) if ((await app.services.answers.ask(q)).outcome === 'clarify') return q;
  return undefined;
}
