/**
 * npx tsx bench/readmeTables.ts — the README's benchmark tables, in Markdown, from
 * bench/results/latest.json (so the README quotes the run exactly). Not part of npm test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/knowledge/paths';

interface Load { target: string; connections: number; turnsPerSecond: number; p50: number; p99: number; requests: number; errors: number; non2xx: number; wrong: number; cpuMsPerTurn?: number }
const r = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'bench', 'results', 'latest.json'), 'utf8')) as {
  date: string; machine: { cpus: number; cpu: string; memoryGb: number; node: string; loadAverageAtStart: number[] }; loadAverageAtEnd: number[];
  messages: Load[]; answers: Load[]; matcher: Array<Record<string, number | string>>; startToReadyMs: number; rssAfterStartMb: number; rssAfter10000ConversationsMb: number;
  tenThousandConversations: { requests: number; non2xx: number; errors: number; timeouts: number; p99: number };
};
const n = (x: number) => x.toLocaleString('en-GB');
const find = (t: string, c: number) => r.messages.find((m) => m.target === t && m.connections === c) as Load;
const cell = (m: Load) => `${n(m.turnsPerSecond)} (${n(m.p50)} / ${n(m.p99)})`;
const ratio = (a: Load, b: Load) => (a.turnsPerSecond / b.turnsPerSecond).toFixed(2);
const conns = [...new Set(r.messages.map((m) => m.connections))];
const bad = r.messages.filter((m) => m.errors || m.non2xx || m.wrong);
console.log(`Run ${r.date} (UTC); ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node.slice(1)}; load average ${r.machine.loadAverageAtStart[0]} at the start, ${r.loadAverageAtEnd[0]} at the end. Runs with an error, a non-2xx answer or a wrong reply: ${bad.length ? bad.map((m) => `${m.target} at ${m.connections}`).join(', ') : 'none'}.\n`);
console.log('| connections | ours one-turn, usual mix: turns/s (p50 / p99 ms) | ours one-turn, every question new to the model | the same, model on the event loop | floor one-turn | ratio: mix / new / new on event loop | CPU ms per turn: mix / new / new on event loop / floor |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const c of conns) {
  const [mix, fresh, loop, floor] = ['ours one-turn', 'ours one-turn, no cache', 'ours one-turn, no cache, model on event loop', 'floor one-turn'].map((t) => find(t, c));
  console.log(`| ${c} | ${cell(mix)} | ${cell(fresh)} | ${cell(loop)} | ${cell(floor)} | ${ratio(mix, floor)} / ${ratio(fresh, floor)} / ${ratio(loop, floor)} | ${mix.cpuMsPerTurn} / ${fresh.cpuMsPerTurn} / ${loop.cpuMsPerTurn} / ${floor.cpuMsPerTurn} |`);
}
console.log('\n| connections | ours five-turn guide: turns/s (p50 / p99 ms) | floor five-turn | ratio | CPU ms per turn: ours / floor |');
console.log('| --- | --- | --- | --- | --- |');
for (const c of conns) {
  const [ours, floor] = ['ours five-turn guide', 'floor five-turn guide'].map((t) => find(t, c));
  console.log(`| ${c} | ${cell(ours)} | ${cell(floor)} | ${ratio(ours, floor)} | ${ours.cpuMsPerTurn} / ${floor.cpuMsPerTurn} |`);
}
console.log('\n| `/api/answers`, connections | requests/s | p50 ms | p99 ms | CPU ms per request |');
console.log('| --- | --- | --- | --- | --- |');
for (const a of r.answers) console.log(`| ${a.connections} | ${n(a.turnsPerSecond)} | ${n(a.p50)} | ${n(a.p99)} | ${a.cpuMsPerTurn} |`);
console.log('\n| the matcher alone (first row: with its sentence model, dev + dev-hard; then the lexical stages and decision, dev) | index build | p50 per question | p99 | max |');
console.log('| --- | --- | --- | --- | --- |');
for (const m of r.matcher) console.log(`| ${m.size} (${m.questions} questions) | ${n(Number(m.indexBuildMs))} ms | ${m.p50Ms} ms | ${m.p99Ms} ms | ${m.maxMs} ms |`);
const t = r.tenThousandConversations;
console.log(`\nStart to ready: ${n(r.startToReadyMs)} ms. Resident memory: ${r.rssAfterStartMb} MB after start, ${r.rssAfter10000ConversationsMb} MB after 10,000 more one-turn conversations at 50 connections (${n(t.requests)} answered, ${t.non2xx} non-2xx, ${t.errors} errors of which ${t.timeouts} timeouts over 10 s, p99 ${n(t.p99)} ms).`);
