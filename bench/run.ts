/**
 * npm run bench — the server under load beside the framework's floor, in the same run.
 *
 * Real listening servers on loopback, each in its own process: the real server (the default
 * durable store: SQLite in a fresh DATA_DIR; rate limits off, as the load comes from one
 * address; LOG_LEVEL=warn) and the floor (bench/floor: a bare botbuilder waterfall bot on the
 * same restify stack with MemoryStorage). autocannon, in this process, sends the load, bounded
 * in time (BENCH_SECONDS per run, default 5) and count. Prints a table and writes
 * bench/results/latest.json.
 *
 *   /api/messages, expectReplies: one-turn questions and five-turn guided dialogs, each
 *     conversation a new id, at 1, 10, 50 and 200 connections, ours and the floor's, with the ratio;
 *     the one-turn questions also on two more servers with the message-vector cache off
 *     (EMBED_CACHE_ENTRIES=0: every message embedded as if its text were new), one with the
 *     sentence model in its worker thread (the default), one on the event loop (EMBEDDER_THREAD=main)
 *   /api/answers at the same connections
 *   the matcher alone per question at the shipped size and with the knowledge base grown 10× and
 *     100× (synthetic entries), and its index build time
 *   the matcher with its sentence model (the shipped pipeline: normalise, BM25, vectors, the
 *     answer classifier, fusion, decision) per question of dev.jsonl and dev-hard.jsonl, every
 *     question new to the model, the model on this thread
 *   start to ready; resident memory after start and after 10,000 conversations
 * npm run bench -- --matcher: the matcher figures alone (a minute), printed, not written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ChildServer } from '../tests/support/ChildServer';
import { FIVE_TURN_GUIDE, ONE_TURN_QUESTIONS } from '../tests/support/conversationScripts';
import { KnowledgeBase } from '../src/knowledge/KnowledgeBase';
import type { Answer } from '../src/knowledge/Answer';
import { DEFAULT_KNOWLEDGE_DIR, REPO_ROOT } from '../src/knowledge/paths';
import { AnswerMatcher } from '../src/matching/AnswerMatcher';
import { createMatcher } from '../src/matching/createMatcher';
import { UniversalSentenceEncoder } from '../src/matching/UniversalSentenceEncoder';
import { WorkerEmbedder } from '../src/matching/WorkerEmbedder';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = [1, 10, 50, 200];
const RESULTS = path.join(REPO_ROOT, 'bench', 'results', 'latest.json');
const FLOOR = path.join(REPO_ROOT, 'bench', 'floor', 'main.ts');

interface Load {
  target: string;
  connections: number;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Replies that did not say what the script expects. */
  wrong: number;
  /** The server process's CPU time per turn (user + system), from /proc: steadier than turns per second on a shared machine. */
  cpuMsPerTurn?: number;
}

/** Runs a load and adds the server's CPU time per request. */
async function measured(server: ChildServer, loadIt: () => Promise<Load>): Promise<Load> {
  const before = server.cpuMs();
  const result = await loadIt();
  const used = server.cpuMs() - before;
  return { ...result, cpuMsPerTurn: result.requests > 0 ? +(used / result.requests).toFixed(2) : undefined };
}

let run = 0;
const activity = (conversation: string, text: string) =>
  JSON.stringify({ type: 'message', text, channelId: 'webchat', conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies' });

/** One autocannon run of a script (what is said, what the reply must show), each pass through it in a new conversation. */
async function load(target: string, base: string, connections: number, script: ReadonlyArray<readonly [string, RegExp]>, floor: boolean, seconds = SECONDS): Promise<Load> {
  const tag = `${target}-${connections}-${++run}`;
  let next = 0;
  let wrong = 0;
  // The floor's guide: "guide" starts it, any text answers its prompts, the fifth turn ends it.
  const floorStep = (i: number) => [i === 0 ? 'guide' : `answer ${i}`, i === script.length - 1 ? /Guide finished/ : /Question/] as const;
  const steps = floor ? script.map((_, i) => floorStep(i)) : script;
  const result = await autocannon({
    url: `${base}/api/messages`,
    connections,
    duration: seconds,
    requests: steps.map(([text, expected], i) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: autocannon.Request, ctx: object) => {
        const context = ctx as Record<string, unknown>;
        if (i === 0) context.conversation = `${tag}-${next++}`;
        return { ...req, body: activity(String(context.conversation), text) };
      },
      onResponse: (status: number, body: string) => {
        if (status === 200 && !expected.test(body)) wrong++;
      },
    })),
  });
  return summary(target, connections, result, wrong);
}

