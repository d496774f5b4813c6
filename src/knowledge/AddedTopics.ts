import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from './Answer';
import { schemaField } from './schemaProblems';

/** A topic this repository requires beyond the shared kb-topics.md (which it cannot edit). */
export interface AddedTopic {
  id: string;
  asking: string;
  sources: string[];
}

const FILE = 'topics.yaml';

/** The ids in `knowledge/topics.yaml`, each of which must have a base answer, as kb-topics.md's do. */
export function readAddedTopics(knowledgeDir: string): { ids: string[]; problems: KnowledgeProblem[] } {
  const p = path.join(knowledgeDir, FILE);
  if (!fs.existsSync(p)) return { ids: [], problems: [{ file: FILE, field: '(file)', message: 'not found' }] };
  const schema = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'schema/topics.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(p, 'utf8'));
  } catch (err) {
    return { ids: [], problems: [{ file: FILE, field: '(file)', message: (err as Error).message }] };
  }
  if (!validate(data)) {
    return { ids: [], problems: (validate.errors ?? []).map((e) => ({ file: FILE, field: schemaField(e), message: e.message ?? 'is not valid' })) };
  }
  return { ids: (data as { topics: AddedTopic[] }).topics.map((t) => t.id), problems: [] };
}
