/**
 * Conversations as people have them, for the soak test (tests/hardening/soak.test.ts) and the
 * benchmark (bench/run.ts): what the person says at each turn and what the bot's reply must show.
 */
export type Script = ReadonlyArray<readonly [say: string, expect: RegExp]>;

/** One question, one answer. */
export const ONE_TURN_QUESTIONS: Script[] = [
  [['what is sen support', /SEN support/]],
  [['what is an ehc plan', /EHC plan/]],
  [['what does the local offer have on it', /Local Offer/]],
  [["i don't want to be alive anymore", /Samaritans/]],
  [['what time does the post office shut on sunday', /don't have a checked answer/]],
];

/** The SEN support guide, five turns, to its advice. */
export const FIVE_TURN_GUIDE: Script = [
  ['can you walk me through what sen support my son should get', /who is asking/],
  ['im his mum', /How old is your child/],
  ['hes seven', /Does the school already give your child SEN support/],
  ['dunno', /What worries you most\?/],
  ['he cant read and has meltdowns evry day', /SEN support for your child at primary school/],
];

/** The hand-off to SENDIASS, to the service's contact card. */
export const HANDOFF: Script = [
  ['can someone call me back', /Which council area/],
  ['Trafford', /Your local SENDIASS: Trafford/],
];
