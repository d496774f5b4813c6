/**
 * npm run kb:check — validates the whole knowledge base: every file against its schema,
 * unique ids, follow-ups that exist, quotes that really appear in their source, every
 * required topic present, no contact detail the sources do not give; the same for the guides'
 * wording (knowledge/guides). Exits 1 naming the file and field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { KnowledgeLoader } from '../knowledge/KnowledgeLoader';
import { KnowledgeChecker, readRequiredTopics, SourceTexts } from '../knowledge/KnowledgeChecker';
import { formatProblem } from '../knowledge/Answer';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../knowledge/paths';
import { AreaLoader } from '../directory/AreaLoader';
import { AreaChecker } from '../directory/AreaChecker';
import { GuideLoader } from '../knowledge/GuideLoader';
import { GuideChecker } from '../knowledge/GuideChecker';
import { ContentReview } from '../knowledge/ContentReview';
import { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { AnswerMatcher, FITTED_POLICY } from '../matching/AnswerMatcher';
import { MAX_ANSWER_GRADE, MAX_MEDIAN_GRADE, readabilityFigures } from '../knowledge/Readability';
import { readAddedTopics } from '../knowledge/AddedTopics';
import { loadSafetyExemplars } from '../safety/SafetyExemplars';
import { checkSafetyExemplars } from '../safety/SafetyExemplarChecker';

export function runKbCheck(knowledgeDir = DEFAULT_KNOWLEDGE_DIR, sharedDir = SHARED_DIR): string[] {
  const sourcesDir = process.env.KB_SOURCES_DIR ? path.resolve(process.env.KB_SOURCES_DIR) : path.join(sharedDir, 'sources');
  const dataDir = path.join(sharedDir, 'data');
  for (const need of [sourcesDir, path.join(sharedDir, 'kb-topics.md'), path.join(dataDir, 'local-authorities.csv')]) {
    if (!fs.existsSync(need)) return [`${need}: not found (kb:check needs the shared folder beside the clone, or SHARED_DIR)`];
  }
  const { answers, sources, problems } = new KnowledgeLoader(knowledgeDir).load();
  const localAuthoritiesCsv = fs.readFileSync(path.join(dataDir, 'local-authorities.csv'), 'utf8');
  const referenceText = fs.readFileSync(path.join(dataDir, 'ias-services.csv'), 'utf8');
  // What answers and guides are both checked against, read once.
  const grounding = {
    sources: new SourceTexts(sourcesDir),
    areaNames: (parse(localAuthoritiesCsv, { columns: true }) as Array<{ local_authority: string }>).map((r) => r.local_authority),
    referenceText,
    sourceAreas: Object.fromEntries(Object.entries(sources).map(([file, info]) => [file, info.area])),
  };
  // The shared topic list, plus the topics this repository adds to it (knowledge/topics.yaml).
  const added = readAddedTopics(knowledgeDir);
  problems.push(...added.problems);
  const requiredTopics = [...new Set([...readRequiredTopics(path.join(sharedDir, 'kb-topics.md')), ...added.ids])];
  problems.push(...new KnowledgeChecker({ ...grounding, answers, requiredTopics }).check());
  problems.push(
    ...new AreaChecker(new AreaLoader(knowledgeDir).load(), {
      localAuthoritiesCsv,
      iasServicesCsv: referenceText,
      shortNamesYaml: fs.readFileSync(path.join(knowledgeDir, 'areas-shortnames.yaml'), 'utf8'),
    }).check(),
  );
  const guides = new GuideLoader(knowledgeDir).load();
  problems.push(...guides.problems, ...new GuideChecker({ ...grounding, guides: guides.guides, listedSources: Object.keys(sources) }).check());
  problems.push(...ContentReview.drafts(knowledgeDir));
  // The safety check's exemplars: schema, no duplicates, no line near an evaluation set's, model fitted on them.
  const safety = loadSafetyExemplars(knowledgeDir);
  problems.push(...safety.problems, ...checkSafetyExemplars(safety.exemplars, knowledgeDir, path.join(sharedDir, 'eval')));
  return problems.map(formatProblem);
}

/** Warnings, never failures: answers past their reviewBy date, and phrasings that match another answer better (through the matcher's public API). */
export async function kbWarnings(knowledgeDir = DEFAULT_KNOWLEDGE_DIR, today = new Date()): Promise<string[]> {
  const loaded = new KnowledgeLoader(knowledgeDir).load();
  const kb = new KnowledgeBase(loaded.answers, loaded.rewrites, loaded.sources, loaded.outOfScope);
  // The lexical stage without its echo feature: each phrasing is in the index itself (as a vector
  // it would always find itself first, and it always echoes itself), so a conflict shows in the
  // words it shares with other answers.
  const noEcho = { ...FITTED_POLICY.lexical, fusion: { ...FITTED_POLICY.lexical.fusion, echoWeight: 0 } };
  const conflicts = await ContentReview.conflicts(loaded.answers, new AnswerMatcher(kb, undefined, { ...FITTED_POLICY, lexical: noEcho }));
  return [...ContentReview.overdue(loaded.answers, today), ...ContentReview.conflictProblems(conflicts)].map(formatProblem);
}

/** The reading-grade figures kb:check prints, one line each. */
export function readabilityReport(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): string[] {
  const f = readabilityFigures(new KnowledgeLoader(knowledgeDir).load().answers);
  return [
    `readability (Flesch-Kincaid grade, ${f.answers} answers): median ${f.median} (at most ${MAX_MEDIAN_GRADE}), highest ${f.max} (at most ${MAX_ANSWER_GRADE}), ${f.overLimit} above ${MAX_ANSWER_GRADE}`,
    `  hardest: ${f.hardest.map(([file, g]) => `${path.basename(file, '.md')} ${g}`).join(', ')}`,
  ];
}

if (require.main === module) {
  for (const line of readabilityReport()) console.log(line);
  const problems = runKbCheck();
  if (problems.length > 0) {
    console.error(`kb:check found ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('kb:check: the knowledge base is valid.');
  void kbWarnings().then((warnings) => {
    if (warnings.length) console.log(`kb:check: ${warnings.length} warning(s) (not failures):\n${warnings.map((w) => `  warning: ${w}`).join('\n')}`);
  });
}
