import Fuse from 'fuse.js';
import type { Area } from './Area';
import { SHOWABLE } from './Area';
import { AreaLoader } from './AreaLoader';
import { areaSlug, normaliseAreaText } from './areaNames';
import { mailtoLink, REPORTED_PHONE_NOTE, telLink, type ContactDetails } from './ContactDetails';
import type { DeploymentConfig } from './DeploymentConfig';
import { nationalRoute } from './nationalRoute';

/** What find() made of the user's words. */
export type AreaMatch =
  | { kind: 'match'; area: Area }
  | { kind: 'ambiguous'; options: Area[] }
  | { kind: 'unknown' };

/** The area directory could not be loaded. */
export class AreaDirectoryError extends Error {}

interface Alias {
  /** Normalised text ("lancs", "blackburn with darwen"). */
  text: string;
  areas: Area[];
}

/** Only this much of a message is read: an answer to "which area?" is short. */
const MAX_INPUT_CHARS = 1000;
/** Fuzzy matching looks at no more than this many words (left once filler is dropped). */
const MAX_FUZZY_WORDS = 12;
/** At most this many options in an ambiguous answer. */
export const MAX_OPTIONS = 12;
/** Fuse scores (0 perfect, 1 none), adjusted for length, at or below this count as a fuzzy hit. */
const FUZZY_THRESHOLD = 0.29;
/** A fuzzy hit this much better than the next area's is taken as the answer. */
const FUZZY_CLEAR_GAP = 0.1;

/** Words around an area name that are not part of it: "I'm in", "we live in", "council", "please". */
const FILLER = new Set(
  (
    'i im am me my we were are our us you your ive weve have has had just recently now currently live living lives moved move moving ' +
    'to in into at from near the a an of for is its it it\'s s council councils area areas borough county city local authority la ' +
    'please pls thanks thank ok okay yes yeah yep no nope so well um er hi hello actually and but or based reside resident stay staying ' +
    'town village place called which where here there this that be been being think i\'m ' +
    'dont don\'t do not know sure unsure idk dunno no idea maybe perhaps somewhere up down over round around about out part side bit ' +
    'what whats how who why can could would should will want need help tell say said get got go going see look find'
  )
    .split(' ')
    .map(normaliseAreaText),
);

/** Words in many area names that say nothing on their own ("north", "upon"). */
const COMMON_NAME_WORDS = new Set(['north', 'south', 'east', 'west', 'central', 'upon', 'with', 'and', 'city', 'county', 'borough', 'council', 'royal', 'london', 'great', 'greater', 'isle', 'isles', 'riding'].map(normaliseAreaText));

/**
 * The 153 local authorities, found from what people type: exact names, official names and short
 * names anywhere in the text ("we live in bucks"), then fuzzy matching (fuse.js) for typos.
 * A short name shared by several areas, or a close call, is ambiguous; a place it does not know
 * is unknown. contactFor() gives the contact details to show, with the deployment's own details
 * winning for its area. Plain TypeScript: no Bot Framework here.
 */
export class AreaDirectory {
  readonly areas: readonly Area[];
  private readonly bySlug = new Map<string, Area>();
  private readonly aliases = new Map<string, Alias>();
  private readonly maxAliasWords: number;
  private readonly fuse: Fuse<Alias>;

  constructor(areas: readonly Area[], private readonly deployment?: DeploymentConfig) {
    this.areas = [...areas].sort((a, b) => a.name.localeCompare(b.name));
    for (const area of this.areas) {
      this.bySlug.set(areaSlug(area.name), area);
      for (const name of [area.name, area.officialName, ...area.shortNames]) {
        const text = normaliseAreaText(name);
        if (!text) continue;
        const alias = this.aliases.get(text) ?? { text, areas: [] };
        if (!alias.areas.includes(area)) alias.areas.push(area);
        this.aliases.set(text, alias);
      }
    }
    this.maxAliasWords = Math.max(1, ...[...this.aliases.keys()].map((t) => t.split(' ').length));
    this.fuse = new Fuse([...this.aliases.values()], { keys: ['text'], includeScore: true, threshold: 0.35, ignoreLocation: true, minMatchCharLength: 3 });
    if (deployment && !this.get(deployment.area)) throw new AreaDirectoryError(`the deployment's area "${deployment.area}" is not in the area directory`);
  }

