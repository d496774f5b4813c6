/**
 * npm run ask -- "question"            the answer, for a terminal
 * npm run ask -- --json "question"     the same JSON as GET /api/answers
 * npm run ask -- --format email "…"    plain text with its source, to paste into an email
 * npm run ask -- --area Trafford "…"   an area's own version where there is one
 */
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { createMatcher } from '../matching/createMatcher';
import { AnswerService } from '../matching/AnswerService';
import { createSafetyCheck } from '../safety/loadSharedEmbedder';
import { SAFETY_LINE } from '../safety/SafetyAssessment';
import { contactsFor } from '../safety/crisisContacts';
import { answerJson } from '../matching/answerJson';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths';
import { formatAnswerText } from '../matching/formatAnswerText';

export async function runAsk(argv: string[], knowledgeDir = DEFAULT_KNOWLEDGE_DIR): Promise<{ code: number; out: string }> {
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
  const { matcher } = await createMatcher(kb, { semantic: process.env.MATCHING !== 'lexical', cacheDir: process.env.VECTOR_CACHE_DIR || undefined });
  const service = new AnswerService(kb, matcher, (await createSafetyCheck(knowledgeDir)).detector);
  const response = await service.ask(q, area);
  // Support: the answer as usual, with the crisis contacts after it.
  const contacts = response.safety.outcome === 'support' ? `\n\n${contactsFor(response.safety.kind).map((c) => `- ${c.text}`).join('\n')}` : '';
  if (json) return { code: 0, out: JSON.stringify(answerJson(response, service), null, 2) };
  const [first] = response.results;
  switch (response.outcome) {
    case 'urgent':
    case 'answer':
      return { code: 0, out: formatAnswerText(first.answer, (f) => service.sourceLabel(f), format === 'email') + contacts };
    case 'clarify':
      return { code: 0, out: `Did you mean:\n${response.results.map((r, i) => `  ${i + 1}. ${r.answer.title}`).join('\n')}\n  or none of these?${contacts}` };
    case 'none':
      return {
        code: 0,
        out: `I don't have a checked answer to that. Your local SEND information, advice and support service (SENDIASS) can help: it is free, confidential and impartial.${contacts || `\n${SAFETY_LINE}`}`,
      };
  }
}

if (require.main === module) {
  void runAsk(process.argv.slice(2)).then(({ code, out }) => {
    (code === 0 ? console.log : console.error)(out);
    process.exit(code);
  });
}
