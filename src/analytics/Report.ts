import type { QuestionGrouper, QuestionGroup } from './QuestionGrouper';
import { withoutRedactions } from './Redactor';
import { PICKED_NONE, TURN_OUTCOMES, type TurnOutcome, type TurnRecord } from './TurnRecord';

/** Ranks answers for a question: the matcher's public `rank` (sync today, async once the embedder joins). */
export interface AnswerRanker {
  rank(question: string): Array<{ answer: { id: string; variantOf?: string }; score: number }> | Promise<Array<{ answer: { id: string; variantOf?: string }; score: number }>>;
}

/** Below this confidence an answered question is listed with the abstentions ("low confidence"). */
export const LOW_CONFIDENCE = 0.5;

export interface UnansweredGroup extends QuestionGroup {
  /** How many of the group's questions got "I don't know" and how many a low-confidence answer. */
  none: number;
  low: number;
  /** The answer they most likely belonged to (the matcher's best across the group), if any scored. */
  likely?: { id: string; title: string; score: number };
}

export interface ReportData {
  generatedAt: string;
  /** The first and last record's day, or undefined with no records. */
  from?: string;
  to?: string;
  turns: number;
  outcomeTotals: Record<TurnOutcome, number>;
  /** By day (or by ISO week, Monday first, when the records span more than 62 days). */
  overTime: { period: 'day' | 'week'; rows: Array<{ start: string; counts: Record<TurnOutcome, number> }> };
  topTopics: Array<{ id: string; title: string; count: number }>;
  helpfulness: Array<{ id: string; title: string; helpful: number; notHelpful: number }>;
  clarify: Array<{ candidates: Array<{ id: string; title: string; picked: number }>; shown: number; none: number; noPick: number }>;
  unanswered: { none: number; low: number; withText: number; method: 'semantic' | 'lexical'; groups: UnansweredGroup[] };
  handoffsByArea: Array<{ area: string; count: number }>;
}

const emptyCounts = (): Record<TurnOutcome, number> => Object.fromEntries(TURN_OUTCOMES.map((o) => [o, 0])) as Record<TurnOutcome, number>;
const day = (iso: string) => iso.slice(0, 10);
const DAY_MS = 86_400_000;

function mondayOf(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  const back = (t.getUTCDay() + 6) % 7;
  return new Date(t.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

function countBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

const byCount = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));

/**
 * The officers' figures from turn records: outcomes over time, top topics, "not helpful" by topic,
 * "Did you mean" choices, abstentions and low-confidence questions grouped by similarity (with the
 * answer each group most likely belonged to), and hand-offs by area. Plain TypeScript; the HTML
 * and CSV are drawn from this (ReportHtml, ReportCsv).
 */
export class ReportBuilder {
  constructor(
    private readonly deps: {
      title: (id: string) => string;
      grouper: QuestionGrouper;
      ranker?: AnswerRanker;
      now?: () => Date;
      topTopics?: number;
    },
  ) {}