  /** Loads knowledge/areas; throws AreaDirectoryError naming the first file at fault. */
  static fromFolder(knowledgeDir: string, deployment?: DeploymentConfig): AreaDirectory {
    const { areas, problems } = new AreaLoader(knowledgeDir).load();
    if (problems.length > 0) {
      const p = problems[0];
      throw new AreaDirectoryError(`${p.file}: ${p.field}: ${p.message}${problems.length > 1 ? ` (and ${problems.length - 1} more; run npm run kb:check)` : ''}`);
    }
    if (areas.length === 0) throw new AreaDirectoryError(`${knowledgeDir}/areas holds no areas: run npm run areas:build`);
    return new AreaDirectory(areas, deployment);
  }

  /** An area by its name as in local-authorities.csv (any case or punctuation), or undefined. */
  get(name: string): Area | undefined {
    return this.bySlug.get(areaSlug(name));
  }

  /** The deployment's own area, when a deployment file sets one. */
  get defaultArea(): Area | undefined {
    return this.deployment ? this.get(this.deployment.area) : undefined;
  }

  /** Finds the area the user means in free text: "I'm in Lancs", "Bedford", "I've moved to Trafford". */
  find(text: string): AreaMatch {
    const tokens = normaliseAreaText(text.slice(0, MAX_INPUT_CHARS)).split(' ').filter(Boolean);
    if (tokens.length === 0) return { kind: 'unknown' };
    const exact = this.exactHits(tokens);
    if (exact.length > 0) return this.resolve(exact);
    const partial = this.wordHits(tokens);
    if (partial.length > 0) return this.resolve([{ areas: partial }]);
    return this.fuzzy(tokens);
  }

