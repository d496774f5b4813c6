/**
 * What a person typed, made easy to read with patterns: lower case, plain apostrophes and
 * dashes, "&" as "and", letters typed three or more times in a row cut to one ("yesss", "nooo"),
 * runs of spaces as one, and no punctuation at either end. Words stay as typed.
 */
export function answerText(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'.,;:!?()-]+|[\s"'.,;:!?()-]+$/g, '')
    .trim();
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
