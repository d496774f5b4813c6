/**
 * Words that place something at a moment today or in the last few hours ("tonight", "an hour
 * ago", "this morning", "just now", "at 3pm"). They never answer "how long…?" or "how many…?":
 * a length of support or a count of reviews is not said like that, and such words often come
 * from a message about something happening now, which the guides must not take as an answer.
 */
const MOMENT =
  /\b(tonight|tonite|today|this (morning|afternoon|evening)|last night|yesterday|just now|right now|earlier (today|on)|(an?|one|two|three|few|couple of|\d+) (hours?|hrs?|minutes?|mins?|seconds?|secs?)( ago)?|half an hour|o'?clock|\d{1,2}(:\d\d)?\s?(am|pm))\b/;

export function saysAMomentNotALength(text: string): boolean {
  return MOMENT.test(text);
}