  /** Names found word for word in the text, longest first; a shorter name inside a longer one is not counted. */
  private exactHits(tokens: string[]): Array<{ start: number; areas: Area[] }> {
    const used = new Array<boolean>(tokens.length).fill(false);
    const hits: Array<{ start: number; areas: Area[] }> = [];
    for (let n = Math.min(this.maxAliasWords, tokens.length); n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        const alias = this.aliases.get(tokens.slice(i, i + n).join(' '));
        if (!alias) continue;
        hits.push({ start: i, areas: alias.areas });
        for (let k = i; k < i + n; k++) used[k] = true;
      }
    }
    hits.sort((a, b) => a.start - b.start);
    // "moved from Lancs to Trafford": the place after "to" is where they are now.
    if (hits.length > 1) {
      const after = hits.filter((h) => ['to', 'in'].includes(tokens[h.start - 1] ?? ''));
      const from = hits.filter((h) => tokens[h.start - 1] === 'from');
      if (after.length === 1 && from.length > 0) return after;
    }
    return hits;
  }

  /** A distinctive word of a longer name typed on its own: "Yorkshire" → East Riding of Yorkshire or North Yorkshire. */
  private wordHits(tokens: string[]): Area[] {
    const words = new Set(tokens.filter((t) => t.length >= 4 && !FILLER.has(t) && !COMMON_NAME_WORDS.has(t)));
    const found: Area[] = [];
    if (words.size === 0) return found;
    for (const area of this.areas) {
      const own = [area.name, ...area.shortNames].flatMap((n) => normaliseAreaText(n).split(' '));
      if (own.some((w) => words.has(w)) && !found.includes(area)) found.push(area);
    }
    return found;
  }

  private resolve(hits: Array<{ areas: Area[] }>): AreaMatch {
    const options: Area[] = [];
    for (const h of hits) for (const a of h.areas) if (!options.includes(a)) options.push(a);
    if (options.length === 1) return { kind: 'match', area: options[0] };
    return { kind: 'ambiguous', options: options.slice(0, MAX_OPTIONS) };
  }

  /** Typos: each run of one to three words left once filler is dropped, scored by fuse.js. */
  private fuzzy(tokens: string[]): AreaMatch {
    const words = tokens.filter((t) => !FILLER.has(t)).slice(0, MAX_FUZZY_WORDS);
    if (words.length === 0 || words.join(' ').length < 3) return { kind: 'unknown' };
    const best = new Map<Area, number>();
    const candidates = new Set<string>([words.join(' ')]);
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) candidates.add(words.slice(i, i + n).join(' '));
    for (const candidate of candidates) {
      if (candidate.length < 4 || COMMON_NAME_WORDS.has(candidate)) continue;
      for (const r of this.fuse.search(candidate)) {
        const score = this.lengthAdjusted(r.score ?? 1, candidate, r.item.text);
        if (score > FUZZY_THRESHOLD) continue;
        for (const area of r.item.areas) best.set(area, Math.min(best.get(area) ?? 1, score));
      }
    }
    const ranked = [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name));
    if (ranked.length === 0) return { kind: 'unknown' };
    const [top, next] = ranked;
    if (!next || next[1] - top[1] >= FUZZY_CLEAR_GAP) return { kind: 'match', area: top[0] };
    const close = ranked.filter(([, s]) => s - top[1] < FUZZY_CLEAR_GAP).map(([a]) => a);
    return { kind: 'ambiguous', options: close.slice(0, MAX_OPTIONS) };
  }

  /** Fuse matches a short word inside a long name well ("hull" in "solihull"): count the length difference against it. */
  private lengthAdjusted(score: number, candidate: string, alias: string): number {
    const ratio = Math.min(candidate.length, alias.length) / Math.max(candidate.length, alias.length);
    return score + (1 - ratio) * 0.5;
  }

  /** How the assistant names an area's service: its name, or "the SENDIASS for <area>" where the data gives none. */
  serviceName(areaName: string): string {
    return this.contactFor(this.get(areaName)).serviceName ?? `the SENDIASS for ${areaName}`;
  }

  /** The contact details to show for an area (undefined: the area is not known). */
  contactFor(area: Area | undefined): ContactDetails {
    if (!area) {
      return { source: 'none', nameConfirmed: false, hasUsableContact: false, national: nationalRoute() };
    }
    const own = this.defaultArea === area ? this.deployment?.service : undefined;
    const s = area.service;
    const details: ContactDetails = {
      areaName: area.name,
      councilName: area.officialName,
      source: own ? 'deployment' : s ? 'directory' : 'none',
      serviceName: own?.name ?? s?.displayName,
      nameConfirmed: own?.name ? true : (s?.nameConfirmed ?? false),
      reliability: own ? 'deployment' : s?.reliability,
      hasUsableContact: false,
    };
    const rules = s ? SHOWABLE[s.reliability] : undefined;
    const verifiedRow = s?.reliability === 'official-page';
    if (own?.phone) details.phone = { display: own.phone, tel: telLink(own.phone) as string, verified: true };
    else if (s?.phone && rules?.phone === 'yes') details.phone = { display: s.phone, tel: telLink(s.phone) as string, verified: verifiedRow };
    else if (s?.reportedPhone && rules?.phone === 'reported') details.phone = { display: s.reportedPhone, tel: telLink(s.reportedPhone) as string, verified: false, note: REPORTED_PHONE_NOTE };
    if (own?.email) details.email = { address: own.email, mailto: mailtoLink(own.email), verified: true };
    else if (s?.email && rules?.email) details.email = { address: s.email, mailto: mailtoLink(s.email), verified: verifiedRow };
    if (own?.website) details.website = { url: own.website, verified: true };
    else if (s?.website && rules?.website) details.website = { url: s.website, verified: s.reliability === 'official-page' || s.reliability === 'name-and-website' };
    if (own?.openingHours) details.openingHours = own.openingHours;
    if (own?.outOfHoursMessage) details.outOfHoursMessage = own.outOfHoursMessage;
    details.hasUsableContact = !!(details.phone?.verified || details.email?.verified || details.website?.verified);
    if (!details.hasUsableContact) details.national = nationalRoute(area.officialName);
    return details;
  }
}
