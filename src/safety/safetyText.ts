/**
 * Text as the safety check reads it: lower case, plain apostrophes, text-speak and the slang of
 * risk spelt out ("kms" → "kill myself", "unalive" → "kill", "sewerslide" → "suicide", "rn" →
 * "right now"), and split into sentences, so a risk said in passing inside a long message is
 * read on its own.
 */

const SLANG: Array<[RegExp, string]> = [
  [/\bkms\b/g, 'kill myself'],
  [/\bkmn\b/g, 'kill myself now'],
  [/\bkys\b/g, 'kill yourself'],
  [/\bunaliv(?:e|ing|ed)\s+(myself|himself|herself|themselves|themself|yourself)\b/g, 'kill $1'],
  [/\bunaliv(?:e|ing|ed)\b/g, 'kill'],
  [/\bsewer\s?slide\b/g, 'suicide'],
  [/\bsooicide\b/g, 'suicide'],
  [/\bsu[i1]c[i1]d(e|al)\b/g, 'suicid$1'],
  [/\bs[uo]+ic+id(e|al)\b/g, 'suicid$1'],
  [/\bsh'?(?:d|ing)\b/g, 'self-harmed'],
  [/\bself\s?harm/g, 'self-harm'],
  [/\bod'?d\b/g, 'overdosed'],
  [/\brn\b/g, 'right now'],
  [/\bra?te? now\b/g, 'right now'],
  [/\btn\b/g, 'tonight'],
  [/\btmrw\b|\btmr\b|\btomoz\b/g, 'tomorrow'],
  [/\btonite\b|\btnite\b|\b2nite\b|\btonigh\b/g, 'tonight'],
  [/\bnite\b/g, 'night'],
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bgunna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\bdunno\b/g, "don't know"],
  [/\bidk\b/g, "i don't know"],
  [/\btbh\b|\bngl\b|\bfr\b|\blol\b|\blmao\b|\bfml\b/g, ' '],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bim\b/g, "i'm"],
  [/\bive\b/g, "i've"],
  [/\bill\b(?=\s+(?:be|do|just|kill|end|take|go|never|hurt|make|not))/g, "i'll"],
  [/\bid\b(?=\s+(?:be|rather|do|just))/g, "i'd"],
  [/\bdont\b/g, "don't"],
  [/\bdoesnt\b/g, "doesn't"],
  [/\bdidnt\b/g, "didn't"],
  [/\bcant\b/g, "can't"],
  [/\bwont\b/g, "won't"],
  [/\bisnt\b/g, "isn't"],
  [/\bwasnt\b/g, "wasn't"],
  [/\bwouldnt\b/g, "wouldn't"],
  [/\bhes\b/g, "he's"],
  [/\bshes\b/g, "she's"],
  [/\bthats\b/g, "that's"],
  [/\bwot\b/g, 'what'],
  [/\bevry\b/g, 'every'],
  [/\bbc\b|\bcos\b|\bcoz\b|\bcuz\b/g, 'because'],
  [/\bevery1\b|\bevry1\b/g, 'everyone'],
  [/\bsome1\b/g, 'someone'],
  [/\bany1\b/g, 'anyone'],
  [/\bno1\b/g, 'no one'],
  [/\bskl\b|\bskool\b|\bskwl\b/g, 'school'],
  [/\b2day\b/g, 'today'],
  [/\b2moro\b|\b2morrow\b|\b2mrw\b/g, 'tomorrow'],
  [/\bb4\b/g, 'before'],
  [/\bevr?ythin'?g?\b|\beverythin\b/g, 'everything'],
  [/\bluv\b/g, 'love'],
  [/\bwud\b/g, 'would'],
  [/\bcud\b/g, 'could'],
  [/\bshud\b/g, 'should'],
  [/\bagen\b/g, 'again'],
  // Dropped g's on the words risk is told in ("thinkin bout endin it", "cuttin agen").
  [/\b(think|end|cutt|hid|go|do|noth|someth|anyth|feel|kill|hurt|try|start|plann|bleed|burn|hang)in\b/g, '$1ing'],
  // "n" between words is "and" ("every1 hates me n i cant stop").
  [/(?<=[a-z'] )n(?= [a-z])/g, 'and'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bw\/\s?/g, 'with '],
  [/\bmum'?s\b/g, "mum's"],
  [/&/g, ' and '],
];

/** Lower case, plain apostrophes and dashes, emoji and runs of spaces gone, slang spelt out. */
export function safetyText(input: string): string {
  let t = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(/\u200d|\ufe0f/g, '')
    .replace(/([a-z])\1{2,}/g, '$1$1');
  for (const [pattern, replacement] of SLANG) t = t.replace(pattern, replacement);
  return t.replace(/\s+/g, ' ').trim();
}

/** The text's sentences (split at . ! ? ; and line breaks), each trimmed, empty ones dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|(?<=[a-z0-9)"'])\s*[.!?]+\s*(?=[a-z])/)
    .map((s) => s.replace(/^[\s"'.,;:!?()-]+|[\s"'.,;:!?()-]+$/g, '').trim())
    .filter((s) => s.length > 0);
}
