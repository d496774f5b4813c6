import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from '../knowledge/Answer';
import { schemaProblems } from '../knowledge/schemaProblems';
import type { Area } from './Area';

export interface LoadedAreas {
  areas: Area[];
  /** The text of each file, by file name relative to the knowledge folder ("areas/bury.yaml"). */
  texts: Map<string, string>;
  problems: KnowledgeProblem[];
}

/** Reads knowledge/areas/*.yaml, each validated against knowledge/schema/area.schema.json. */
export class AreaLoader {
  private readonly validate: ValidateFunction;

  constructor(private readonly knowledgeDir: string) {
    const schema = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'schema', 'area.schema.json'), 'utf8')) as object;
    this.validate = new Ajv({ allErrors: true }).compile(schema);
  }

  load(): LoadedAreas {
    const dir = path.join(this.knowledgeDir, 'areas');
    const areas: Area[] = [];
    const texts = new Map<string, string>();
    const problems: KnowledgeProblem[] = [];
    if (!fs.existsSync(dir)) {
      problems.push({ file: 'areas/', field: '(folder)', message: 'is missing: run npm run areas:build' });
      return { areas, texts, problems };
    }
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
      const file = `areas/${name}`;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      texts.set(file, text);
      let data: unknown;
      try {
        data = parseYaml(text);
      } catch (err) {
        problems.push({ file, field: '(file)', message: `is not valid YAML: ${(err as Error).message.split('\n')[0]}` });
        continue;
      }
      if (!this.validate(data)) {
        problems.push(...schemaProblems(file, this.validate.errors));
        continue;
      }
      areas.push(data as Area);
    }
    return { areas, texts, problems };
  }
}
