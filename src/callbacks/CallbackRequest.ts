/**
 * A request, made with the user's consent, for their local SENDIASS to get in touch. It holds
 * personal data: never log its name, contact or summary.
 */
export const CALLBACK_STATUSES = ['new', 'contacted', 'closed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CONTACT_KINDS = ['phone', 'email'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** What the user gave, as the dialog collected it. */
export interface NewCallbackRequest {
  /** The local authority's name as in local-authorities.csv. */
  area: string;
  name: string;
  /** A phone number or an email address, as contactKind says. */
  contact: string;
  contactKind: ContactKind;
  /** When suits them best, in their words ("weekday mornings"). */
  bestTime: string;
  /** One line on what it is about, in their words. */
  summary: string;
  /** The topics talked about (answer titles), only when the user agreed to share them; never the transcript. */
  topics?: string[];
}

export interface CallbackRequest {
  /** A random UUID. */
  id: string;
  area: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC: when the status last changed. */
  updatedAt: string;
  status: CallbackStatus;
  name: string;
  contact: string;
  contactKind: ContactKind;
  bestTime: string;
  summary: string;
  /** Null when the user did not agree to share the topics. */
  topics: string[] | null;
}

/** A request the store will not keep; the message names the field (never its value). */
export class CallbackValidationError extends Error {}

export const LIMITS = { area: 100, name: 100, contact: 254, bestTime: 200, summary: 500, topics: 20, topic: 150 } as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isCallbackStatus(value: unknown): value is CallbackStatus {
  return typeof value === 'string' && (CALLBACK_STATUSES as readonly string[]).includes(value);
}

/** Trims and checks a new request; throws CallbackValidationError naming the first bad field. */
/**
 * Text with control characters taken out: C0 and C1 controls (terminal escape sequences start
 * with ESC or CSI), DEL, and the bidirectional overrides that reorder what is shown. A tab or a
 * line break becomes a space: every field is one line.
 */
export function withoutControlCharacters(text: string): string {
  return text
    .replace(/[\t\n\r\v\f\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

export function validateNewCallbackRequest(input: NewCallbackRequest): NewCallbackRequest {
  const text = (field: 'area' | 'name' | 'contact' | 'bestTime' | 'summary'): string => {
    const value = (input as unknown as Record<string, unknown>)[field];
    if (typeof value !== 'string') throw new CallbackValidationError(`${field} is required`);
    const v = withoutControlCharacters(value).trim();
    if (v === '') throw new CallbackValidationError(`${field} is required`);
    if (v.length > LIMITS[field]) throw new CallbackValidationError(`${field} is longer than ${LIMITS[field]} characters`);
    return v;
  };
  const out: NewCallbackRequest = {
    area: text('area'),
    name: text('name'),
    contact: text('contact'),
    contactKind: input.contactKind,
    bestTime: text('bestTime'),
    summary: text('summary'),
  };
  if (!(CONTACT_KINDS as readonly string[]).includes(input.contactKind)) throw new CallbackValidationError(`contactKind must be one of ${CONTACT_KINDS.join(', ')}`);
  if (input.topics !== undefined) {
    if (!Array.isArray(input.topics) || input.topics.length > LIMITS.topics) throw new CallbackValidationError(`topics must be a list of at most ${LIMITS.topics}`);
    out.topics = input.topics.map((t, i) => {
      const clean = typeof t === 'string' ? withoutControlCharacters(t).trim() : '';
      if (!clean || clean.length > LIMITS.topic) throw new CallbackValidationError(`topics[${i}] must be text of at most ${LIMITS.topic} characters`);
      return clean;
    });
  }
  return out;
}
