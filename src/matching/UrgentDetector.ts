/**
 * Spots a message from, or about, someone at risk now: suicidal thoughts, self-harm, an
 * overdose, immediate danger. Runs on every message before anything else. It errs towards
 * showing urgent contacts, but everyday idioms ("this waiting list is killing me") are
 * removed first so they do not set it off. Plain TypeScript: no Bot Framework here.
 */

/** Idioms that use the words of danger without meaning it. Removed before the risk check. */
const IDIOMS: RegExp[] = [
  /\b(?:is|are|was|were|it'?s|that'?s|they'?re|this|these|feet|back|head|legs)\s+(?:\w+\s+){0,2}killing (?:me|us|him|her|them)\b/g,
  /\b(?:could|would|'d)\s+(?:kill|murder)\s+(?:for|a)\b/g,
  /\b(?:dying|died|dies|die)\s+(?:to|for|of|laughing|inside|a death)\b/g,
  /\bto die for\b/g,
  /\b(?:bored|scared|worried|frightened|sick|tired)\s+(?:\w+\s+)?to death\b/g,
  /\bkill(?:s|ed|ing)?\s+(?:me|him|her|them|us)\s+(?:if|when|for)\b/g,
  /\bkill(?:ing)?\s+time\b/g,
  /\b(?:drop|dropped)\s+dead\s+(?:tired|gorgeous)\b/g,
  /\bdead\s+(?:tired|end|easy|good|keen|set|line|lines|simple)\b/g,
  /\bdeadline/g,
  /\bcut(?:s|ting)?\s+(?:back|down|out|off|short|corners|in|up)\b/g,
  /\bjump(?:ed|ing)?\s+(?:at|through)\s+(?:the\s+)?(?:chance|hoops)\b/g,
  /\b(?:overdose|overdosed)\s+(?:on|of)\s+(?:homework|screen|screens|tv|sugar|caffeine|coffee|paperwork)\b/g,
  /\bshoot\s+me\b/g,
];

/** Signs of risk now. Each is a whole phrase: single words like "die" alone never trigger. */
const RISK: RegExp[] = [
  /\bsuicid(?:e|al)\b/,
  /\bkill(?:ing|ed|s)?\s+(?:my|him|her|them|your|our)?\s?(?:self|selves|myself|himself|herself|themselves|yourself)\b/,
  /\b(?:end|ending|take|taking|ended|took)\s+(?:it all|(?:my|his|her|their|your)\s+(?:own\s+)?life)\b/,
  /\b(?:want|wants|wanted|wanting|going|gonna|planning|plan|plans)\s+to\s+(?:die|be dead)\b/,
  /\bwish(?:es|ed)?\s+(?:i|he|she|they)\s+(?:was|were)\s+dead\b/,
  /\bbetter off dead\b/,
  /\b(?:do not|don'?t|doesn'?t|does not|no longer)\s+want\s+to\s+(?:be\s+)?(?:alive|live|be here|exist|wake up)\b/,
  /\bnot\s+want(?:ing)?\s+to\s+(?:be\s+)?(?:alive|live)\b/,
  /\bself[\s-]?harm/,
  /\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|starve|starving)\s+(?:my|him|her|them|your)?\s?(?:self|selves|myself|himself|herself|themselves|yourself)\b/,
  /\bcutting\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|skin)\b/,
  /\b(?:can'?t|cannot|won'?t)\s+stop\s+(?:the\s+)?bleeding\b/,
  /\boverdos(?:e|ed|es|ing)\b/,
  /\b(?:taken|took|swallowed|swallow|take|taking|had)\s+(?:[\w']+\s+){0,2}(?:load|loads|lot|lots|too many|packet|packets|box|boxes|bottle|handful|all|whole)\s+(?:of\s+)?(?:[\w']+\s+){0,3}(?:pills|tablets|paracetamol|medication|meds|painkillers)\b/,
  /\b(?:swallowed|drank|drunk|drinking)\s+(?:some\s+)?bleach\b/,
  /\b(?:pills|tablets)\s+(?:are\s+)?ready\b/,
  /\bjump(?:ing)?\s+(?:off|from|in front of)\s+(?:a|the|my)?\s?(?:bridge|building|roof|cliff|train|car|balcony|multi[\s-]?storey)\b/,
  /\b(?:in|into)\s+(?:immediate|serious)\s+danger\b/,
  /\b(?:going|gonna|threatening|threatened|says he'?s going|says she'?s going)\s+to\s+(?:kill|stab|hurt|strangle)\s+(?:me|us|him|her|them)\b/,
  /\b(?:noose|ligature)\b/,
];

/** Turns typographic apostrophes plain and drops idioms, so the risk phrases see plain text. */
function prepare(text: string): string {
  let t = text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/\s+/g, ' ');
  for (const idiom of IDIOMS) t = t.replace(idiom, ' ');
  return t;
}

export class UrgentDetector {
  /** True when the message shows someone at risk now. */
  isUrgent(text: string): boolean {
    const t = prepare(text);
    return RISK.some((r) => r.test(t));
  }
}
