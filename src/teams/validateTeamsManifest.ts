import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The local copy of the JSON schema a manifest's "$schema" names. The schemas come from the npm
 * package @microsoft/app-manifest (build/json-schemas/teams/vX.Y/), Microsoft's own copies of
 * https://developer.microsoft.com/en-us/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json.
 */
export function localSchemaFile(schemaUrl: string): string {
  const match = /\/json-schemas\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!match) throw new Error(`"${schemaUrl}" is not a Teams manifest schema address`);
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(pkg, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) throw new Error(`@microsoft/app-manifest has no Teams schema ${match[1]}`);
  return file;
}

/**
 * The schema as JSON. The published Teams schemas hold regular expressions with "\a" and "\v"
 * escapes that JSON does not allow; they are rewritten as @microsoft/app-manifest itself does.
 */
export function readManifestSchema(schemaUrl: string): Record<string, unknown> {
  const raw = fs.readFileSync(localSchemaFile(schemaUrl), 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

/**
 * Checks a manifest against the schema its "$schema" declares (draft-04, as the Teams schemas
 * are, with the formats they use). Returns the problems, one line each; none when it is valid.
 */
export function validateTeamsManifest(manifest: Record<string, unknown>): string[] {
  if (typeof manifest.$schema !== 'string') return ['the manifest has no "$schema"'];
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(readManifestSchema(manifest.$schema));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(top)'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
}
