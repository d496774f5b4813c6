import fs from 'node:fs';
import path from 'node:path';
import type { Answer, KnowledgeProblem } from './Answer';

/** Ranks answers for a question: the matcher's public `rank`, awaited (it becomes async with the embedding stage). */
export interface PhrasingRanker {
  rank(question: string): Array<{ answer: { id: string; variantOf?: string }; score: number }> | Promise<Array<{ answer: { id: string; variantOf?: string }; score: number }>>;
}

/** A phrasing that the matcher now ranks under another answer first. */
export interface PhrasingConflict {
  file: string;
  answerId: string;
  phrasing: string;
  /** The answer it matches better, and both scores. */
  matches: string;
  score: number;
  ownScore: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The content owner's checks beside kb:check's rules: warnings (never failures) about answers past
 * their `reviewBy` date and about phrasings that now match another answer better than their own
 * (a conflict report), and the one failure for drafts imported without a cited source.
 */
export class ContentReview {
  /** Answers whose `reviewBy` date is before `today` (YYYY-MM-DD, UTC). */
  static overdue(answers: readonly Answer[], today: Date): KnowledgeProblem[] {
    const day = today.toISOString().slice(0, 10);
    return answers
      .filter((a) => a.reviewBy && a.reviewBy < day)
      .map((a) => ({ file: a.file, field: 'reviewBy', message: `was due for review on ${a.reviewBy}: check it against its sources, then set a new reviewBy date` }));
  }

  /** For every phrasing of every answer, whether the matcher puts another answer first. Variants are judged by the answer they replace. */
  static async conflicts(answers: readonly Answer[], ranker: PhrasingRanker): Promise<PhrasingConflict[]> {
    const out: PhrasingConflict[] = [];
    for (const a of answers) {
      const own = a.variantOf ?? a.id;
      for (const q of a.questions) {
        const ranked = await ranker.rank(q);
        const top = ranked[0];
        if (!top) continue;
        const topId = top.answer.variantOf ?? top.answer.id;
        if (topId === own) continue;
        const ownScore = ranked.find((r) => (r.answer.variantOf ?? r.answer.id) === own)?.score ?? 0;
        if (top.score > ownScore) out.push({ file: a.file, answerId: own, phrasing: q, matches: topId, score: top.score, ownScore });
      }
    }
    return out;
  }

  static conflictProblems(conflicts: readonly PhrasingConflict[]): KnowledgeProblem[] {
    return conflicts.map((c) => ({
      file: c.file,
      field: 'questions',
      message: `"${c.phrasing}" now matches ${c.matches} (${c.score.toFixed(2)}) better than ${c.answerId} (${c.ownScore.toFixed(2)})`,
    }));
  }

  /** Files marked `draft: true` by kb:import: a failure until they cite a source and lose the mark. */
  static drafts(knowledgeDir: string): KnowledgeProblem[] {
    const dir = path.join(knowledgeDir, 'answers');
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort()
      .filter((n) => /^draft:\s*true\s*$/m.test(FRONT_MATTER.exec(fs.readFileSync(path.join(dir, n), 'utf8'))?.[1] ?? ''))
      .map((n) => ({ file: `answers/${n}`, field: 'draft', message: 'is a draft imported without a cited source: add sources (file, section and a quote from that file), then remove "draft: true"' }));
  }
}
