import type restify from 'restify';
import type { AnswerService } from '../matching/AnswerService';
import { sendError } from './httpErrors';
import { answerJson } from '../matching/answerJson';

export const MAX_QUERY_LENGTH = 1000;
const MAX_AREA_LENGTH = 100;

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

/**
 * GET /api/answers?q=…&area=… — the knowledge base as JSON, for a website's FAQ search and
 * for officers: `{ query, outcome, results: [{ id, title, answer, score, sources, followUps }] }`.
 */
export function registerAnswerRoutes(server: restify.Server, answers: AnswerService): void {
  server.get('/api/answers', async (req: restify.Request, res: restify.Response) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    if (Array.isArray(query.q)) return sendError(res, 400, 'BadQuery', 'Give the question once, as q.');
    const q = firstString(query.q)?.trim();
    if (!q) return sendError(res, 400, 'MissingQuery', 'Give a question as the q parameter, for example /api/answers?q=what+is+sen+support');
    if (q.length > MAX_QUERY_LENGTH) return sendError(res, 400, 'QueryTooLong', `The question is too long: at most ${MAX_QUERY_LENGTH} characters.`);
    const area = firstString(query.area)?.trim() || undefined;
    if (area && area.length > MAX_AREA_LENGTH) return sendError(res, 400, 'AreaTooLong', `The area is too long: at most ${MAX_AREA_LENGTH} characters.`);

    res.json(answerJson(await answers.ask(q, area), answers));
  });
}
