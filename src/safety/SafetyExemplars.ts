import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from '../knowledge/Answer';
import { schemaProblems } from '../knowledge/schemaProblems';
import type { SupportKind, UrgentKind } from './SafetyAssessment';

export type ExemplarLabel = 'urgent' | 'support' | 'negative';

/** One line of knowledge/safety/exemplars.yaml. */
export interface Exemplar {
  text: string;
  label: ExemplarLabel;
  /** The urgent or support kind, or the hard negative's family ("idiom", "behaviour"…). */
  kind: UrgentKind | SupportKind | string;
}

export const EXEMPLARS_FILE = 'safety/exemplars.yaml';

interface ExemplarFile {
  version: number;
  urgent: Record<string, string[]>;
  support: Record<string, string[]>;
  negative: Record<string, string[]>;
}

/**
 * Reads and checks the safety exemplars (content, like the answers): the YAML against its JSON
 * Schema, and no line given twice or under two labels. Returns the exemplars in file order.
 */
export function loadSafetyExemplars(knowledgeDir: string): { exemplars: Exemplar[]; problems: KnowledgeProblem[] } {
  const file = EXEMPLARS_FILE;
  const problems: KnowledgeProblem[] = [];
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(path.join(knowledgeDir, file), 'utf8'));
  } catch (err) {
    return { exemplars: [], problems: [{ file, field: '(file)', message: (err as Error).message }] };
  }
  const schema = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'schema', 'safety-exemplars.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  if (!validate(data)) return { exemplars: [], problems: schemaProblems(file, validate.errors) };
  const f = data as ExemplarFile;
  const exemplars: Exemplar[] = [];
  const seen = new Map<string, string>();
  for (const label of ['urgent', 'support', 'negative'] as const) {
    for (const [kind, lines] of Object.entries(f[label])) {
      lines.forEach((text, i) => {
        const key = text.trim().toLowerCase();
        const where = `${label}.${kind}.${i}`;
        const before = seen.get(key);
        if (before) problems.push({ file, field: where, message: `"${text}" is already given at ${before}` });
        seen.set(key, where);
        exemplars.push({ text: text.trim(), label, kind });
      });
    }
  }
  return { exemplars, problems };
}
