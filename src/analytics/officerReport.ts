import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Embedder } from '../matching/Embedder';
import type { AnalyticsStore } from './AnalyticsStore';
import { QuestionGrouper } from './QuestionGrouper';
import { ReportBuilder, type AnswerRanker, type ReportData } from './Report';
import { reportCsv } from './ReportCsv';
import { reportHtml } from './ReportHtml';

export interface OfficerReportDeps {
  store: AnalyticsStore;
  kb: KnowledgeBase;
  /** The matcher (its public rank), for the answer each group of unanswered questions most likely belonged to. */
  ranker?: AnswerRanker;
  /** Present: unanswered questions are grouped by meaning; absent: by shared words. */
  embedder?: Embedder;
  now?: () => Date;
}

/** Reads every record the store holds and builds the figures; the CLI, the route and kb:suggest all use this. */
export async function buildOfficerReport(deps: OfficerReportDeps): Promise<ReportData> {
  const records = await deps.store.list();
  const builder = new ReportBuilder({
    title: (id) => deps.kb.get(id)?.title ?? id,
    grouper: new QuestionGrouper(deps.kb.rewrites, deps.embedder),
    ranker: deps.ranker,
    now: deps.now,
  });
  return builder.build(records);
}

export function renderOfficerReport(data: ReportData, options: { nonce?: string; keepsQuestions: boolean }): { html: string; csv: string } {
  return { html: reportHtml(data, options), csv: reportCsv(data) };
}
