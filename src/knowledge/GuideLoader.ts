import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from './Answer';
import { GUIDE_BLOCKS, isGuideId, type Guide } from './Guide';
import { schemaProblems } from './schemaProblems';

export interface LoadedGuides {
  guides: Guide[];
  problems: KnowledgeProblem[];
}

/**
 * Reads `knowledge/guides/*.yaml`: each file against `schema/guide.schema.json`, its id
 * against its file name and against the guides the assistant has, and its blocks against
 * the ones that guide needs (GUIDE_BLOCKS). Plain TypeScript: no Bot Framework here.
 */
export class GuideLoader {
  private readonly validate: ValidateFunction;

  constructor(private readonly knowledgeDir: string) {
    const schema = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'schema', 'guide.schema.json'), 'utf8')) as object;
    this.validate = new Ajv({ allErrors: true }).compile(schema);
  }

  load(): LoadedGuides {
    const dir = path.join(this.knowledgeDir, 'guides');
    const guides: Guide[] = [];
    const problems: KnowledgeProblem[] = [];
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
    for (const name of names) {
      const file = `guides/${name}`;
      const at = (field: string, message: string) => problems.push({ file, field, message });
      let data: unknown;
      try {
        data = parseYaml(fs.readFileSync(path.join(dir, name), 'utf8'));
      } catch (err) {
        at('(file)', `is not valid YAML: ${(err as Error).message}`);
        continue;
      }
      if (!this.validate(data)) {
        problems.push(...schemaProblems(file, this.validate.errors));
        continue;
      }
      const guide = { ...(data as Omit<Guide, 'file'>), file };
      const id = name.replace(/\.ya?ml$/, '');
      if (guide.id !== id) at('id', `"${guide.id}" does not match the file name`);
      if (!isGuideId(guide.id)) {
        at('id', `"${guide.id}" is not a guide the assistant has (${Object.keys(GUIDE_BLOCKS).join(', ')})`);
        continue;
      }
      const needed: readonly string[] = GUIDE_BLOCKS[guide.id];
      for (const key of needed) if (!guide.blocks[key]) at(`blocks.${key}`, 'is missing: the guide needs it');
      for (const key of Object.keys(guide.blocks)) if (!needed.includes(key)) at(`blocks.${key}`, `is not a block of the "${guide.id}" guide`);
      guides.push(guide);
    }
    for (const id of Object.keys(GUIDE_BLOCKS)) {
      if (!guides.some((g) => g.id === id)) problems.push({ file: `guides/${id}.yaml`, field: '(file)', message: `guide "${id}" has no wording file` });
    }
    return { guides, problems };
  }
}