  async build(records: readonly TurnRecord[]): Promise<ReportData> {
    const rs = [...records].sort((a, b) => a.at.localeCompare(b.at));
    const title = this.deps.title;
    const outcomeTotals = emptyCounts();
    for (const r of rs) outcomeTotals[r.outcome] += 1;

    const from = rs.length ? day(rs[0].at) : undefined;
    const to = rs.length ? day(rs[rs.length - 1].at) : undefined;
    const weekly = !!from && !!to && Date.parse(to) - Date.parse(from) > 62 * DAY_MS;
    const periods = new Map<string, Record<TurnOutcome, number>>();
    for (const r of rs) {
      const k = weekly ? mondayOf(day(r.at)) : day(r.at);
      const c = periods.get(k) ?? emptyCounts();
      c[r.outcome] += 1;
      periods.set(k, c);
    }

    const answered = rs.filter((r) => r.outcome === 'answer' && r.answerId);
    const topTopics = [...countBy(answered, (r) => r.answerId)].map(([id, count]) => ({ id, title: title(id), count })).sort(byCount((t) => t.id)).slice(0, this.deps.topTopics ?? 15);

    const rated = rs.filter((r) => r.answerId && r.helpful !== undefined);
    const helpfulness = [...new Set(rated.map((r) => r.answerId as string))]
      .map((id) => ({ id, title: title(id), helpful: rated.filter((r) => r.answerId === id && r.helpful).length, notHelpful: rated.filter((r) => r.answerId === id && !r.helpful).length }))
      .sort((a, b) => b.notHelpful - a.notHelpful || b.notHelpful / (b.helpful + b.notHelpful) - a.notHelpful / (a.helpful + a.notHelpful) || a.id.localeCompare(b.id));

    const clarifyTurns = rs.filter((r) => r.outcome === 'clarify' && r.candidates?.length);
    const sets = new Map<string, TurnRecord[]>();
    for (const r of clarifyTurns) {
      const k = (r.candidates as string[]).join('|');
      sets.set(k, [...(sets.get(k) ?? []), r]);
    }
    const clarify = [...sets.entries()]
      .map(([k, turns]) => ({
        candidates: k.split('|').map((id) => ({ id, title: title(id), picked: turns.filter((t) => t.picked === id).length })),
        shown: turns.length,
        none: turns.filter((t) => t.picked === PICKED_NONE).length,
        noPick: turns.filter((t) => t.picked === undefined).length,
      }))
      .sort((a, b) => b.shown - a.shown || a.candidates[0].id.localeCompare(b.candidates[0].id));

    const isNone = (r: TurnRecord) => r.outcome === 'none';
    const isLow = (r: TurnRecord) => r.outcome === 'answer' && typeof r.confidence === 'number' && r.confidence < LOW_CONFIDENCE;
    const unansweredTurns = rs.filter((r) => isNone(r) || isLow(r));
    const withText = unansweredTurns.filter((r) => r.question);
    const grouped = await this.deps.grouper.group(withText.map((r) => r.question as string));
    const groups: UnansweredGroup[] = [];
    for (const g of grouped) {
      const texts = new Set(g.members.map((m) => m.text));
      const inGroup = withText.filter((r) => texts.has((r.question as string).trim()));
      groups.push({ ...g, none: inGroup.filter(isNone).length, low: inGroup.filter(isLow).length, likely: await this.likely(g) });
    }

    const handoffs = rs.filter((r) => r.outcome === 'hand-off');
    const handoffsByArea = [...countBy(handoffs, (r) => r.area ?? 'Area not given')].map(([area, count]) => ({ area, count })).sort(byCount((h) => h.area));

    return {
      generatedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      from,
      to,
      turns: rs.length,
      outcomeTotals,
      overTime: { period: weekly ? 'week' : 'day', rows: [...periods.entries()].map(([start, counts]) => ({ start, counts })) },
      topTopics,
      helpfulness,
      clarify,
      unanswered: { none: unansweredTurns.filter(isNone).length, low: unansweredTurns.filter(isLow).length, withText: withText.length, method: this.deps.grouper.method, groups },
      handoffsByArea,
    };
  }

  /** The answer the group's questions most likely belonged to: the matcher's scores summed over the members, weighted by how often each was asked. */
  private async likely(g: QuestionGroup): Promise<UnansweredGroup['likely']> {
    if (!this.deps.ranker) return undefined;
    const totals = new Map<string, number>();
    for (const m of g.members) {
      const ranked = await this.deps.ranker.rank(withoutRedactions(m.text));
      for (const r of ranked.slice(0, 3)) {
        const id = r.answer.variantOf ?? r.answer.id;
        totals.set(id, (totals.get(id) ?? 0) + r.score * m.count);
      }
    }
    const best = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!best || best[1] <= 0) return undefined;
    return { id: best[0], title: this.deps.title(best[0]), score: Math.round((best[1] / g.count) * 1000) / 1000 };
  }
}
