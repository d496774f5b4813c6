import type { Answer } from '../knowledge/Answer';

/** The national list of local SENDIASS services (shared/sources/national-facts.md, "National advice services"). */
export const IASS_NETWORK_LINK = 'https://councilfordisabledchildren.org.uk';

/** Markdown bold and links as plain text. */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[(.+?)\]\((.+?)\)/g, '$1 ($2)');
}

/**
 * An answer as plain text with its sources: for channels without cards, the terminal, and
 * ("email" form) for pasting into an email, with a closing line about SENDIASS.
 */
export function formatAnswerText(answer: Answer, sourceLabel: (file: string) => string, email = false): string {
  const sources = answer.sources.map((s) => `${sourceLabel(s.file)}, section "${s.section}"`);
  const lines = [answer.title, '', markdownToPlain(answer.body), '', `${sources.length > 1 ? 'Sources' : 'Source'}: ${sources.join('; ')}`];
  if (email) {
    lines.push(
      '',
      'This information is general. For advice about your own situation, contact your local SEND information, advice and support service (SENDIASS): it is free, confidential and impartial.',
      `Find your local service on the IASS Network's list: ${IASS_NETWORK_LINK}`,
    );
  }
  return lines.join('\n');
}
