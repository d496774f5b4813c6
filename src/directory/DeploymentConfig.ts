import fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { telLink } from './ContactDetails';

/**
 * One SENDIASS running this bot: its default area and its own verified contact details, which
 * win over the shipped directory for that area. A JSON file (DEPLOYMENT_CONFIG; see
 * deployment.example.json), validated when the server starts.
 */
export interface DeploymentService {
  name?: string;
  phone?: string;
  email?: string;
  website?: string;
  openingHours?: string;
  outOfHoursMessage?: string;
}

export interface DeploymentConfig {
  /** The deployment's area: a local authority's name as in local-authorities.csv ("Trafford"). */
  area: string;
  service: DeploymentService;
}

/** A deployment file that cannot be used; the message names the field. */
export class DeploymentConfigError extends Error {}

export const DEPLOYMENT_SCHEMA = {
  $id: 'deployment.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['area', 'service'],
  properties: {
    $comment: { type: 'string' },
    area: { type: 'string', minLength: 2, maxLength: 100 },
    service: {
      type: 'object',
      additionalProperties: false,
      anyOf: [{ required: ['phone'] }, { required: ['email'] }, { required: ['website'] }],
      properties: {
        name: { type: 'string', minLength: 3, maxLength: 200 },
        phone: { type: 'string', pattern: '^(\\+44 ?|0)[0-9 ]{9,13}$' },
        email: { type: 'string', format: 'email', maxLength: 254 },
        website: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 500 },
        openingHours: { type: 'string', minLength: 3, maxLength: 300 },
        outOfHoursMessage: { type: 'string', minLength: 3, maxLength: 600 },
      },
    },
  },
} as const;

const HINTS: Record<string, string> = {
  'service.phone': 'must be a UK phone number: 11 digits starting with 0, or starting with +44',
  'service.email': 'must be an email address',
  'service.website': 'must be a web address starting with https:// or http://',
  service: 'must give at least one of phone, email or website',
};

const ajv = new Ajv({ allErrors: false });
addFormats(ajv);
const validate = ajv.compile<DeploymentConfig>(DEPLOYMENT_SCHEMA);

/**
 * Validates a parsed deployment file; throws DeploymentConfigError naming the first bad field.
 * `areaExists` says whether a name is an area in the directory.
 */
export function parseDeploymentConfig(data: unknown, areaExists: (name: string) => boolean): DeploymentConfig {
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // An anyOf failure lists each branch's "required" first: report the anyOf itself.
    const e = errors.find((x) => x.keyword === 'anyOf') ?? errors[0];
    const missing = (e?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (e?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const base = e?.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
    if (missing && e?.keyword === 'required') throw new DeploymentConfigError(`${base ? `${base}.` : ''}${missing} is required`);
    if (extra) throw new DeploymentConfigError(`${base ? `${base}.` : ''}${extra} is not a setting this file takes`);
    const field = base || '(file)';
    throw new DeploymentConfigError(`${field} ${HINTS[field] ?? e?.message ?? 'is not valid'}`);
  }
  if (!areaExists(data.area)) throw new DeploymentConfigError(`area "${data.area}" is not a local authority in knowledge/areas (use the name as in local-authorities.csv)`);
  if (data.service.phone !== undefined && telLink(data.service.phone) === undefined) throw new DeploymentConfigError(`service.phone ${HINTS['service.phone']}`);
  return data;
}

/** Reads and validates a deployment file; throws DeploymentConfigError naming the field at fault. */
export function loadDeploymentConfig(file: string, areaExists: (name: string) => boolean): DeploymentConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new DeploymentConfigError('cannot be read (does the file exist?)');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DeploymentConfigError(`is not valid JSON: ${(err as Error).message}`);
  }
  return parseDeploymentConfig(data, areaExists);
}
