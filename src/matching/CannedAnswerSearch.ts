import type { Answer } from '../knowledge/Answer';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { AnswerMatcher } from './AnswerMatcher';
import type { TopicUsage } from './TopicUsage';

/** Fewer characters than this is "too short": the most-used topics are listed instead. */
export const MIN_SEARCH_LENGTH = 3;
export const MAX_SEARCH_RESULTS = 10;
/** Answers scoring below this share of the best are not listed. */
const MIN_SHARE_OF_BEST = 0.25;

export interface CannedAnswerHit {
  answer: Answer;
  /** A line to preview the answer in a list. */
  preview: string;
}

/** The first sentence (or so) of an answer, as plain text, for a list. */
export function previewLine(answer: Answer, max = 120): string {
  const plain = answer.body.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[(.+?)\]\(.+?\)/g, '$1').replace(/\s+/g, ' ').replace(/^[-*]\s+/, '').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Searching the answers for a few words, as officers do from the Teams compose box: the
 * matcher's ranking (typo-tolerant, jargon understood), or the most-used topics when the
 * search is empty or too short. Plain TypeScript: no Bot Framework here.
 */
export class CannedAnswerSearch {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly matcher: AnswerMatcher,
    private readonly usage: TopicUsage,
  ) {}

  async search(query: string | undefined, area?: string, limit = MAX_SEARCH_RESULTS): Promise<CannedAnswerHit[]> {
    const q = (query ?? '').trim();
    let answers: Answer[];
    if (q.length < MIN_SEARCH_LENGTH) {
      answers = (await this.usage.top(limit)).map((id) => this.kb.get(id)).filter((a): a is Answer => !!a);
    } else {
      const ranked = await this.matcher.rank(q);
      const best = ranked[0]?.score ?? 0;
      answers = ranked.filter((r) => r.score >= best * MIN_SHARE_OF_BEST).slice(0, limit).map((r) => r.answer);
    }
    return answers.map((a) => {
      const shown = this.kb.forArea(a.id, area) ?? a;
      return { answer: shown, preview: previewLine(shown) };
    });
  }
}
