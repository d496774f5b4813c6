import type { ErrorObject } from 'ajv';
import type { KnowledgeProblem } from './Answer';

/** The field a JSON Schema error is about, as kb:check names it: "blocks.no-promise.text", a missing property, or "(file)". */
export function schemaField(e: ErrorObject): string {
  return e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : ((e.params as { missingProperty?: string }).missingProperty ?? '(file)');
}

/** Each JSON Schema error of `file` as a problem naming the file and field at fault. */
export function schemaProblems(file: string, errors: ErrorObject[] | null | undefined): KnowledgeProblem[] {
  return (errors ?? []).map((e) => ({ file, field: schemaField(e), message: e.message ?? 'is not valid' }));
}
