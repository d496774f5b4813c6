/**
 * The reference a person quotes for their callback request: the first 8 characters of its id,
 * in capitals ("1A2B3C4D"). Officers find the request by it: its id starts with these letters.
 */
export function shortReference(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