function summary(target: string, connections: number, r: autocannon.Result, wrong = 0): Load {
  return { target, connections, turnsPerSecond: Math.round(r.requests.total / r.duration), p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx, wrong };
}

/** A single-turn question script that cycles through several questions. */
function questionsOneTurn(): Array<readonly [string, RegExp]> {
  return ONE_TURN_QUESTIONS.map((s) => s[0]);
}

async function loadOneTurn(target: string, base: string, connections: number, floor: boolean): Promise<Load> {
  // Each request is a new conversation asking one of the questions in turn.
  const questions = questionsOneTurn();
  const tag = `${target}-1t-${connections}-${++run}`;
  let next = 0;
  let wrong = 0;
  const result = await autocannon({
    url: `${base}/api/messages`,
    connections,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: autocannon.Request, ctx: object) => {
        const context = ctx as Record<string, unknown>;
          const n = next++;
          context.expected = floor ? /You asked/ : questions[n % questions.length][1];
          return { ...req, body: activity(`${tag}-${n}`, questions[n % questions.length][0]) };
        },
        onResponse: (status: number, body: string, ctx: object) => {
          const context = ctx as Record<string, unknown>;
          if (status === 200 && !(context.expected as RegExp).test(body)) wrong++;
        },
      },
    ],
  });
  return summary(target, connections, result, wrong);
}

async function loadAnswers(base: string, connections: number): Promise<Load> {
  const questions = questionsOneTurn();
  let n = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req: autocannon.Request) => ({ ...req, path: `/api/answers?q=${encodeURIComponent(questions[n++ % questions.length][0])}` }) }],
  });
  return summary('ours /api/answers', connections, result);
}

/** The knowledge base grown `factor` times: each answer copied with its phrasings reworded by shuffling in other answers' words. */
function grown(kb: KnowledgeBase, factor: number): KnowledgeBase {
  if (factor === 1) return kb;
  const words = [...new Set(kb.answers.flatMap((a) => a.questions.join(' ').toLowerCase().split(/\W+/)).filter((w) => w.length > 3))];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = () => words[Math.floor(rand() * words.length)];
  const extra: Answer[] = [];
  for (let k = 1; k < factor; k++) {
    for (const a of kb.answers) {
      extra.push({
        ...a,
        id: `${a.id}-synthetic-${k}`,
        title: `${a.title} (${pick()} ${pick()})`,
        questions: a.questions.map((q) => `${q} ${pick()} ${pick()}`),
        keywords: [...a.keywords, pick()],
        body: `${a.body} ${pick()} ${pick()} ${pick()}`,
        followUps: [],
      });
    }
  }
  return new KnowledgeBase([...kb.answers, ...extra], kb.rewrites, {}, kb.outOfScope);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function matcherAlone(): Promise<Array<Record<string, number | string>>> {
  const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR);
  const shared = process.env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared');
  const questions = fs.readFileSync(path.join(shared, 'eval', 'dev.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { q: string }).q);
  const rows: Array<Record<string, number | string>> = [];
  for (const factor of [1, 10, 100]) {
    const big = grown(kb, factor);
    const t0 = process.hrtime.bigint();
    const matcher = new AnswerMatcher(big);
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const times: number[] = [];
    // At 100× each question takes about a second: the first 50 questions there keep the run short.
    const asked = factor === 100 ? questions.slice(0, 50) : questions;
    // (awaited: the matcher is becoming async)
    // Warmed on other texts: the matcher keeps recent messages' readings, and a question it has
    // seen would be timed as a lookup.
    for (const q of asked.slice(0, 10)) await matcher.match(`${q} (warm)`);
    for (const q of asked) {
      const s = process.hrtime.bigint();
      await matcher.match(q);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    times.sort((a, b) => a - b);
    rows.push({ size: `${factor}× (${big.answers.length} answers)`, indexBuildMs: Math.round(buildMs), questions: times.length, p50Ms: +percentile(times, 50).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2), maxMs: +times[times.length - 1].toFixed(2) });
  }
  return rows;
}

/**
 * The shipped matcher with its sentence model, per question (each embedded afresh: no message
 * cache): the model on the same thread, or in its worker as the server runs it (`thread`).
 */
async function semanticMatcherAlone(thread: 'main' | 'worker'): Promise<Record<string, number | string>> {
  const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR);
  const shared = process.env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared');
  const questions = ['dev.jsonl', 'dev-hard.jsonl'].flatMap((f) => fs.readFileSync(path.join(shared, 'eval', f), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { q: string }).q));
  const t0 = process.hrtime.bigint();
  const worker = thread === 'worker' ? await WorkerEmbedder.start() : undefined;
  const built = await createMatcher(kb, { embedder: () => (worker ? Promise.resolve(worker) : UniversalSentenceEncoder.load()) });
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!built.embedder) throw new Error(`the sentence model did not load: ${built.lexicalOnlyReason}`);
  const { matcher } = built;
  for (const q of questions.slice(0, 10)) await matcher.match(`${q} (warm)`);
  const times: number[] = [];
  // Each question once, and never seen before (the warm-up texts differ): nothing is served from the matcher's memo.
  for (const q of questions) {
    const s = process.hrtime.bigint();
    await matcher.match(q);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  await worker?.close();
  times.sort((a, b) => a - b);
  return { size: `1× (${kb.answers.length} answers), with the sentence model ${thread === 'worker' ? 'in its worker (as the server runs it)' : 'on the same thread'}`, indexBuildMs: Math.round(buildMs), questions: times.length, p50Ms: +percentile(times, 50).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2), maxMs: +times[times.length - 1].toFixed(2) };
}

