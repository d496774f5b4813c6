/**
 * Finds the question inside what someone typed. People open with greetings and apologies,
 * tell a story, and end with the question ("…what can I do?"); the matcher scores the
 * whole message and this focus, so a 90-word account reaches the answer its question asks
 * for, and "sorry, what does a SENCO actually do?" reads as "what does a SENCO do?".
 * Plain TypeScript: no Bot Framework here.
 */

/** Politeness and filler that never change what is asked. Matched at the start of a sentence or as the whole of one. */
const FILLER: RegExp[] = [
  /^(?:hi|hiya|hello|hey|hallo|good (?:morning|afternoon|evening)|morning|afternoon|evening)(?: there| all| everyone| team)?\b[\s,!.:-]*/,
  /^(?:so )?sorry(?: to (?:bother|trouble|disturb|ask|be a pain)(?: you)?(?: again)?| if this is (?:a )?(?:silly|stupid|daft|obvious|dumb|basic) (?:question|q)| for (?:the|my|a|this|such a) (?:(?:long|rambling|basic|silly|daft|stupid|simple|obvious) )?(?:message|post|question|q)| for asking| in advance| for (?:rambling|the ramble|going on|waffling|the essay|the length(?: of this)?)| (?:it'?s|this is|its|that'?s|this got) (?:so |a bit |very |really )?long| if this is (?:in )?the wrong (?:place|group|forum)| if (?:this|that) (?:doesn'?t|does not|dont) make (?:any )?sense)?\b[\s,!.:-]*/,
  /^(?:apologies|excuse me|pardon)(?: (?:for|if) [^,.!?]*)?[\s,!.:-]*/,
  /^(?:(?:many |big )?thanks|thank you|thankyou|thx|tia|ty|cheers|ta)(?: (?:so much|very much|a lot|in advance|for (?:any|your|all your) (?:help|advice|replies|tips|time)|for reading|for listening))*\b[\s,!.:-]*/,
  // Asking for help in general ("can anyone help?", "any advice?") asks nothing in particular: only as the whole of a clause.
  /^(?:(?:can|could|would) (?:anyone|anybody|someone|somebody|you) (?:please )?(?:help|advise)(?: me| us)?(?: please| at all)?|(?:i'?m |i am )?(?:i )?hop(?:e|ing) (?:you|someone|somebody|anyone|anybody)(?: (?:can|could|might|will))? (?:help|advise)(?: me| us)?(?: (?:with this|here))?|(?:i )?hope (?:you don'?t|you dont|you do not) mind me asking|(?:i )?hope (?:you are|you'?re|youre|everyone is|all is) well|(?:i )?hope (?:this|that) makes sense|any (?:help|advice|tips|ideas|thoughts|suggestions)(?: at all)?(?: (?:please|welcome|gratefully received|would be (?:great|brilliant|lovely|amazing|appreciated)|much appreciated|appreciated))*|(?:advice|help) (?:please|needed|wanted)|(?:i )?need (?:some )?(?:help|advice)|(?:i )?(?:don'?t|dont|do not) know who else to (?:ask|turn to|talk to)|not sure who else to (?:ask|turn to|talk to)|(?:my )?first (?:time (?:here|posting|asking)|post(?: here)?)|(?:i'?ve |i have )?just joined)(?=\s*(?:[,!.:;?-]|$))[\s,!.:;?-]*/,
  // "Does anyone know what…" and "long story short" lead into what is asked ("does anyone know if…" stays a question as it is).
  /^(?:(?:does|do) (?:anyone|anybody|someone|somebody) (?:know|have any idea)(?= (?:what|how|why|when|where|who|which|whose)\b)|long story short)\b[\s,!.:-]*/,
  // "Quick question", "probably a silly question but", "bit of a basic one sorry, but": the question is said to come, not asked.
  /^(?:just a |one |(?:a )?bit of an? |(?:this is |it'?s )?(?:prob(?:ably|s) |possibly |maybe )?(?:an? )?(?:really |very )?)(?:quick|basic|silly|simple|daft|stupid|dumb|small|obvious|random|general|newbie) (?:question|q|one(?=\s*(?:[,!.:-]|but\b|sorry\b|if\b|$)))(?: (?:first|before (?:i|we) (?:start|go on)|though|for you|here|sorry|if (?:that'?s|that is|it'?s|it is) (?:ok|okay|alright|all right)))?(?:[\s,!.:-]+but\b)?\b[\s,!.:-]*/,
  /^(?:question(?=[:,-])|just (?:a question|wondering|checking|asking)|i was (?:just )?wondering|i'?m (?:just )?wondering|wondering|can i (?:just )?ask(?: you)?|could i ask|may i ask|i have a question|i need (?:some )?(?:help|advice)(?: please)?|please (?:can you )?help(?: me)?|help(?: me)? please|hope you can help|any (?:help|advice) (?:would be |is )?(?:much |really |greatly )?appreciated|not sure (?:if|whether) (?:this is|i'?m in) the right place)\b[\s,!.:-]*/,
  /^(?:(?:ok|okay|right|so|well|anyway|basically|please)[,!.:-]+|(?:um+|erm+|er|hmm+|ok so|okay so)\b[\s,!.:-]*)\s*/,
];

/** Words that open a question, or a request that works as one. */
const QUESTION_START =
  /^(?:what|whats|what's|how|why|when|where|who|whos|who's|which|whose|is|are|am|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|have|has|had|any|anyone|tell me|explain|help|wat|wot|hw|y|wen|cn|shud|shld)\b/;

/**
 * A writer giving their own age ("I'm 16,", "im 17 and") says who is asking, not what about:
 * left in, every young person's question drifts to the answer about turning 16.
 */
const SELF_AGE = /\b(?:i'?m|i am|im)\s+(?:only\s+|nearly\s+|almost\s+)?(?:1[4-9]|2[0-5]|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\s*(?:years old|year old|yrs old|yrs|yo|y\/o))?\b\s*(?:,|-|and\b|now\b)?\s*/gi;

export function withoutSelfAge(text: string): string {
  const stripped = text.replace(SELF_AGE, ' ').replace(/\s+/g, ' ').trim();
  return /[\p{L}]{3,}/u.test(stripped) ? stripped : text;
}

export interface QuestionParts {
  /** The whole message without filler. */
  whole: string;
  /** The sentence that asks (the last question, else the last sentence); the whole when there is one sentence. */
  focus: string;
  /** How many sentences the message has once filler is gone. */
  sentences: number;
}

/** Strips leading filler from one sentence until none is left. */
export function stripFiller(sentence: string): string {
  let s = sentence.trim();
  for (let changed = true; changed && s.length > 0; ) {
    changed = false;
    const lower = s.toLowerCase();
    for (const f of FILLER) {
      const m = f.exec(lower);
      if (m && m[0].length > 0) {
        s = s.slice(m[0].length).trim();
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** Splits a message into sentences at . ? ! and line breaks, keeping each one's question mark. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/([.?!]+)(?=\s|$)/g, '$1\n')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function isQuestion(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || QUESTION_START.test(sentence.toLowerCase());
}

export function questionParts(text: string): QuestionParts {
  const sentences = sentencesOf(withoutSelfAge(text)).map(stripFiller).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length === 0) return { whole: '', focus: '', sentences: 0 };
  const whole = sentences.join(' ');
  if (sentences.length === 1) return { whole, focus: whole, sentences: 1 };
  const questions = sentences.filter(isQuestion);
  // The last question asks what the story leads to; a short one ("what now?") needs the sentence before it.
  let focus = questions.length > 0 ? questions[questions.length - 1] : sentences[sentences.length - 1];
  const at = sentences.lastIndexOf(focus);
  if (focus.split(/\s+/).length < 6 && at > 0) focus = `${sentences[at - 1]} ${focus}`;
  return { whole, focus, sentences: sentences.length };
}
