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
  };
  problems.push(...new KnowledgeChecker({ ...grounding, answers, requiredTopics: readRequiredTopics(path.join(sharedDir, 'kb-topics.md')) }).check());
  problems.push(
    ...new AreaChecker(new AreaLoader(knowledgeDir).load(), {
      localAuthoritiesCsv,
      iasServicesCsv: referenceText,
      shortNamesYaml: fs.readFileSync(path.join(knowledgeDir, 'areas-shortnames.yaml'), 'utf8'),
    }).check(),
  );
  const guides = new GuideLoader(knowledgeDir).load();
  problems.push(...guides.problems, ...new GuideChecker({ ...grounding, guides: guides.guides, listedSources: Object.keys(sources) }).check());
  // The safety check's exemplars: schema, no duplicates, no line near an evaluation set's, model fitted on them.
  const safety = loadSafetyExemplars(knowledgeDir);
  problems.push(...safety.problems, ...checkSafetyExemplars(safety.exemplars, knowledgeDir, path.join(sharedDir, 'eval')));
  return problems.map(formatProblem);
}

if (require.main === module) {
  const problems = runKbCheck();
  if (problems.length > 0) {
    console.error(`kb:check found ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('kb:check: the knowledge base is valid.');
}