async function main(): Promise<void> {
  if (process.argv.includes('--matcher')) {
    console.log(`the matcher alone, per question; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    console.table([await semanticMatcherAlone('main'), await semanticMatcherAlone('worker'), ...(await matcherAlone())]);
    return;
  }
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: os.loadavg().map((n) => +n.toFixed(2)), platform: `${os.type()} ${os.release()}` };
  console.log(`npm run bench: ${SECONDS} s a run; machine ${machine.cpus} × ${machine.cpu}, load average ${machine.loadAverageAtStart.join(' ')}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-bench-'));
  const env = { DATA_DIR: dataDir, STATE_STORE: 'sqlite', LOG_LEVEL: 'warn', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_TOKENS_PER_ADDRESS: '0', DEPLOYMENT_CONFIG: 'none', PORT: '3978' };

  const t0 = Date.now();
  const ours = await ChildServer.start(env);
  const startToReadyMs = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const rssAfterStartMb = ours.rssMb();
  // Every question new to the model: no cached vectors (and so no sharing between the safety
  // check and the matcher either); with the model in its worker thread and on the event loop.
  const noCache = await ChildServer.start({ ...env, DATA_DIR: `${dataDir}-nocache`, EMBED_CACHE_ENTRIES: '0' });
  const noCacheMain = await ChildServer.start({ ...env, DATA_DIR: `${dataDir}-nocache-main`, EMBED_CACHE_ENTRIES: '0', EMBEDDER_THREAD: 'main' });
  const floor = await ChildServer.start({}, 60_000, FLOOR);
  console.log(`start to ready ${startToReadyMs} ms; RSS after start ${rssAfterStartMb} MB`);

  const messages: Load[] = [];
  const answers: Load[] = [];
  try {
    // Warm both up (JIT, the recognisers' models).
    await loadOneTurn('warm', ours.base, 10, false);
    await load('warm', ours.base, 10, FIVE_TURN_GUIDE, false, 2);
    await loadOneTurn('warm', floor.base, 10, true);
    await loadOneTurn('warm', noCache.base, 10, false);
    await loadOneTurn('warm', noCacheMain.base, 10, false);
    for (const c of CONNECTIONS) {
      messages.push(await measured(ours, () => loadOneTurn('ours one-turn', ours.base, c, false)));
      messages.push(await measured(noCache, () => loadOneTurn('ours one-turn, no cache', noCache.base, c, false)));
      messages.push(await measured(noCacheMain, () => loadOneTurn('ours one-turn, no cache, model on event loop', noCacheMain.base, c, false)));
      messages.push(await measured(floor, () => loadOneTurn('floor one-turn', floor.base, c, true)));
      messages.push(await measured(ours, () => load('ours five-turn guide', ours.base, c, FIVE_TURN_GUIDE, false)));
      messages.push(await measured(floor, () => load('floor five-turn guide', floor.base, c, FIVE_TURN_GUIDE, true)));
      answers.push(await measured(ours, () => loadAnswers(ours.base, c)));
      console.log(`  ${c} connections done`);
    }
    // 10,000 conversations (one turn each, new ids), then resident memory.
    const tag = `rss-${Date.now()}`;
    let n = 0;
    const tenThousand = await autocannon({
      url: `${ours.base}/api/messages`,
      connections: 50,
      amount: 10_000,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req: autocannon.Request) => ({ ...req, body: activity(`${tag}-${n++}`, 'what is sen support') }) }],
    });
    const rssAfter10kMb = ours.rssMb();

    // The matcher alone means alone: the four servers are stopped first, so their idle work
    // (a purge, a flush, a large heap's collection) does not share the machine's two cores.
    await Promise.all([ours.kill9(), noCache.kill9(), noCacheMain.kill9(), floor.kill9()]);
    const matcher = [await semanticMatcherAlone('main'), await semanticMatcherAlone('worker'), ...(await matcherAlone())];
    const ratio = CONNECTIONS.map((c) => {
      const find = (t: string) => messages.find((m) => m.target === t && m.connections === c) as Load;
      return {
        connections: c,
        oneTurn: +(find('ours one-turn').turnsPerSecond / find('floor one-turn').turnsPerSecond).toFixed(2),
        oneTurnNoCache: +(find('ours one-turn, no cache').turnsPerSecond / find('floor one-turn').turnsPerSecond).toFixed(2),
        oneTurnNoCacheEventLoop: +(find('ours one-turn, no cache, model on event loop').turnsPerSecond / find('floor one-turn').turnsPerSecond).toFixed(2),
        fiveTurnGuide: +(find('ours five-turn guide').turnsPerSecond / find('floor five-turn guide').turnsPerSecond).toFixed(2),
        oneTurnCpuPerTurn: +((find('floor one-turn').cpuMsPerTurn ?? NaN) / (find('ours one-turn').cpuMsPerTurn ?? NaN)).toFixed(2),
        fiveTurnCpuPerTurn: +((find('floor five-turn guide').cpuMsPerTurn ?? NaN) / (find('ours five-turn guide').cpuMsPerTurn ?? NaN)).toFixed(2),
      };
    });
    const out = {
      date: new Date().toISOString(),
      machine,
      secondsPerRun: SECONDS,
      startToReadyMs,
      rssAfterStartMb,
      rssAfter10000ConversationsMb: rssAfter10kMb,
      tenThousandConversations: { requests: tenThousand.requests.total, non2xx: tenThousand.non2xx, errors: tenThousand.errors, timeouts: tenThousand.timeouts, p99: tenThousand.latency.p99 },
      messages,
      ratioToFloor: ratio,
      answers,
      matcher,
      loadAverageAtEnd: os.loadavg().map((x) => +x.toFixed(2)),
      settings: { ours: 'EMBEDDER_THREAD=worker, EMBED_CACHE_ENTRIES=5000 (the defaults)', 'ours one-turn, no cache': 'EMBED_CACHE_ENTRIES=0', 'ours one-turn, no cache, model on event loop': 'EMBED_CACHE_ENTRIES=0, EMBEDDER_THREAD=main' },
    };
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);

    console.log('\n/api/messages (expectReplies), turns per second and latency (ms)');
    console.table(messages.map((m) => ({ target: m.target, conn: m.connections, 'turns/s': m.turnsPerSecond, p50: m.p50, p99: m.p99, max: m.max, 'cpu ms/turn': m.cpuMsPerTurn, errors: m.errors, non2xx: m.non2xx, wrong: m.wrong })));
    console.log('ratio to the floor: turns per second (ours ÷ floor), and CPU per turn (floor ÷ ours: the share of the floor\'s efficiency)');
    console.table(ratio);
    console.log('/api/answers');
    console.table(answers.map((m) => ({ conn: m.connections, 'req/s': m.turnsPerSecond, p50: m.p50, p99: m.p99, max: m.max, 'cpu ms/req': m.cpuMsPerTurn, errors: m.errors, non2xx: m.non2xx })));
    console.log('the matcher alone, per question (with the model: dev.jsonl and dev-hard.jsonl; lexical stages at 1×, 10×, 100×: dev.jsonl)');
    console.table(matcher);
    console.log(`start to ready ${startToReadyMs} ms; RSS after start ${rssAfterStartMb} MB, after 10,000 conversations ${rssAfter10kMb} MB (${tenThousand.non2xx} non-2xx, ${tenThousand.errors} errors of which ${tenThousand.timeouts} timeouts over 10 s, p99 ${tenThousand.latency.p99} ms)`);
    console.log(`written: ${path.relative(REPO_ROOT, RESULTS)}`);
  } finally {
    await ours.kill9();
    await noCache.kill9();
    await noCacheMain.kill9();
    await floor.kill9();
    for (const d of [dataDir, `${dataDir}-nocache`, `${dataDir}-nocache-main`]) fs.rmSync(d, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? err);
  process.exit(1);
});
