/**
 * npx tsx scripts/time-safety-detector.ts [--rounds N] [FILE ...]
 *
 * Times the safety check alone (both layers, sentence embedding included) on every line of the
 * given sets (default ../shared/eval/safety-dev.jsonl and dev-hard.jsonl), after one warm-up
 * call, and prints p50, p90, p99 and the slowest, overall and by how the message was decided
 * (lexical urgent, so no embedding; semantic), with the sentence model's calls and texts per
 * message, and the CPU time this process spent per message (steadier than wall time on a
 * shared machine). Timings depend on the machine's load: say the load with the figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Embedder } from '../src/matching/Embedder';
import { UniversalSentenceEncoder } from '../src/matching/UniversalSentenceEncoder';
import { MemoisingEmbedder } from '../src/matching/MemoisingEmbedder';
import { SafetyDetector } from '../src/safety/SafetyDetector';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../src/knowledge/paths';

/** Counts the calls and texts reaching the model. */
class CountingEmbedder implements Embedder {
  calls = 0;
  texts = 0;
  words = 0;
  constructor(private readonly inner: Embedder) {}
  get modelId(): string {
    return this.inner.modelId;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls++;
    this.texts += texts.length;
    for (const t of texts) this.words += t.split(' ').length;
    return this.inner.embed(texts);
  }
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : 0;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const r = args.indexOf('--rounds');
  const rounds = r >= 0 ? Number(args[r + 1]) : 1;
  const files = args.filter((a, i) => !a.startsWith('--') && (r < 0 || i !== r + 1));
  const sets = files.length ? files.map((f) => path.resolve(f)) : ['safety-dev.jsonl', 'dev-hard.jsonl'].map((f) => path.join(SHARED_DIR, 'eval', f));
  const lines = sets.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { q: string }).q));
  const counting = new CountingEmbedder(await UniversalSentenceEncoder.load());
  const { detector, warning } = await SafetyDetector.create(DEFAULT_KNOWLEDGE_DIR, new MemoisingEmbedder(counting), path.resolve(__dirname, '../.cache/vectors'));
  if (warning) console.error(`warning: ${warning}`);
  await detector.assess('warm up, the first call builds the model graph');
  const all: number[] = [];
  const cpu: number[] = [];
  const byLayer = new Map<string, number[]>();
  counting.calls = counting.texts = counting.words = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of lines) {
      // A fresh text each round, so the memo never answers for the model.
      const text = round === 0 ? q : `${q} ${'.'.repeat(round)}`;
      const t = performance.now();
      const c = process.cpuUsage();
      const a = await detector.assess(text);
      const ms = performance.now() - t;
      const used = process.cpuUsage(c);
      all.push(ms);
      cpu.push((used.user + used.system) / 1000);
      const key = a.outcome === 'urgent' && a.layer !== 'semantic' ? `${a.layer} urgent (no embedding)` : 'read by both layers';
      byLayer.set(key, [...(byLayer.get(key) ?? []), ms]);
    }
  }
  const line = (label: string, xs: number[]) =>
    console.log(`${label.padEnd(34)} n ${String(xs.length).padStart(4)}  p50 ${quantile(xs, 0.5).toFixed(1).padStart(6)} ms  p90 ${quantile(xs, 0.9).toFixed(1).padStart(6)} ms  p99 ${quantile(xs, 0.99).toFixed(1).padStart(6)} ms  max ${Math.max(...xs).toFixed(1).padStart(6)} ms`);
  console.log(`safety check on ${lines.length} lines (${sets.map((s) => path.basename(s)).join(', ')}), ${rounds} round(s); load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} cores`);
  line('all messages', all);
  for (const [k, xs] of byLayer) line(k, xs);
  // CPU time of this process per message: less sensitive than wall time to other work on the machine.
  line('CPU time per message (this process)', cpu);
  const n = all.length;
  console.log(`sentence model: ${(counting.calls / n).toFixed(2)} calls, ${(counting.texts / n).toFixed(2)} texts, ${(counting.words / n).toFixed(1)} words per message`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
