/**
 * npm run bench:profile — where a one-turn question's CPU goes: the real server (SQLite state) in
 * a child process under `node --cpu-prof`, 10 connections of one-turn questions for BENCH_SECONDS
 * (default 8), then the profile's self time summed by source file, for each thread (the main
 * thread, and the sentence model's worker when EMBEDDER_THREAD=worker). The server takes the
 * settings in this process's environment: `EMBED_CACHE_ENTRIES=0 EMBEDDER_THREAD=main npm run
 * bench:profile` profiles a turn whose text is new to the model. Not part of npm test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ChildServer } from '../tests/support/ChildServer';
import { ONE_TURN_QUESTIONS } from '../tests/support/conversationScripts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string } }

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-profile-'));
  const server = await ChildServer.start({ DATA_DIR: dir, STATE_STORE: 'sqlite', LOG_LEVEL: 'warn', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_TOKENS_PER_ADDRESS: '0', DEPLOYMENT_CONFIG: 'none', PORT: '3978' }, 60_000, undefined, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  let n = 0;
  // V8's profile clock and process.hrtime are both the monotonic clock: only samples taken
  // during the load are counted, not the server's start.
  const from = Number(process.hrtime.bigint() / 1000n);
  await autocannon({
    url: `${server.base}/api/messages`,
    connections: 10,
    duration: Number(process.env.BENCH_SECONDS ?? 8),
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify({ type: 'message', text: ONE_TURN_QUESTIONS[n % ONE_TURN_QUESTIONS.length][0][0], channelId: 'webchat', conversation: { id: `p-${n++}` }, from: { id: 'u' }, recipient: { id: 'b' }, deliveryMode: 'expectReplies' }) }) }],
  });
  const to = Number(process.hrtime.bigint() / 1000n);
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error('no profile written');
  const tables = files.map((file) => {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
    const hitsOf = new Map<number, number>();
    let t = profile.startTime;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i];
      if (t >= from && t <= to) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
    });
    const byFile = new Map<string, number>();
    let total = 0;
    let idle = 0;
    for (const node of profile.nodes) {
      const hits = hitsOf.get(node.id) ?? 0;
      total += hits;
      if (node.callFrame.functionName === '(idle)') idle += hits;
      const url = node.callFrame.url.replace(/^file:\/\//, '');
      const where = url.includes('node_modules/') ? `node_modules/${url.split('node_modules/').pop()?.split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/')}` : url ? path.relative(process.cwd(), url) : `(${node.callFrame.functionName || 'native'})`;
      byFile.set(where, (byFile.get(where) ?? 0) + hits);
    }
    return { file, total, idle, byFile };
  });
  // The busiest thread first (the main thread, unless the worker does more).
  tables.sort((a, b) => b.total - b.idle - (a.total - a.idle));
  console.log(`${n} requests in ${((to - from) / 1e6).toFixed(1)} s`);
  for (const { file, total, idle, byFile } of tables) {
    const rows = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([where, hits]) => ({ where, share: `${((100 * hits) / total).toFixed(1)}%` }));
    console.log(`${file}: ${total} CPU samples during the load (${((100 * idle) / Math.max(1, total)).toFixed(1)}% idle), by where the time was spent (self time):`);
    console.table(rows);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? err);
  process.exit(1);
});
