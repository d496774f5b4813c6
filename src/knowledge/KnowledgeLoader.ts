import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { Answer, KnowledgeProblem, OutOfScopeTopic } from './Answer';
import { schemaField } from './schemaProblems';

/** How a source document is named to a reader. */
export interface SourceInfo {
  publisher: string;
  title: string;
  /** The local authority a local document belongs to; none for a national source. */
  area?: string;
}

export interface LoadedKnowledge {
  answers: Answer[];
  rewrites: Record<string, string>;
  sources: Record<string, SourceInfo>;
  outOfScope: OutOfScopeTopic[];
  problems: KnowledgeProblem[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function schemaErrors(file: string, errors: ErrorObject[] | null | undefined): KnowledgeProblem[] {
  return (errors ?? []).map((e) => ({
    file,
    field: schemaField(e),
    message: (e.message ?? 'is not valid') + ((e.params as { propertyName?: string }).propertyName ? ` ("${(e.params as { propertyName: string }).propertyName}")` : ''),
  }));
}

/**
 * Reads the knowledge folder: the answer files and the synonyms file, each validated
 * against its JSON Schema. Plain TypeScript: no Bot Framework here.
 */
export class KnowledgeLoader {
  private readonly validateAnswer: ValidateFunction;
  private readonly validateSynonyms: ValidateFunction;
  private readonly validateSources: ValidateFunction;
  private readonly validateOutOfScope: ValidateFunction;

  constructor(private readonly knowledgeDir: string) {
    const ajv = new Ajv({ allErrors: true });
    this.validateAnswer = ajv.compile(this.readJson('schema/answer.schema.json'));
    this.validateSynonyms = ajv.compile(this.readJson('schema/synonyms.schema.json'));
    this.validateSources = ajv.compile(this.readJson('schema/sources.schema.json'));
    this.validateOutOfScope = ajv.compile(this.readJson('schema/out-of-scope.schema.json'));
  }

  load(): LoadedKnowledge {
    const problems: KnowledgeProblem[] = [];
    const answers = this.loadAnswers(problems);
    const rewrites = this.loadYaml<{ rewrites: Record<string, string> }>('synonyms.yaml', this.validateSynonyms, problems)?.rewrites ?? {};
    const sources = this.loadYaml<{ sources: Record<string, SourceInfo> }>('sources.yaml', this.validateSources, problems)?.sources ?? {};
    for (const a of answers) {
      a.sources.forEach((s, i) => {
        if (!sources[s.file]) problems.push({ file: a.file, field: `sources[${i}].file`, message: `"${s.file}" is not listed in sources.yaml` });
      });
    }
    const outOfScope = this.loadYaml<{ topics: OutOfScopeTopic[] }>('out-of-scope.yaml', this.validateOutOfScope, problems)?.topics ?? [];
    return { answers, rewrites, sources, outOfScope, problems };
  }

  private readJson(rel: string): object {
    return JSON.parse(fs.readFileSync(path.join(this.knowledgeDir, rel), 'utf8')) as object;
  }

  private loadAnswers(problems: KnowledgeProblem[]): Answer[] {
    const dir = path.join(this.knowledgeDir, 'answers');
    const answers: Answer[] = [];
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
      const file = `answers/${name}`;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const m = FRONT_MATTER.exec(text);
      if (!m) {
        problems.push({ file, field: '(file)', message: 'has no front matter between --- lines' });
        continue;
      }
      let meta: unknown;
      try {
        meta = parseYaml(m[1]);
      } catch (err) {
        problems.push({ file, field: '(front matter)', message: `is not valid YAML: ${(err as Error).message}` });
        continue;
      }
      if (!this.validateAnswer(meta)) {
        problems.push(...schemaErrors(file, this.validateAnswer.errors));
        continue;
      }
      const answer = { ...(meta as Omit<Answer, 'body' | 'file'>), body: m[2].trim(), file };
      if (answer.id !== name.slice(0, -3)) {
        problems.push({ file, field: 'id', message: `"${answer.id}" does not match the file name` });
      }
      if (!answer.body) problems.push({ file, field: 'body', message: 'the answer text is empty' });
      answers.push(answer);
    }
    return answers;
  }

  private loadYaml<T>(file: string, validate: ValidateFunction, problems: KnowledgeProblem[]): T | undefined {
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(path.join(this.knowledgeDir, file), 'utf8'));
    } catch (err) {
      problems.push({ file, field: '(file)', message: (err as Error).message });
      return undefined;
    }
    if (!validate(data)) {
      problems.push(...schemaErrors(file, validate.errors));
      return undefined;
    }
    return data as T;
  }
}
