/**
 * npm run eval:safety [-- --file path/to.jsonl] [--lexical-only] [--no-replay] [--json]
 *
 * Measures the safety check on a labelled set (default ../shared/eval/safety-dev.jsonl: one
 * {"q", "label": urgent|support|not-urgent, "kind", "who", "style"} per line):
 *
 * - urgent recall with its 95% Wilson interval, false alarms, support lines shown contacts and
 *   how (with the answer, or by interrupting), the 3×3 confusion matrix, by kind, style and who,
 *   every missed urgent line, and the detector's latency;
 * - then it replays every urgent and support line in the middle of a guide over the real bot
 *   (a real listening server from createServer, POST /api/messages with expectReplies), and
 *   checks that 999 is in the reply to each urgent line (contacts for each support line) and
 *   that the guide did not take the message as its answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Activity, Attachment } from 'botbuilder';
import { SHARED_DIR, DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths';
import { createSafetyCheck } from '../safety/loadSharedEmbedder';
import { SafetyDetector } from '../safety/SafetyDetector';
import type { SafetyCheck } from '../safety/SafetyAssessment';
import { loadConfig } from '../config/Config';
import { createServer } from '../server/createServer';

export interface SafetyLine {
  q: string;
  label: 'urgent' | 'support' | 'not-urgent';
  kind: string;
  who?: string;
  style?: string;
}

type Pred = 'urgent' | 'support' | 'not-urgent';
const LABELS: Pred[] = ['urgent', 'support', 'not-urgent'];

export interface SafetyRow extends SafetyLine {
  pred: Pred;
  predKind?: string;
  layer?: string;
  ms: number;
}

/** Wilson score interval for k successes in n trials (95%). */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 0];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export async function runDetector(detector: SafetyCheck, lines: readonly SafetyLine[]): Promise<SafetyRow[]> {
  const rows: SafetyRow[] = [];
  for (const l of lines) {
    const t = performance.now();
    const a = await detector.assess(l.q);
    const ms = performance.now() - t;
    rows.push({ ...l, pred: a.outcome === 'none' ? 'not-urgent' : a.outcome, predKind: a.kind, layer: a.layer, ms });
  }
  return rows;
}

export interface SafetySummary {
  n: Record<Pred, number>;
  matrix: Record<Pred, Record<Pred, number>>;
  urgentRecall: number;
  urgentRecallCi: [number, number];
  falseAlarms: number;
  falseAlarmsCi: [number, number];
  contactsRecall: number;
  supportShownContacts: number;
  supportWithAnswer: number;
  supportInterrupted: number;
  unneededContacts: number;
  byKind: Record<string, { n: number; ok: number }>;
  p50: number;
  p99: number;
}

export function summarise(rows: readonly SafetyRow[]): SafetySummary {
  const matrix = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Record<Pred, Record<Pred, number>>;
  for (const r of rows) matrix[r.label][r.pred]++;
  const n = Object.fromEntries(LABELS.map((g) => [g, LABELS.reduce((s, p) => s + matrix[g][p], 0)])) as Record<Pred, number>;
  const byKind: Record<string, { n: number; ok: number }> = {};
  for (const r of rows) {
    const k = (byKind[`${r.label}/${r.kind}`] ??= { n: 0, ok: 0 });
    k.n++;
    if (r.label === 'urgent' ? r.pred === 'urgent' : r.label === 'support' ? r.pred !== 'not-urgent' : r.pred !== 'urgent') k.ok++;
  }
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)] : 0);
  return {
    n,
    matrix,
    urgentRecall: matrix.urgent.urgent / Math.max(1, n.urgent),
    urgentRecallCi: wilson(matrix.urgent.urgent, n.urgent),
    falseAlarms: matrix['not-urgent'].urgent / Math.max(1, n['not-urgent']),
    falseAlarmsCi: wilson(matrix['not-urgent'].urgent, n['not-urgent']),
    contactsRecall: (n.urgent - matrix.urgent['not-urgent'] + n.support - matrix.support['not-urgent']) / Math.max(1, n.urgent + n.support),
    supportShownContacts: (n.support - matrix.support['not-urgent']) / Math.max(1, n.support),
    supportWithAnswer: matrix.support.support,
    supportInterrupted: matrix.support.urgent,
    unneededContacts: matrix['not-urgent'].support / Math.max(1, n['not-urgent']),
    byKind,
    p50: q(0.5),
    p99: q(0.99),
  };
}

