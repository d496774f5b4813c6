/**
 * One local authority in the area directory (knowledge/areas/<slug>.yaml), with its SEND
 * information, advice and support service (SENDIASS) where ../shared/data/ias-services.csv
 * knows it. Built by scripts/build-areas.ts; checked by `npm run kb:check`.
 */

/** How far a row of ias-services.csv can be trusted (../shared/data/README.md). */
export const RELIABILITIES = ['official-page', 'third-party', 'dated', 'name-and-website', 'name-only'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

/**
 * What may be shown of a service, by reliability (../shared/data/README.md):
 * official-page: name, phone, email, website; third-party: name and website, the phone only
 * as "reported; check the website"; dated and name-and-website: name and website;
 * name-only: the name (and the national route).
 */
export const SHOWABLE: Record<Reliability, { website: boolean; phone: 'yes' | 'reported' | 'no'; email: boolean }> = {
  'official-page': { website: true, phone: 'yes', email: true },
  'third-party': { website: true, phone: 'reported', email: false },
  dated: { website: true, phone: 'no', email: false },
  'name-and-website': { website: true, phone: 'no', email: false },
  'name-only': { website: false, phone: 'no', email: false },
};

export interface IasService {
  /** The service's name exactly as in ias-services.csv (it may carry remarks in brackets). */
  name: string;
  /** The name to show: the CSV name less remarks about provenance; every word comes from `name`. */
  displayName: string;
  /** False where the data says the name itself is not confirmed. */
  nameConfirmed: boolean;
  reliability: Reliability;
  /** Only where the reliability allows a website. */
  website?: string;
  /** Only for official-page rows. */
  phone?: string;
  /** Only for official-page rows. */
  email?: string;
  /** Only for third-party rows: a phone number to show only as "reported; check the website". */
  reportedPhone?: string;
  /** Where the row's details were read (provenance; not shown as the service's website). */
  source?: string;
}

export interface Area {
  /** The local authority's name as in local-authorities.csv ("Lancashire"). */
  name: string;
  /** The council's official name ("Lancashire County Council"). */
  officialName: string;
  type: string;
  region: string;
  gssCode: string;
  /** Other names people type for it ("Lancs"); a short name shared by two areas is ambiguous. */
  shortNames: string[];
  service?: IasService;
}
