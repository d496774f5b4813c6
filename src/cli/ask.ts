/**
 * npm run ask -- "question"            the answer, for a terminal
 * npm run ask -- --json "question"     the same JSON as GET /api/answers
 * npm run ask -- --format email "…"    plain text with its source, to paste into an email
 * npm run ask -- --area Trafford "…"   an area's own version where there is one
 */
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerMatcher } from '../matching/AnswerMatcher';
import { AnswerService } from '../matching/AnswerService';
import { UrgentDetector } from '../matching/UrgentDetector';
import { answerJson } from '../matching/answerJson';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths';
import { formatAnswerText } from '../matching/formatAnswerText';

export function runAsk(argv: string[], knowledgeDir = DEFAULT_KNOWLEDGE_DIR): { code: number; out: string } {
  const args = [...argv];
  let json = false;
  let format = 'text';
  let area: string | undefined;
  const words: string[] = [];
  while (args.length) {
    const a = args.shift() as string;
    if (a === '--json') json = true;
    else if (a === '--format') format = args.shift() ?? '';
    else if (a === '--area') area = args.shift();
    else words.push(a);
  }
  const q = words.join(' ').trim();
  if (!q) return { code: 2, out: 'Usage: npm run ask -- [--json] [--format text|email] [--area NAME] "your question"' };
  if (!['text', 'email'].includes(format)) return { code: 2, out: `--format must be text or email (it is "${format}")` };
  const kb = KnowledgeBase.fromFolder(knowledgeDir);
  const service = new AnswerService(kb, new AnswerMatcher(kb), new UrgentDetector());
  const response = service.ask(q, area);
  if (json) return { code: 0, out: JSON.stringify(answerJson(response, service), null, 2) };
  const [first] = response.results;
  switch (response.outcome) {
    case 'urgent':
    case 'answer':
      return { code: 0, out: formatAnswerText(first.answer, (f) => service.sourceLabel(f), format === 'email') };
    case 'clarify':
      return { code: 0, out: `Did you mean:\n${response.results.map((r, i) => `  ${i + 1}. ${r.answer.title}`).join('\n')}\n  or none of these?` };
    case 'none':
      return {
        code: 0,
        out: "I don't have a checked answer to that. Your local SEND information, advice and support service (SENDIASS) can help: it is free, confidential and impartial.",
      };
  }
}

if (require.main === module) {
  const { code, out } = runAsk(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(out);
  process.exit(code);
}
