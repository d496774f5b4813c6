/** A JSON object (not null, not an array): what a request body or a nested field must be before its fields are read. */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
