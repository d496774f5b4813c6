import type { Answer } from '../knowledge/Answer';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { AnswerMatcher, MatchOutcome } from './AnswerMatcher';
import type { SafetyAssessment, SafetyCheck } from '../safety/SafetyAssessment';
import { URGENT_HELP_TOPIC, urgentTopicFor } from '../safety/SafetyAssessment';
import { TextNormaliser } from './TextNormaliser';

/** The knowledge-base answer given at once to anyone at risk now. */
export const URGENT_TOPIC_ID = URGENT_HELP_TOPIC;

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
  /** What the safety check found. `support`: show the crisis contacts with whatever is answered. */
  safety: SafetyAssessment;
}

/**
 * One question in, one decision out: the safety check first (urgent help at once; for support,
 * the answer with the crisis contacts alongside), then the matcher's answer, clarify or none,
 * with each answer in its area's version where there is one. The bot, the HTTP API and the
 * command line all ask through this.
 */
export class AnswerService {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly matcher: AnswerMatcher,
    private readonly safety: SafetyCheck,
  ) {}

  /** The safety check alone: it runs first on every message, in every dialog state. */
  assess(text: string): Promise<SafetyAssessment> {
    return this.safety.assess(text);
  }

  /** The urgent answer for what was found (the same in every area: national numbers). */
  urgentAnswer(found?: Pick<SafetyAssessment, 'kind' | 'selfDisclosure'>): Answer {
    const id = urgentTopicFor(found ?? {});
    const a = this.kb.get(id) ?? this.kb.get(URGENT_TOPIC_ID);
    if (!a) throw new Error(`the knowledge base has no "${URGENT_TOPIC_ID}" answer`);
    return a;
  }

  /**
   * Starts reading a message the matcher will probably be asked about (a question at the root),
   * while the safety check reads it: the sentence model then embeds what both need together.
   * Decides nothing; the safety check still decides first, and nothing here can stop it: a
   * failure only means the match reads the message itself later.
   */
  prepare(query: string): void {
    try {
      this.matcher.prepare(TextNormaliser.boundQuestion(query));
    } catch {
      // (the match reads the message afresh, and fails or not on its own)
    }
  }

  /** `known`: the safety finding for this same text when the caller already has it (the bot, once a turn). */
  async ask(query: string, area?: string, known?: SafetyAssessment): Promise<AnswerResponse> {
    if (!known) this.prepare(query);
    const safety = known ?? (await this.safety.assess(query));
    if (safety.outcome === 'urgent') {
      return { query, outcome: 'urgent', confidence: 1, results: [{ answer: this.urgentAnswer(safety), score: 1 }], safety };
    }
    const m = await this.matcher.match(TextNormaliser.boundQuestion(query));
    return {
      query,
      outcome: m.outcome,
      confidence: m.confidence,
      results: m.candidates.map((c) => ({ answer: this.kb.forArea(c.answer.id, area) ?? c.answer, score: c.score })),
      safety,
    };
  }

  /** An answer by id, in the area's version where there is one. */
  /** "semantic" when sentence vectors take part in matching, "lexical-only" when the model could not load. */
  get matching(): 'semantic' | 'lexical-only' {
    return this.matcher.mode;
  }

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
