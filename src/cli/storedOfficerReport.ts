import { loadConfig, type Config } from '../config/Config';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerMatcher } from '../matching/AnswerMatcher';
import type { Embedder } from '../matching/Embedder';
import { UniversalSentenceEncoder } from '../matching/UniversalSentenceEncoder';
import { createAnalyticsStore } from '../analytics/createAnalyticsStore';
import { buildOfficerReport } from '../analytics/officerReport';
import type { ReportData } from '../analytics/Report';

/** The sentence encoder for grouping questions by meaning; undefined with --lexical, or when it does not load (said on stderr). */
export async function loadEmbedder(lexical: boolean): Promise<Embedder | undefined> {
  if (lexical) return undefined;
  try {
    return await UniversalSentenceEncoder.load();
  } catch (err) {
    console.error(`The sentence encoder did not load (${(err as Error).message}); grouping by shared words instead.`);
    return undefined;
  }
}

/**
 * The officers' report from the turn records of the configured store (ANALYTICS_STORE), as the
 * command-line tools build it (`npm run report`, `npm run kb:suggest`): the store is opened,
 * read and closed; unanswered questions are grouped by meaning unless `lexical`.
 */
export async function storedOfficerReport(options: { lexical: boolean }): Promise<{ report: ReportData; config: Config; kb: KnowledgeBase }> {
  const config = loadConfig();
  const kb = KnowledgeBase.fromFolder(config.knowledgeDir);
  const store = createAnalyticsStore(config);
  try {
    const report = await buildOfficerReport({ store, kb, ranker: new AnswerMatcher(kb), embedder: await loadEmbedder(options.lexical) });
    return { report, config, kb };
  } finally {
    await store.close();
  }
}
