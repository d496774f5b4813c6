import type { Reliability } from './Area';
import type { NationalRoute } from './nationalRoute';

/**
 * What the hand-off shows for an area: the service's details with, for each, whether it is
 * verified. Built by AreaDirectory.contactFor from the deployment's configuration (which wins)
 * or the area directory. Plain data: the bot's cards render it.
 */
export interface ContactPhone {
  /** As written in the data ("01482 396469"). */
  display: string;
  /** The link value: "tel:+441482396469". */
  tel: string;
  verified: boolean;
  /** Set when the number may only be shown with a caveat: "reported; check the website". */
  note?: string;
}

export interface ContactEmail {
  address: string;
  /** The link value: "mailto:sendiass@example.org". */
  mailto: string;
  verified: boolean;
}

export interface ContactWebsite {
  url: string;
  verified: boolean;
}

export type ContactSource = 'deployment' | 'directory' | 'none';

export interface ContactDetails {
  /** The area's name ("Lancashire"), when the area is known. */
  areaName?: string;
  /** The council's official name, when the area is known. */
  councilName?: string;
  /** Where the details came from: the deployment's configuration, the shipped directory, or nowhere. */
  source: ContactSource;
  serviceName?: string;
  /** False where the data says the service's name is not confirmed. */
  nameConfirmed: boolean;
  /** The data's reliability for the row used ('deployment' for the deployment's own details). */
  reliability?: Reliability | 'deployment';
  phone?: ContactPhone;
  email?: ContactEmail;
  website?: ContactWebsite;
  openingHours?: string;
  outOfHoursMessage?: string;
  /** True when there is a phone, email or website that can be offered without a caveat. */
  hasUsableContact: boolean;
  /** The national route, present when there is no usable contact. */
  national?: NationalRoute;
}

export const REPORTED_PHONE_NOTE = 'reported; check the website';

/** "0113 378 5020" → "tel:+441133785020"; "+44 161 …" → "tel:+44161…". Undefined if it is not a UK number. */
export function telLink(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (trimmed.startsWith('+44') && digits.length >= 11 && digits.length <= 12) return `tel:+${digits}`;
  if (/^0\d{9,10}$/.test(digits)) return `tel:+44${digits.slice(1)}`;
  return undefined;
}

export function mailtoLink(email: string): string {
  return `mailto:${email.trim()}`;
}
