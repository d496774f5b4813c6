import type { Answer } from '../knowledge/Answer';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { AnswerMatcher, MatchOutcome } from './AnswerMatcher';
import type { UrgentDetector } from './UrgentDetector';
import { TextNormaliser } from './TextNormaliser';

/** The knowledge-base answer given at once to anyone at risk now. */
export const URGENT_TOPIC_ID = 'urgent-help';

export type AnswerOutcome = MatchOutcome | 'urgent';

export interface ScoredAnswer {
  answer: Answer;
  score: number;
}

export interface AnswerResponse {
  query: string;
  outcome: AnswerOutcome;
  confidence: number;
  results: ScoredAnswer[];
}

/**
 * One question in, one decision out: urgent help first, then the matcher's answer,
 * clarify or none, with each answer in its area's version where there is one.
 * The bot, the HTTP API and the command line all ask through this.
 */
export class AnswerService {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly matcher: AnswerMatcher,
    private readonly urgent: UrgentDetector,
  ) {}

  isUrgent(text: string): boolean {
    return this.urgent.isUrgent(text);
  }

  /** The urgent-help answer (the same in every area: national numbers). */
  urgentAnswer(): Answer {
    const a = this.kb.get(URGENT_TOPIC_ID);
    if (!a) throw new Error(`the knowledge base has no "${URGENT_TOPIC_ID}" answer`);
    return a;
  }

  ask(query: string, area?: string): AnswerResponse {
    if (this.urgent.isUrgent(query)) {
      return { query, outcome: 'urgent', confidence: 1, results: [{ answer: this.urgentAnswer(), score: 1 }] };
    }
    const m = this.matcher.match(TextNormaliser.boundQuestion(query));
    return {
      query,
      outcome: m.outcome,
      confidence: m.confidence,
      results: m.candidates.map((c) => ({ answer: this.kb.forArea(c.answer.id, area) ?? c.answer, score: c.score })),
    };
  }

  /** An answer by id, in the area's version where there is one. */
  byId(id: string, area?: string): Answer | undefined {
    return this.kb.forArea(id, area);
  }

  title(id: string): string {
    return this.kb.get(id)?.title ?? id;
  }

  sourceLabel(file: string): string {
    return this.kb.sourceLabel(file);
  }
}
