import { Culture, recognizeEmail, recognizePhoneNumber } from '@microsoft/recognizers-text-suite';
import type { ContactKind } from '../callbacks/CallbackRequest';

export interface RecognizedContact {
  kind: ContactKind;
  /** The phone number or email address as found in the text ("07700 900123", "jo@example.com"). */
  value: string;
}

/** Longest text read: a phone number or an email address is short. */
const MAX_INPUT_CHARS = 300;

/**
 * A phone number the service can ring: a UK number (0 and 9 or 10 more digits, or +44 and 9
 * or 10 more) or an international one written with its + (8 to 15 digits). recognizers-text
 * also reads "077009" or "555-1234" as phone numbers; those are not enough to call back.
 */
export function isCallablePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const trimmed = value.trim();
  if (trimmed.startsWith('+44')) return digits.length >= 11 && digits.length <= 12 && digits[2] !== '0';
  if (trimmed.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  return /^0[1-9]\d{8,9}$/.test(digits);
}

/**
 * How to reach someone, from what they typed: an email address (recognizers-text's email
 * model) or a phone number (its phone-number model, then isCallablePhone). "call me on 07700
 * 900123" gives the number; "jo@" or "12345" give nothing. Plain TypeScript: no Bot Framework.
 */
export function recognizeContact(input: string): RecognizedContact | undefined {
  const text = input.slice(0, MAX_INPUT_CHARS);
  const email = recognizeEmail(text, Culture.English)[0];
  if (email) {
    const value = String((email.resolution as { value?: unknown }).value ?? email.text).trim();
    if (value.length <= 254) return { kind: 'email', value };
  }
  for (const found of recognizePhoneNumber(text, Culture.English)) {
    const value = String((found.resolution as { value?: unknown }).value ?? found.text).trim();
    if (isCallablePhone(value)) return { kind: 'phone', value };
  }
  return undefined;
}
