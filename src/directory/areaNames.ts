/** Name handling shared by the area builder, the checker and the directory. Plain TypeScript. */

/** The slug of an area's name: "St. Helens" → "st-helens" (the same slug as answer variants use). */
export function areaSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file that holds an area in knowledge/areas: "St. Helens" → "st-helens.yaml". */
export function areaFileName(name: string): string {
  return `${areaSlug(name)}.yaml`;
}

/**
 * Text as the directory compares it: lower case, "&" as "and", "St." as "st", punctuation
 * and hyphens as spaces, single spaces. "Stoke-on-Trent" and "stoke on trent" read the same.
 */
export function normaliseAreaText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’‘`]/g, "'")
    .replace(/\bsaint\b/g, 'st')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Collapses runs of white space ("North Somerset  Council" in the data has two). */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const OFFICIAL_PREFIXES = [/^London Borough of /i, /^Royal Borough of /i, /^City of /i, /^Council of the /i];
const OFFICIAL_SUFFIXES = [
  / Metropolitan Borough Council$/i,
  / Metropolitan District Council$/i,
  / Borough Council$/i,
  / City Council$/i,
  / County Council$/i,
  / Council$/i,
  / Corporation$/i,
];

/**
 * The forms of a council's names that people type without thinking of them as short names:
 * the official name less "London Borough of", "City Council" and the like ("Hull City Council"
 * → "Hull", "Durham County Council" → "Durham"), and the name less "City of" ("City of Bristol"
 * → "Bristol"). The name and official name themselves are not included.
 */
export function derivedShortNames(name: string, officialName: string): string[] {
  const out: string[] = [];
  const strip = (text: string): string => {
    let t = squashSpaces(text);
    for (const p of OFFICIAL_PREFIXES) t = t.replace(p, '');
    for (const s of OFFICIAL_SUFFIXES) {
      if (s.test(t)) {
        t = t.replace(s, '');
        break;
      }
    }
    return t.trim();
  };
  for (const form of [strip(officialName), strip(name)]) {
    if (form) out.push(form);
  }
  const own = new Set([normaliseAreaText(name), normaliseAreaText(officialName)]);
  const seen = new Set<string>();
  return out.filter((f) => {
    const n = normaliseAreaText(f);
    if (own.has(n) || seen.has(n)) return false;
    seen.add(n);
    return true;
  });
}