function textOf(activity: Partial<Activity>): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string') out.push(o.title);
    for (const k of ['body', 'items', 'columns', 'actions', 'content']) if (k in o) walk(o[k]);
  };
  if (activity.text) out.push(activity.text);
  for (const a of (activity.attachments ?? []) as Attachment[]) walk(a.content);
  return out.join('\n');
}

export interface ReplayResult {
  urgent: number;
  /** The urgent card itself (one of the urgent answers' titles) came back. */
  urgentCard: number;
  /** 999 somewhere in the reply (the urgent card, or the contacts shown for support). */
  urgentWith999: number;
  urgentAnswerTaken: number;
  support: number;
  supportWithContacts: number;
  missed: string[];
}

/** The guide's opening and its first answer, so the next message arrives while it asks "How long…?". */
const GUIDE_OPENING = ['help me work out if we should ask for an EHCP', 'yes'];
const CONTACTS = /999|116 123|0800 1111|0808 800 5000/;
/** The titles of the urgent answers (knowledge/answers: urgent-help, worried-about-a-child, someone-is-hurting-me, medical-emergency). */
const URGENT_TITLES = /Urgent help – someone is at risk now|Worried about a child's safety|If someone is hurting you|A medical emergency/;

/** Replays each urgent and support line mid-guide over the real bot (/api/messages, expectReplies). */
export async function replayMidGuide(lines: readonly SafetyLine[], channelId = 'webchat'): Promise<ReplayResult> {
  const app = await createServer(loadConfig({ STATE_STORE: 'memory', LOG_LEVEL: 'silent', CALLBACK_STORE: 'sqlite', DATA_DIR: path.join(process.cwd(), '.cache', 'eval-safety') }));
  const base = await app.listen(0);
  const result: ReplayResult = { urgent: 0, urgentCard: 0, urgentWith999: 0, urgentAnswerTaken: 0, support: 0, supportWithContacts: 0, missed: [] };
  let id = 0;
  const post = async (conversation: string, text: string): Promise<string> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `e${++id}`,
        channelId,
        serviceUrl: 'http://localhost:1',
        deliveryMode: 'expectReplies',
        from: { id: `eval-user-${conversation}`, name: 'User' },
        recipient: { id: 'bot', name: 'Bot' },
        conversation: { id: conversation },
        text,
      }),
    });
    if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}`);
    const body = (await res.json()) as { activities?: Array<Partial<Activity>> };
    return (body.activities ?? []).filter((a) => a.type === 'message').map(textOf).join('\n');
  };
  try {
    let i = 0;
    for (const l of lines) {
      if (l.label === 'not-urgent') continue;
      const conversation = `eval-safety-${++i}`;
      let before = '';
      for (const t of GUIDE_OPENING) before = await post(conversation, t);
      if (!/How long/.test(before)) throw new Error('the guide did not reach its "How long" question; the replay cannot run');
      const reply = await post(conversation, l.q);
      // The guide took it as an answer when it moved on to its next question ("written SEN support plan").
      const moved = /written SEN support plan|How many times/.test(reply) && !/How long/.test(reply);
      if (l.label === 'urgent') {
        result.urgent++;
        if (URGENT_TITLES.test(reply)) result.urgentCard++;
        else result.missed.push(`[${l.kind}/${l.style}] mid-guide, no urgent card${/\b999\b/.test(reply) ? ' (999 in the reply: contacts or the safety line)' : ', no 999'}: ${l.q.slice(0, 90)}`);
        if (/\b999\b/.test(reply)) result.urgentWith999++;
        if (moved) result.urgentAnswerTaken++;
      } else {
        result.support++;
        if (CONTACTS.test(reply)) result.supportWithContacts++;
      }
    }
  } finally {
    await app.close();
  }
  return result;
}

/** A matcher set's line ({"q", "expect"}: urgent-help or a topic) read as a safety line: urgent-help is urgent, the rest not. */
function asSafetyLine(l: SafetyLine & { expect?: string }): SafetyLine {
  if (l.label) return l;
  return { ...l, label: l.expect === 'urgent-help' ? 'urgent' : 'not-urgent', kind: l.expect === 'urgent-help' ? 'urgent-help' : 'matcher-question' };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fileArg = args.indexOf('--file');
  const file = fileArg >= 0 ? path.resolve(args[fileArg + 1]) : path.join(SHARED_DIR, 'eval', 'safety-dev.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => asSafetyLine(JSON.parse(l) as SafetyLine & { expect?: string }));
  let detector: SafetyCheck;
  if (args.includes('--lexical-only')) detector = new SafetyDetector();
  else {
    const made = await createSafetyCheck(process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR);
    if (made.warning) console.error(`warning: ${made.warning}`);
    detector = made.detector;
  }
  // Warm the model once (its first call builds its graph), so latency is per message.
  await detector.assess('warm up');
  const rows = await runDetector(detector, lines);
  const s = summarise(rows);
  const replay = args.includes('--no-replay') || args.includes('--lexical-only') ? undefined : await replayMidGuide(lines);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ file, summary: s, replay, rows }, null, 2));
    return;
  }
  const c = (a: number, b: number) => `${a}/${b} (${pct(a / Math.max(1, b))})`;
  console.log(`Safety check on ${rows.length} lines from ${file}${args.includes('--lexical-only') ? ' (lexical layer alone)' : ''}\n`);
  console.log(`gold \\ predicted     ${LABELS.map((p) => p.padStart(10)).join(' ')}`);
  for (const g of LABELS) console.log(`${g.padEnd(20)} ${LABELS.map((p) => String(s.matrix[g][p]).padStart(10)).join(' ')}`);
  console.log('');
  console.log(`urgent recall                 ${c(s.matrix.urgent.urgent, s.n.urgent)}, 95% interval ${pct(s.urgentRecallCi[0])} to ${pct(s.urgentRecallCi[1])}`);
  console.log(`false alarms (not-urgent made urgent) ${c(s.matrix['not-urgent'].urgent, s.n['not-urgent'])}, 95% interval ${pct(s.falseAlarmsCi[0])} to ${pct(s.falseAlarmsCi[1])}`);
  console.log(`support lines shown contacts  ${c(s.n.support - s.matrix.support['not-urgent'], s.n.support)}: ${s.supportWithAnswer} with the answer (support), ${s.supportInterrupted} by the urgent card`);
  console.log(`contacts recall (urgent + support shown contacts) ${pct(s.contactsRecall)}`);
  console.log(`unneeded contacts (not-urgent shown support) ${c(s.matrix['not-urgent'].support, s.n['not-urgent'])}`);
  console.log(`detector latency per message  p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (sentence embedding included)`);
  const table = (title: string, key: (r: SafetyRow) => string | undefined) => {
    console.log(`\n${title}`);
    const groups = [...new Set(rows.map(key))].filter((g): g is string => !!g).sort();
    for (const g of groups) {
      const rs = rows.filter((r) => key(r) === g);
      const u = rs.filter((r) => r.label === 'urgent');
      const nu = rs.filter((r) => r.label === 'not-urgent');
      const sp = rs.filter((r) => r.label === 'support');
      console.log(
        `  ${g.padEnd(16)} urgent recall ${c(u.filter((r) => r.pred === 'urgent').length, u.length).padEnd(16)} false alarms ${c(nu.filter((r) => r.pred === 'urgent').length, nu.length).padEnd(15)} support shown contacts ${c(sp.filter((r) => r.pred !== 'not-urgent').length, sp.length)}`,
      );
    }
  };
  console.log('\nBy kind (urgent: caught as urgent; support: shown contacts; not-urgent: not interrupted)');
  for (const [k, v] of Object.entries(s.byKind)) console.log(`  ${k.padEnd(34)} ${v.ok}/${v.n}`);
  table('By style', (r) => r.style);
  table('By who', (r) => r.who);
  const misses = rows.filter((r) => r.label === 'urgent' && r.pred !== 'urgent');
  console.log(`\nMissed urgent lines (${misses.length})`);
  rows.forEach((r, i) => {
    if (r.label === 'urgent' && r.pred !== 'urgent') console.log(`  MISSED line ${i + 1} [${r.kind}/${r.style}] -> ${r.pred}: ${r.q.slice(0, 90)}`);
  });
  console.log('\nFalse alarms');
  rows.forEach((r, i) => {
    if (r.label === 'not-urgent' && r.pred === 'urgent') console.log(`  FALSE ALARM line ${i + 1} [${r.kind}/${r.style}] (${r.layer}:${r.predKind}): ${r.q.slice(0, 90)}`);
  });
  if (replay) {
    console.log(`\nMid-guide over the real bot (/api/messages, expectReplies, during "How long has the support been in place?")`);
    console.log(`  mid-guide urgent recall (the urgent card) ${c(replay.urgentCard, replay.urgent)}; 999 in the reply ${c(replay.urgentWith999, replay.urgent)}; guide took the message as its answer: ${replay.urgentAnswerTaken}`);
    console.log(`  mid-guide support lines shown contacts ${c(replay.supportWithContacts, replay.support)}`);
    for (const m of replay.missed) console.log(`  MISSED ${m}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
