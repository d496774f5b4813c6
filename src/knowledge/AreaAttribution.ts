import type { SourceRef } from './Answer';

const ATTRIBUTION_AFTER = String.raw`(?:'s|’s|\s+(?:County\s+)?Council|\s+SEND|\s+SENDIAS|\s+SENDIASS|\s+IAS|\s+Local Offer|\s+says|\s+suggests|\s+expects|\s+advises|\s+recommends|\s+uses|\s+calls|\s+has|\s+offers|\s+runs)\b`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The local authorities a text attributes something to: "In Sefton, …", "Trafford's steps",
 * "Buckinghamshire SENDIAS says", "Lancashire County Council". A bare place name in another
 * sense ("Reading with your child") is not an attribution.
 */
export function areasAttributedIn(text: string, areaNames: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of areaNames) {
    const n = escape(name);
    const pattern = new RegExp(String.raw`(?:\b[Ii]n\s+${n}\b|\b${n}${ATTRIBUTION_AFTER})`);
    if (pattern.test(text)) found.push(name);
  }
  return found;
}

/**
 * One message per area the text attributes a fact to whose source is not among `refs`: an answer
 * that says "In Sefton, …" must cite a Sefton document. `sourceAreas` maps a source file to the
 * local authority it belongs to (sources.yaml `area`); national sources have none.
 */
export function areaAttributionProblems(
  text: string,
  refs: readonly SourceRef[],
  sourceAreas: Readonly<Record<string, string | undefined>>,
  areaNames: readonly string[],
): string[] {
  const cited = new Set(refs.map((r) => sourceAreas[r.file]?.toLowerCase()).filter((a): a is string => !!a));
  return areasAttributedIn(text, areaNames)
    .filter((name) => !cited.has(name.toLowerCase()))
    .map((name) => `names ${name} as the source of a fact, but cites no ${name} document (sources.yaml area)`);
}
