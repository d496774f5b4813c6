import { topicId } from '../knowledge/Answer';
import type { AnswerResponse, AnswerService } from './AnswerService';
import { contactsFor } from '../safety/crisisContacts';
import { SAFETY_LINE } from '../safety/SafetyAssessment';

/** The JSON shape of an answer decision, shared by GET /api/answers and `npm run ask -- --json`. */
export function answerJson(response: AnswerResponse, answers: AnswerService) {
  const { safety } = response;
  return {
    query: response.query,
    outcome: response.outcome,
    confidence: Number(response.confidence.toFixed(3)),
    results: response.results.map(({ answer, score }) => ({
      id: topicId(answer),
      title: answer.title,
      answer: answer.body,
      score: Number(score.toFixed(3)),
      ...(answer.area ? { area: answer.area } : {}),
      sources: answer.sources.map((s) => ({ file: s.file, label: answers.sourceLabel(s.file), section: s.section, quote: s.quote })),
      followUps: answer.followUps,
    })),
    // The safety check's finding; with `support`, show `contacts` beside the answer.
    safety: { outcome: safety.outcome, ...(safety.kind ? { kind: safety.kind } : {}) },
    ...(safety.outcome === 'support' ? { contacts: contactsFor(safety.kind).map((c) => c.text) } : {}),
    ...(response.outcome === 'none' && safety.outcome !== 'support' ? { safetyLine: SAFETY_LINE } : {}),
  };
}
