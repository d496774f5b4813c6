import type { SafetyAssessment, SupportKind, UrgentKind } from './SafetyAssessment';
import { NO_RISK } from './SafetyAssessment';
import { safetyText, sentences } from './safetyText';

/**
 * The high-precision layer of the safety check: phrases that say someone is at risk now, read
 * sentence by sentence, with three questions asked of every sentence that has one:
 *
 * - Is it denied? "I'm not suicidal", "she says she isn't thinking of hurting herself",
 *   "not at risk", "I'm safe": then it is the subject, not a risk now (support).
 * - Is it in the past and over? "two years ago, fine since", "in Year 9", "used to": support,
 *   unless the same sentence or message says now ("again tonight", "just found", "an hour ago").
 * - Is it an idiom? "this waiting list is killing me", "dying to know", "could murder a
 *   coffee", "my mum will kill me if…": removed before anything else is read.
 *
 * Words that name the subject without a person at risk ("suicide prevention training",
 * "what is the school's self-harm policy") give support. Plain TypeScript: no Bot Framework.
 */

/** Idioms that use the words of danger without meaning it. Removed before the risk check. */
const IDIOMS: RegExp[] = [
  /\b(?:is|are|was|were|it'?s|that'?s|they'?re|this|these|those|feet|back|head|legs|heat|wait|waiting|list|paperwork|volume|noise|job|work|school|college|exams?|homework|council|la)\s+(?:\w+\s+){0,3}killing (?:me|us|him|her|them)\b/g,
  /\b(?:is|are|'s|'re)\s+(?:literally\s+|actually\s+)?killing (?:me|us)\b/g,
  /\b(?:could|would|'d)\s+(?:kill|murder)\s+(?:for|a|an|some)\b/g,
  /\b(?:dying|died|dies|die)\s+(?:to|for|of (?:embarrassment|shame|laughter|boredom)|laughing|inside|a death)\b/g,
  /\bto die for\b/g,
  /\b(?:bored|scared|worried|frightened|sick|tired)\s+(?:\w+\s+)?to death\b/g,
  /\b(?:going to|will|'ll|gonna|would|'d)\s+kill (?:me|him|her|them|us)\s+(?:if|when|for|because)\b/g,
  /\b(?:mum|mom|dad|mam|nan|gran|teacher|senco|boss|sister|brother|wife|husband|partner)\s+(?:is\s+)?(?:going to|will|'ll|gonna|would)\s+kill\s+me\b/g,
  /\bkill(?:ing)?\s+time\b/g,
  /\b(?:she|he|they|you|mum|dad)'?d\s+kill\s+(?:me|us)\s+if\b/g,
  /\bdead\s+(?:tired|end|easy|good|keen|set|line|lines|simple|on|funny|boring|in the water)\b/g,
  /\bdeadline/g,
  /\bcut(?:s|ting)?\s+(?:back|down|out|off|short|corners|in|up|his hours|her hours|their hours|the hours|funding|support)\b/g,
  /\bjump(?:ed|ing)?\s+(?:at|through)\s+(?:the\s+)?(?:chance|hoops)\b/g,
  /\b(?:overdose|overdosed)\s+(?:on|of)\s+(?:homework|screen|screens|tv|sugar|caffeine|coffee|paperwork|meetings)\b/g,
  /\bshoot\s+me\b/g,
  /\b(?:the\s+)?death of me\b/g,
  /\b(?:going to|gonna|will|'ll|might)\s+die\s+(?:if|when|of|from)\s+(?:i|he|she|we|they|another|one more|this|the)\b(?!.*\b(?:myself|pills|tablets)\b)/g,
  /\b(?:my\s+)?life (?:is|will be) over (?:if|when)\b/g,
  /\bend of (?:my|the) (?:rope|tether)\b/g,
  /\bheart attack\b(?=.*(?:results|laugh|😂|joke))/g,
  /\bkilling it\b/g,
  /\bkiller (?:question|app|workload)\b/g,
  /\bdrop(?:ped)?\s+dead\s+(?:tired|gorgeous)\b/g,
];

/** People someone may say they will "be with" or "join" again: with a death told, that is urgent. */
const KIN = '(?:mum|mam|mom|dad|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|brother|sister|friend|cousin|auntie|uncle)';
/**
 * Not a grieving child's question: "he keeps asking if he'll see her again", "she asks when she
 * can be with grandad again" (a lookbehind, put before "join", "be with" or "see").
 */
const NOT_ASKED = "(?<!\\b(?:if|whether|when)\\s+(?:he|she|they|i|we|you)(?:'ll|\\s+will|'d|\\s+would|\\s+can|\\s+could|\\s+might)?\\s+(?:ever\\s+|get to\\s+)?)";
/** After "end it", "ending it all", "end everything": not a relationship or an arrangement ending ("end it with her friends", "ending it all with the council", "ending it at this school"). */
const NOT_ENDING_WITH = "(?!\\s+(?:all\\s+)?(?:with|between|at|there|here|early|for (?:him|her|them|us))\\b)";
/** A person (or the writer) as the one at risk. */
const SELF = "(?:myself|himself|herself|themselves|themself|my ?self|him ?self|her ?self)";
/** Injuries a child may have been given (abuse rules). */
const INJURY = String.raw`(?:bruis\w*|marks|burns?|welts?|cuts|black eye|injur\w*|hand ?prints?|finger ?marks)`;

interface RiskPattern {
  kind: UrgentKind;
  pattern: RegExp;
  /** Needed somewhere in the message as well (another sentence may say it), when the phrase alone is not enough. */
  context?: RegExp;
  /**
   * Joining someone who has died: the death is part of the risk, not a sign that the message is
   * about a loss in the past ("I'll be with my mum soon, she died last year"). Only words that
   * say it is over ("fine since") put it in the past.
   */
  aboutTheDead?: boolean;
}

/** Signs of risk now, each a whole phrase: single words like "die" alone never trigger. */
const RISK: RiskPattern[] = [
  // Suicidal thoughts and intent.
  { kind: 'suicidal', pattern: new RegExp(`\\bkill(?:ing|ed|s)?\\s+${SELF}`) },
  { kind: 'suicidal', pattern: /\bsuicidal\b/ },
  { kind: 'suicidal', pattern: /\b(?:thinking|thought|thoughts|think|thinks|talking|talks|talk|talked|planning|plan|plans|attempt|attempted|tried|going to|want to|wants to|commit|committing)\s+(?:about\s+|of\s+)?(?:a\s+)?suicide\b/ },
  { kind: 'suicidal', pattern: new RegExp(`\\b(?:end|ending|take|taking|ended|took|finish|finishing)\\s+(?:it all|it tonight|it today|it now|everything|(?:my|his|her|their|your)\\s+(?:own\\s+)?life)\\b${NOT_ENDING_WITH}`) },
  { kind: 'suicidal', pattern: new RegExp(`\\b(?:want|wants|wanted|wanting|planning|plan|plans|ready|decided)\\s+to\\s+(?:die|be dead|end it\\b${NOT_ENDING_WITH})\\b`) },
  { kind: 'suicidal', pattern: new RegExp(`\\bgoing to (?:end it\\b${NOT_ENDING_WITH}|be dead|end (?:my|his|her) life|do it tonight)\\b`) },
  { kind: 'suicidal', pattern: /\bwish(?:es|ed)?\s+(?:i|he|she|they)\s+(?:was|were|could be)\s+dead\b/ },
  { kind: 'suicidal', pattern: /\bwish(?:es|ed)?\s+(?:i|he|she|they)\s+(?:wasn'?t|weren'?t|was not|were not)\s+(?:alive|here|born|around)\b/ },
  { kind: 'suicidal', pattern: /\bwish(?:es|ed)?\s+(?:i|he|she|they)\s+(?:could\s+)?(?:just\s+)?(?:stop existing|disappear forever|not exist|never wake up|die|not wake up)\b/ },
  { kind: 'suicidal', pattern: /\bbetter off (?:dead|without (?:me|him|her|them))\b/ },
  { kind: 'suicidal', pattern: /\b(?:do not|don'?t|doesn'?t|does not|didn'?t|did not|no longer|not)\s+(?:really\s+)?want(?:ing)?\s+to\s+(?:be\s+)?(?:alive|live|living|be here|exist|wake up|be around|carry on|go on)\b/ },
  { kind: 'suicidal', pattern: /\b(?:hope|hoping|wish|wishing)\s+(?:i|he|she)\s+(?:don'?t|doesn'?t|do not|does not|won'?t|never)\s+wake up\b/ },
  { kind: 'suicidal', pattern: /\b(?:wouldn'?t|would not|won'?t|don'?t)\s+care if (?:i|he|she)\s+(?:didn'?t|did not|don'?t|never)\s+wake up\b/ },
  { kind: 'suicidal', pattern: /\bno (?:point|reason) (?:in\s+)?(?:living|being alive|being here|being around|carrying on|going on|to live)\b/ },
  { kind: 'suicidal', pattern: /\b(?:can'?t|cannot)\s+(?:go on|carry on)(?:\s+(?:living|any ?more|like this|with (?:life|living|it all|any of it)|much longer)\b|\s*(?:[.!?,;]|$))/ },
  { kind: 'suicidal', pattern: /\b(?:won'?t|will not|wont)\s+be\s+(?:around|here|a (?:problem|burden)(?: for [\w ]+)?)\s+(?:much|for much|any)\s+(?:longer|more)\b/ },
  { kind: 'suicidal', pattern: /\b(?:sleep|go to sleep|fall asleep)\s+(?:forever|and never wake up|and not wake up)\b/ },
  { kind: 'suicidal', pattern: /\b(?:jump|jumping|throw (?:myself|himself|herself))\s+(?:off|from|in front of|under)\s+(?:a|the|my)?\s?(?:bridge|building|roof|cliff|train|car|bus|lorry|balcony|multi[\s-]?storey|car park)\b/ },
  { kind: 'suicidal', pattern: /\b(?:step|stepping|walk|walking)\s+(?:in front of|into)\s+(?:a|the)\s+(?:train|bus|lorry|traffic|road|sea|river)\b/ },
  // Into traffic on purpose, or wanting to be hit ("ran into the road on purpose … wanted a car to hit him"): not a child with no sense of danger.
  { kind: 'suicidal', pattern: /\b(?:ran|run|runs|running|walked|walks|walking|stepped|steps|stepping|jumped|jumps|jumping|went)\s+(?:out\s+)?(?:into|in front of|onto)\s+(?:the|a)\s+(?:road|traffic|car|bus|lorry|train|tracks|railway)\b(?=.*\bon purpose\b)|\bon purpose\b.*\b(?:into|in front of|onto)\s+(?:the|a)\s+(?:road|traffic|car|bus|lorry|train|tracks)\b|\b(?:wants?|wanted|wanting|hoping|hoped|hopes)\s+(?:a|the)\s+(?:car|bus|lorry|train|van)\s+(?:to|would|will)\s+(?:hit|kill|run (?:him|her|me|them) over)\b/ },
  // "The voices tell him he should be dead", "I deserve to die".
  { kind: 'suicidal', pattern: /\b(?:i|he|she|they)\s+(?:should|deserves?|deserved|ought)\s+(?:to\s+)?(?:be dead|die|not be (?:alive|here|born))\b/ },
  { kind: 'suicidal', pattern: /\bwants? (?:it all|everything|all of it|it) to (?:stop|end) (?:for good|forever|permanently)\b|\bwants? (?:it all|everything) to (?:stop|end)\b/ },
  { kind: 'suicidal', pattern: /\bwon'?t be needing (?:it|them|that|any of (?:it|this|them))\b|\bwon'?t be (?:here|around) (?:for|by|next|at|to see)\b/ },
  { kind: 'suicidal', pattern: new RegExp(`\\b(?:i'?ll|i will|going to|want to|just want to|wish i could|soon i'?ll)\\s+be with (?:my |our )?(?:${KIN}|him|her|them)\\b(?:\\s+(?:soon|again|in heaven|up there))?(?=.*\\b(?:died|passed|lost|gone|death|funeral|heaven|miss)\\b)|\\b(?:died|passed|lost|funeral)\\b.*\\b(?:i'?ll|i will|going to|want to|just want to|wish i could)\\s+be with (?:her|him|them|my \\w+)\\b`), aboutTheDead: true },
  // Euphemisms of dying (a person saying they will not be here, or wanting to stop existing).
  { kind: 'suicidal', pattern: /\b(?:tired of|sick of|done with|finished with|had enough of|fed up of)\s+(?:being\s+)?(?:life|living|existing|alive|here|breathing|being alive|being here)\b/ },
  { kind: 'suicidal', pattern: /\b(?:everyone|everybody|they|my family|you all|you'?d all|the world|my (?:mum|mam|dad|parents|kids|family|friends))\s+(?:would|'d|will|wud)\s+be\s+(?:happier|better|fine|relieved|okay|ok|better off)\s+(?:if i (?:was|were|wasn'?t|weren'?t|died|left for good|disappeared|was gone)|without me|when i'?m gone|once i'?m gone)\b/ },
  { kind: 'suicidal', pattern: /\b(?:nobody|no one|no-one|noone)\s+(?:would|will|'d|wud)\s+(?:even\s+|really\s+)?(?:(?:notice|care|miss me|mind)\s+if\s+i\s+(?:was(?:n'?t| not)? (?:here|gone|dead|around)|died|disappeared|was gone|stopped existing|ended it|killed)|miss me)\b/ },
  { kind: 'suicidal', pattern: /\b(?:rather|prefer to)\s+(?:be dead|die|not be (?:here|alive)|not exist)\b/ },
  // "Tonight's the night" said from a bridge, a railway, a roof or with a goodbye; not a party, a show or a match.
  { kind: 'suicidal', pattern: /\b(?:tonight|today)(?:'s| is)\s+the\s+(?:night|day)\b/, context: /\b(?:bridge|railway|train tracks|the tracks|rail line|roof|cliff|multi-?storey|car park roof|motorway|goodbye|bye everyone|end it|pills|rope|jump|video of (?:himself|herself|themselves)|last (?:message|post|video))\b/ },
  // Wanting to stop existing, in any register ("lowkey just wanna stop existing"); not a policy or a problem that should stop existing.
  { kind: 'suicidal', pattern: /(?:^|\b(?:i|he|she|they|me)\s+)(?:[\w']+\s+){0,2}?(?:wanna|want(?:s|ed)?\s+to|need(?:s)?\s+to|(?:would|'d)\s+like\s+to|going\s+to|gonna|tryna)\s+(?:just\s+)?(?:stop|cease)\s+existing\b/ },
  // Thinking of letting go or falling from a height; the one thing that stops me.
  { kind: 'suicidal', pattern: /\b(?:thinking|thought|think|thinks)\s+(?:about|of)\s+(?:just\s+)?(?:letting (?:go|myself fall|myself drop)|falling|throwing myself|tipping (?:myself )?over)\b(?!\s+(?:of|behind|back|asleep|in love|out|off)\b)/, context: /\b(?:top of|edge of|stairs|stairwell|balcony|bridge|roof|window|ledge|cliff|railings?)\b/ },
  { kind: 'suicidal', pattern: /\bthe only (?:thing|reason|one|person)s?\s+(?:stopping|holding)\s+me\s+(?:back\s+)?(?:is|are|was)\b|\bthe only (?:thing|reason|one|person)s?\s+keeping\s+me\s+(?:alive|here)\b/ },
  // Young people's words for it ("thinking about ctb", "self-delete"), and the courage "to do it".
  { kind: 'suicidal', pattern: /\b(?:thinking (?:about|of)|thought (?:about|of)|want(?:s|ing)? to|going to|plan(?:ning)? to|might|ready to|about to)\s+(?:just\s+)?(?:ctb|self[- ]?delet\w*)\b(?!\s+(?:my|the|his|her|their|old|all|some|these|those|that|this|emails?|messages?|posts?|photos?|pics|files?|accounts?|apps?|data)\b)|\bctb\b(?=.*\b(?:tonight|today|right now|soon|plan\w*|ready|thinking|want)\b)/ },
  { kind: 'suicidal', pattern: /\b(?:courage|nerve|guts|bottle|strength)\s+to\s+(?:just\s+|finally\s+)?(?:do it|go through with it|end it|finish it)\s*(?:[.!?;]|$|now|tonight|today|this time)/ },
  // Not expecting to be alive for something ahead ("I don't think I'll be here for the meeting"),
  // and being a weight to be freed from ("I want everyone to be free of me").
  { kind: 'suicidal', pattern: /\b(?:don'?t|do not|doubt)\s+(?:think\s+)?(?:i|he|she)(?:'?ll| will)\s+(?:still\s+)?be\s+(?:here|around|alive)\s+(?:for|by|at|to see|next|much longer|any ?more|in)\b/ },
  { kind: 'suicidal', pattern: /\b(?:be|being|set (?:them|everyone|you|you all|my family))\s+(?:all\s+)?free of me\b|\b(?:would|'d|will)\s+(?:finally\s+)?be rid of me\b/ },
  // Staff shorthand: "active SI", "SI with a plan", "suicidal ideation with intent".
  { kind: 'suicidal', pattern: /\bactive\s+(?:si|suicidal ideation|suicidal thoughts)\b|\b(?:si|suicidal ideation|suicidal thoughts)\s+with\s+(?:a\s+)?(?:plan|intent|means)\b/ },
  // Said alone: "what's the point of anything", "I can't do this any more", "I don't think I can
  // keep myself safe" ("nobody would miss me" and "I can't go on." are with their longer forms above).
  // Warning signs said plainly: no way out, no future, no point in living, thinking of jumping.
  { kind: 'suicidal', pattern: /\b(?:there'?s|there is|is)\s+no way out\s*(?:[.!?,;]|$|for me|of (?:this|it|here))|\bno way out (?:for me|of this (?:life|pain))\b/ },
  { kind: 'suicidal', pattern: /\b(?:can'?t|cannot|don'?t|do not)\s+see\s+(?:a|any)\s+future\s+(?:for (?:me|myself))?\s*(?:[.!?,;]|$|any ?more)|\bno future for me\b/ },
  { kind: 'suicidal', pattern: /\b(?:can'?t|cannot|don'?t|doesn'?t|do not|does not)\s+see\s+(?:the|any)\s+point\s+(?:in|of)\s+(?:living|life|being alive|being here|going on|carrying on|anything)\b/ },
  { kind: 'suicidal', pattern: /\b(?:thinking|thought|think|thinks)\s+(?:about|of)\s+jumping\s*(?:[.!?,;]|$|off|from|in front)/ },
  { kind: 'suicidal', pattern: /\bwants?\s+to\s+not\s+(?:exist|be alive|be here|wake up)\b|\bwants?\s+not\s+to\s+(?:exist|be alive|be here|wake up)\b/ },
  { kind: 'suicidal', pattern: /\bhad enough of (?:everything|everyone and everything)\s*(?:[.!?,;]|$)/ },
  { kind: 'suicidal', pattern: /\b(?:there'?s|there is|is there|what'?s|what is)\s+(?:no|the|any)?\s*point\s+(?:to|in|of)\s+(?:anything|me|going on|carrying on|living|life|being here|being alive)\b|\b(?:there'?s|there is|what'?s|what is)\s+(?:no|the)\s+point\s+(?:to|in|of)\s+(?:any of it|it all)\s*(?:[.!?;]|$)/ },
  { kind: 'suicidal', pattern: /\bi\s+(?:just\s+)?(?:can'?t|cannot)\s+do this any ?more\b/ },
  { kind: 'suicidal', pattern: /\b(?:can'?t|cannot|unable to|not able to|don'?t think (?:i|he|she) can|don'?t know if (?:i|he|she) can|not sure (?:i|he|she) can)\s+keep (?:myself|himself|herself|themselves|me) safe\b/ },
  { kind: 'suicidal', pattern: /\b(?:disappear|vanish)\s+(?:for good|forever|permanently|and never (?:come back|be (?:found|seen)))\b/ },
  { kind: 'suicidal', pattern: /\b(?:not|won'?t|will not)\s+(?:going to\s+|planning on\s+|planning to\s+)?(?:be|being)\s+(?:here|around|alive)\s+(?:anymore|any more|much longer|for long|by (?:then|christmas|next|the|my|his|her)|for (?:christmas|my birthday|his birthday|her birthday|the holidays|results day))\b/ },
  { kind: 'suicidal', pattern: /\b(?:check(?:ing)? out|log(?:ging)? off|sign(?:ing)? off)\s+(?:for good|permanently|forever|of life)\b/ },
  { kind: 'suicidal', pattern: /\b(?:end|ending|finish|finishing)\s+(?:things|myself|himself|herself|me off|him off|her off)\b(?!\s+with)|\bfinish (?:myself|himself|herself) off\b/ },
  { kind: 'suicidal', pattern: /\b(?:want|wants|wanted|going|go|ready)\s+to\s+(?:go\s+)?(?:to|up to)\s+heaven\b/ },
  { kind: 'suicidal', pattern: new RegExp(`${NOT_ASKED}\\b(?:join|be with|see)\\s+(?:her|him|them|my (?:\\w+\\s+){0,2}${KIN})\\s+(?:again|soon|up there|in heaven)\\b(?=.*\\b(?:died|passed|gone|heaven|funeral|lost|death|dead)\\b)`), aboutTheDead: true },
  // (The death may be told in another sentence: "He wrote 'I'll be with mum soon'. His mum died in May." Across sentences only a death counts: "his dad has gone to work abroad" does not.)
  { kind: 'suicidal', pattern: new RegExp(`${NOT_ASKED}\\b(?:(?:join|be with)\\s+(?:her|him|them|(?:my |his |her )?(?:\\w+\\s+){0,2}${KIN})|see\\s+(?:her|him|them|my (?:\\w+\\s+){0,2}${KIN}))\\s+(?:again|soon|up there|in heaven)\\b`), context: /\b(?:died|passed (?:away|on)|heaven|funeral|death|dead|grave|bereave\w*)\b/, aboutTheDead: true },
  { kind: 'suicidal', pattern: /\b(?:died|passed away|funeral|lost (?:my|our))\b.*\b(?:go and join|want to join|going to join|join (?:her|him|them) (?:soon|now))\b/, aboutTheDead: true },
  // Told of someone else: "he keeps saying he wants to be with his grandad who died".
  { kind: 'suicidal', pattern: new RegExp(`${NOT_ASKED}\\b(?:wants?|wanted|wanting|wishes|wished|longs?|longing|going|ready)\\s+to\\s+(?:go and\\s+)?(?:be with|join)\\s+(?:my |our |his |her |their )?(?:${KIN}|him|her|them)\\s+(?:who|that|since (?:he|she|they))\\s+(?:has\\s+|had\\s+|have\\s+)?(?:died|passed)\\b`), aboutTheDead: true },
  // Not going to wake up, said of oneself or told of a child ("he's not going to wake up one day soon and that's fine with him"); not a sleepy child ("won't wake up soon enough for the bus").
  { kind: 'suicidal', pattern: /\b(?:i'?m|i am|he'?s|he is|she'?s|she is|they'?re|they are)\s+(?:just\s+)?(?:not going to|not gonna|never going to)\s+wake up\s+(?:one day|some day|soon|tomorrow|again|any ?more)\b(?!\s+enough)/ },
  // A plan told as how and when ("I've worked out how and when I'm going to do it"); not a plan to tell a child about a diagnosis.
  { kind: 'plan-means', pattern: /\b(?:worked out|figured out|planned|decided|knows?|sorted out|chosen|picked)\s+(?:exactly\s+)?(?:how\s+and\s+when|when\s+and\s+how|where\s+and\s+when|when\s+and\s+where)\s+(?:i'?m|i am|i'?ll|i will|he'?s|he is|she'?s|she is|he'?ll|she'?ll)\s+(?:going to\s+|gonna\s+)?(?:do it|end it|go through with it)\b/ },
  { kind: 'suicidal', pattern: /\b(?:go|going|went) to sleep and (?:never|not) (?:wake up|come back|be here|be around|exist)\b|\blong sleep and not (?:wake|come back)\b/ },
  // Plans and means.
  { kind: 'suicidal', pattern: new RegExp(`\\b(?:thinking|thought|thoughts|think|thinks|talking|talked|talks|planning|plans?|going to|wants? to|wanted to)\\s+(?:about\\s+|of\\s+)?(?:ending|end) it\\b${NOT_ENDING_WITH}`) },
  // A parent who says she will drive off the road with the children in the car ("she'll drive the car off the road with both boys in it"): not a near miss ("I nearly drove off the road").
  { kind: 'carer-crisis', pattern: /\b(?:i|she|he|mum|mam|dad)(?:'ll|'d|\s+will|\s+would|(?:\s+(?:is|was|am)|'m|'s)\s+(?:going to|gonna|thinking (?:of|about))|\s+gonna|\s+wants? to|\s+wanted to|\s+threaten(?:s|ed)? to|\s+might|\s+could|\s+(?:feel|feels|felt) like)\s+(?:just\s+)?(?:drive|driving|crash|crashing|steer|steering|swerve|swerving)\s+(?:the\s+|my\s+|her\s+|his\s+)?(?:car\s+)?(?:off|into)\s+(?:the|a)\s+(?:road|bridge|wall|tree|river|canal|cliff|motorway|lorry|sea|quarry|reservoir|lake)\b/, context: /\b(?:kids|children|boys|girls|baby|both of them|little ones|him|her|them)\s+(?:in (?:it|the car|the back)|with (?:me|her|him))\b|\bwith (?:the|both|my|her|his|all)\s+(?:\w+\s+)?(?:kids|children|boys|girls|baby)\b/ },
  { kind: 'suicidal', pattern: /\b(?:feel like|felt like|want to|wanted to|going to|gonna|i'll|i will|thought about|thinking about|tempted to)\s+(?:just\s+)?(?:driving|drive|crashing|crash|steering|steer|swerving|swerve)\s+(?:the car\s+)?(?:into|off)\s+(?:a|the)\s+(?:wall|tree|bridge|lorry|motorway|road|cliff|river)\b/ },
  // Wanting to disappear, with nobody to care: "I just want to disappear, nobody would care".
  { kind: 'suicidal', pattern: /\b(?:want|wants|wanted|wish|wishes|wished)\s+(?:to|i could|he could|she could)\s+(?:just\s+)?disappear\b/, context: /\b(?:nobody|no one|no-one|noone)(?:\s+[\w']+){0,3}?\s+(?:would|will|wud|'d)\s+(?:even\s+)?(?:care|notice|miss)\b/ },
  // Up on the roof of a school or a tall building.
  { kind: 'plan-means', pattern: /\b(?:on|onto|on to|up on|climbed on(?:to)?|standing on|sitting on)\s+(?:the\s+)?(?:roof|rooftop)\s+of\s+(?:the\s+|a\s+)?(?:school|[\w-]+\s+(?:block|building|hall)|building|flats|tower|multi[\s-]?storey|car park|hospital|shopping centre|college)\b|\b(?:on|onto|up on)\s+(?:the\s+)?(?:school|sports hall|science block|flats|tower block|multi[\s-]?storey|car park|college) roof\b/ },
  { kind: 'plan-means', pattern: /\b(?:saving|saved|saving up|stockpil\w*|hoard\w*|collect\w*|hiding|hidden|stash\w*)\s+(?:up\s+)?(?:my\s+|his\s+|her\s+|all\s+)?(?:[\w']+\s+){0,2}(?:pills|tablets|meds|medication|paracetamol|painkillers)\b/ },
  // A car's exhaust as the means: the engine running in a closed garage, a hose from the exhaust.
  { kind: 'plan-means', pattern: /\b(?:engine|car|motor)\s+(?:running|on|ticking over)\b.{0,40}\b(?:in the garage|garage door|in a closed|door(?:s)? shut|hose|pipe)\b|\b(?:in the garage|garage door (?:shut|closed|down))\b.{0,40}\b(?:engine|car|motor)\s+(?:running|on)\b|\bhose(?:pipe)?\s+(?:from|to|into|on)\s+(?:the\s+)?(?:exhaust|car)\b/ },
  // Pills someone has been keeping: "the tablets she's been saving 'for when it gets too much'".
  { kind: 'plan-means', pattern: /\b(?:pills|tablets|meds|medication|paracetamol)\s+(?:she|he|they|i)(?:'s|'ve| has| have)?\s+(?:been\s+)?(?:saving|saved|keeping|kept|hiding|hidden|collecting|collected|stashing|stashed|hoarding|hoarded)\b/ },
  { kind: 'plan-means', pattern: /\b(?:got|have|bought|found)\s+(?:the|my|enough)\s+(?:pills|tablets|rope)\b.*\b(?:tonight|today|tomorrow|ready|now|weekend)\b/ },
  { kind: 'plan-means', pattern: /\b(?:pills|tablets)\s+(?:are\s+)?ready\b/ },
  { kind: 'plan-means', pattern: /\b(?:how|ways) to (?:kill (?:yourself|myself)|die|overdose|end (?:it|your life))\b/ },
  { kind: 'plan-means', pattern: /\bhow many\b[\w\s']{0,40}\b(?:would|to)\s+(?:kill|be (?:fatal|an overdose|lethal)|overdose)\b/ },
  { kind: 'plan-means', pattern: /\b(?:lethal|fatal)\s+(?:dose|amount)\b/ },
  { kind: 'plan-means', pattern: /\bhow long (?:does it take|it takes|would it take|will it take) to die\b|\b(?:fastest|quickest|easiest|painless(?:ly)?|least painful|best)\s+ways?\s+to\s+(?:die|end it|kill|go)\b|\b(?:die|end it) without (?:any )?pain\b/ },
  { kind: 'plan-means', pattern: /\b(?:i'?m|i am|she'?s|he'?s|she is|he is|they'?re|(?:my|our) (?:son|daughter|child|boy|girl|friend|mate|brother|sister|partner|mum|dad) is)\s+(?:\w+\s+)?(?:on|at|up on|standing on|sat on|sitting on|stood on|stood at|standing at|by)\s+(?:the\s+)?(?:edge of the|top of the)?\s?(?:roof|rooftop|bridge|cliff|cliffs|train tracks|railway|railway line|tracks|ledge|edge)\b(?!\s+(?:of (?:a|the) (?:breakdown|meltdown|tears)|club))/ },
  // A day set for it, in a message that names a means or a place ("been looking at the bridge
  // every day this week. think friday is the day"): a plan with a time. The day alone ("friday
  // is the day of his review", "monday is the day his TA starts") is not.
  {
    kind: 'plan-means',
    pattern:
      /\b(?:today|tonight|tomorrow(?: night)?|(?:this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night)?|this weekend|my birthday|the end of (?:term|the week))\s+(?:is|will be|'s|is going to be|is gonna be)\s+(?:the|my)\s+(?:day|night|time)\b(?!\s+(?:of|for|when|that|we|they|you|he|she|his|her|our|their|the|a|at|in|on|to|off|after|before)\b)|\b(?:i'?ve|i have|i'?m|i am)\s+(?:picked|chosen|set|decided on|sorted|got)\s+(?:a|the|my)\s+(?:date|day|time)\b(?!\s+(?:for|of|to|with|off)\b)/,
    context: /\b(?:bridge|railway|train tracks|tracks|(?:in front of|under) (?:a|the) (?:train|bus|lorry|car)|cliffs?|roof|rooftop|ledge|multi[- ]?stor(?:e)?y|top of the car park|pills|tablets|paracetamol|meds|rope|noose|do it|go through with it|end it|goodbye|won'?t be (?:here|around))\b/,
  },
  // Goodbyes.
  { kind: 'farewell', pattern: /\bsuicide\s+(?:note|letter|message)s?\b|\bgoodbye\s+(?:note|letter|message|text|post|video|card)s?\b(?!.*\b(?:moving|leaving|nursery|colleagues|retir\w*|end of (?:the )?(?:year|term)|last day|(?:year|yr) (?:6|11|13)|(?:to|for) (?:his|her|their|the|my|our|all (?:his|her|the|their)) (?:teachers?|class|classmates|tutors?|tas?|friends|school|year group))\b)/ },
  // Goodbye to everyone, as a last word: "goodbye everyone, it's been real", "bye world".
  // Passwords handed over, with what to tell the family.
  { kind: 'farewell', pattern: /\b(?:given|gave|giving|told|sent|written down|wrote down|write down)\s+(?:[\w']+\s+){0,3}all (?:of )?my passwords\b/ },
  // A young person writing a will ("wrote my will today, i'm 16. just in case").
  { kind: 'farewell', pattern: /\b(?:wrote|written|writing|made|done|finished)\s+(?:out\s+|up\s+)?my (?:own\s+)?will\b/, context: /\b(?:i'?m|i am|im)\s+1[0-9]\b|\bjust in case\b|\bat my age\b/ },
  { kind: 'farewell', pattern: /\b(?:goodbye|bye|farewell)\s+(?:everyone|everybody|all|you all|world|cruel world)\b(?=.*\b(?:it'?s been real|been real|love you all|nice knowing|last time|forever|for ever|for good|sorry for|won'?t be)\b)|\b(?:goodbye|bye) (?:cruel )?world\b/ },
  // A child arranging who has their pet if they were not here.
  { kind: 'farewell', pattern: /\b(?:who|someone)\s+(?:would|will|'?ll|could|can)\s+(?:have|look after|take|feed|care for|keep)\s+(?:my|her|his|their)\s+(?:cat|dog|rabbit|hamster|guinea pig|snake|fish|pets?|horse|pony|bird|budgie|tortoise|gecko|lizard|kitten|puppy)\b.*\b(?:if|when|after)\s+(?:i|she|he|they)\s*(?:'?m|'?s|was|were|am|is|are)?\s*(?:n'?t|not)?\s*(?:here|around|gone|dead|no longer here)\b/ },
  // Giving belongings away, a last night or day: goodbyes without the word.
  { kind: 'farewell', pattern: /\bgiv(?:ing|en|e|es)\s+(?:all\s+)?(?:my|his|her|their)\s+(?:things|stuff|belongings|possessions|games|clothes|prized \w+|favourite \w+)\s+away\b|\bgiv(?:ing|en|e|es)\s+away\s+(?:all\s+)?(?:my|his|her|their)\s+(?:things|stuff|belongings|possessions|games|clothes|prized \w+|favourite \w+)\b/ },
  { kind: 'farewell', pattern: /\b(?:tonight|today|this)\s+(?:would|will|is going to|'?ll)\s+be\s+(?:my|his|her|their)\s+last\s+(?:night|day)\b|\b(?:my|his|her)\s+last\s+(?:night|day)\s+(?:alive|on earth|ever)\b/ },
  // "She said sorry for everything and goodbye": a goodbye with an apology for everything.
  { kind: 'farewell', pattern: /\bsorry for everything(?=\s*(?:[.,!;]|and\b|$))(?=.*\b(?:goodbye|bye|love you|take care|farewell)\b)(?!.*\bbye for now\b)|\b(?:goodbye|bye|farewell)\b(?!\s+for now).*\bsorry for everything\s*(?:[.,!;]|$)/ },
  { kind: 'farewell', pattern: /\b(?:when|by the time|if) you(?:'re| are)? read(?:ing)? this\b|\bdon'?t (?:open|read) (?:it|this|them|the letter) (?:until|till)\b/ },
  { kind: 'farewell', pattern: /\bthis is goodbye\b|\b(?:saying|said|say|sayin)\s+(?:my|our|his|her) goodbyes\b|\b(?:saying|said|say|sayin) goodbye (?:to (?:everyone|everybody|you all|all of you|the world)|for (?:the last time|good|ever))\b(?!.*\b(?:school|class|teachers?|moving|leaving|nursery|holiday|colleagues|retir\w*|primary|year 6)\b)|\bit was nice knowing (?:you|everyone)\b|\b(?:my|this is my|his|her)\s+last\s+(?:message|post|text|goodbye)\b/ },
  { kind: 'farewell', pattern: /\bwho (?:gets|should (?:get|have)|will (?:get|have)|can have)\s+(?:all\s+)?(?:my|his|her) (?:stuff|things|belongings|games|clothes|pets?)\b|\b(?:give|leave|leaving)\s+(?:all\s+)?my (?:stuff|things|belongings)\s+to\b|\bi'?m leaving (?:you|him|her) my\b/ },
  { kind: 'farewell', pattern: /\b(?:giv(?:e|es|en|ing)|gave)\s+(?:away\s+)?(?:all\s+)?(?:his|her|my|their)\s+(?:\w+\s+){0,2}(?:things|stuff|belongings|possessions|games|console|xbox|playstation|clothes|jewellery|hoodie|books|pets?|cat|dog)\b(?=.*\b(?:won'?t (?:need|be needing)|no reason|for no|remember me|when i'?m gone|after i'?m gone|favourite|precious|goodbye|said bye|not coming back|anymore|any more)\b)|\b(?:has|have|'s|'ve)\s+given\s+away\s+(?:all\s+)?(?:his|her|my|their)\s+(?:favourite|best|precious|special)\b/ },
  { kind: 'farewell', pattern: /\b(?:look after|take care of|feed|walk)\s+(?:my|her|his)\s+(?:\w+\s+)?(?:\w+)\s+(?:for me\s+)?(?:when i'?m gone|after i'?m gone|after (?:today|tonight)|once i'?m gone|(?:because|as|since|cos) i won'?t be|i won'?t be able to|,? i won'?t be (?:here|around|able))\b|\bwon'?t (?:need|be needing) (?:it|them|these|those|my \w+|his \w+|her \w+)\s+(?:any ?more|where i'?m going|after (?:tonight|today|this))\b/ },
  { kind: 'farewell', pattern: /\b(?:not|isn'?t|wasn'?t)\s+(?:your|our|anyone'?s|her|his|their)\s+fault\b(?=.*\b(?:note|letter|card|message|read this|goodbye|sorry|love you|love us|i'?m gone|when i'?m)\b)|\b(?:note|letter|card|message)\b.*\b(?:not (?:your|our) fault|don'?t blame (?:yourselves|yourself|us)|shouldn'?t blame ourselves|sorry for everything|loves? us)\b/ },
  { kind: 'farewell', pattern: /\b(?:to (?:be )?open(?:ed)? (?:later|after|when))\b/ },
  // Letters to be opened on a day soon, when the writer is gone ("they can open them on monday when i'm not around any more").
  { kind: 'farewell', pattern: /\bopen\s+(?:it|them|these|this|those|the (?:letters?|notes?|envelopes?|cards?|box))\s+(?:on\s+|after\s+|by\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the weekend|this weekend|in the morning)\b/, context: /\b(?:when|once|after)\s+(?:i'?m|i am|i'?ve)\s+(?:not (?:here|around|alive)|gone|no longer (?:here|around)|dead)\b/ },
  { kind: 'farewell', pattern: /\bsee (?:you|u|ya|you all|u all|everyone) (?:all )?(?:on the other side|in the next life|in another life)\b(?!\s+of\b)/ },
  { kind: 'farewell', pattern: /\b(?:written|wrote|writing|left)\s+(?:goodbye\s+)?(?:letters|notes)\s+(?:to|for)\s+(?:everyone|everybody|all of (?:you|them|us)|both of (?:them|us)|each of (?:them|you|us)|my (?:family|mum|dad|kids|children|boys|girls|friends))\b/ },
  { kind: 'farewell', pattern: /\b(?:giv(?:en|ing)|gave)\s+(?:away\s+)?(?:all\s+)?(?:his|her|my|their)\s+(?:\w+\s+){0,2}(?:things|stuff|belongings|possessions|games|xbox|clothes|pets?|cat|dog)\s+(?:away\s+)?(?:to|and)\b.*\b(?:goodbye|bye|letter|note|sorted)\b/ },
  // Self-harm now.
  { kind: 'self-harm', pattern: new RegExp(`\\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|burnt|burned|scratch|scratching|hit|hitting|punch|punching|starve|starving)\\s+${SELF}`) },
  { kind: 'self-harm', pattern: /\bself-harm(?:ing|ed|s)?\b(?=.*\b(?:right now|tonight|today|again|just|this (?:morning|evening|afternoon)|bleeding|stitches|deep|can'?t stop|won'?t stop|urge)\b)/ },
  // Keeping wounds open: "picking at the cuts so they don't heal".
  { kind: 'self-harm', pattern: /\b(?:pick(?:s|ing|ed)?|scratch(?:es|ing|ed)?|reopen(?:s|ing|ed)?|open(?:s|ing|ed)? up)\s+(?:at\s+)?(?:the|my|his|her|their)\s+(?:cuts|wounds|scars|stitches|scabs)\b(?=.*\b(?:(?:don'?t|won'?t|doesn'?t|never|can'?t) heal|bleed\w*|again|on purpose|keep them open|so they)\b)/ },
  { kind: 'self-harm', pattern: /\b(?:right now|tonight|today|again|just)\b.*\bself-harm(?:ing|ed|s)?\b/ },
  // Burning the skin with a lighter or a cigarette, or burning it all night and unable to stop (not a hand burnt on a glue gun).
  { kind: 'self-harm', pattern: /\bburning\s+(?:my|his|her|their)\s+(?:own\s+)?(?:arms?|wrists?|legs?|skin|thighs?|stomach|hands?|fingers?)\b(?=.*\b(?:lighter|cigarettes?|lit match(?:es)?|hot (?:knife|spoon|coin|metal)|(?:can'?t|cannot|won'?t) (?:make (?:myself|herself|himself|themselves) )?stop|all night|every night|on purpose|urges?)\b)|\b(?:burnt|burned|burns)\s+(?:my|his|her|their)\s+(?:own\s+)?(?:arms?|wrists?|legs?|skin|thighs?|stomach|hands?|fingers?)\s+with\s+(?:a|the|my|his|her|their)\s+(?:lighter|cigarette|lit match|hot (?:knife|spoon|coin|metal))\b/ },
  { kind: 'self-harm', pattern: /\bcutting\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|skin|thighs?|stomach)\b/ },
  // "I've started cutting again", "she can't stop cutting": cutting with nothing cut named is self-harm.
  { kind: 'self-harm', pattern: /\b(?:(?:i'?ve|i have|i'?m|i am|she'?s|she has|she is|he'?s|he has|he is|they'?ve|they are|(?:has|have) been|been|started|begun|began|keeps?|can'?t stop|cannot stop|won'?t stop)\s+)+cutting(?:\s+(?:again|myself|herself|himself|themselves))?(?=\s*(?:$|[.,;!?]|and\b|n\b|&|again\b|because\b|cos\b|when\b|at night\b|every\b))/ },
  // Scratching or carving the skin with something sharp, or till it bleeds (not eczema, not a fall: the means must be told).
  { kind: 'self-harm', pattern: /\b(?:scratch(?:es|ed|ing)?|scrap(?:e|es|ed|ing)|carv(?:e|es|ed|ing)|slash(?:es|ed|ing)?)\s+(?:at\s+|into\s+)?(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|skin|thighs?|stomach)\b(?=.*\b(?:compass|blade|razor|sharpener|knife|scissors|glass|pin|needle|ruler|broken|sharp|(?:until|till|til) (?:it|they) (?:bleeds?|bled))\b)/ },
  // Carving or cutting into the skin ("i carved his name into my leg with a compass"), or marking it with a blade.
  { kind: 'self-harm', pattern: /\b(?:carv\w*|etch\w*|cut|cuts|cutting|scor(?:e|es|ed|ing))\s+(?:[\w']+\s+){0,4}(?:into|in)\s+(?:my|his|her|their)\s+(?:own\s+)?(?:arms?|legs?|wrists?|thighs?|skin|stomach|tummy|hands?|body|chest)\b|\b(?:scratch\w*|writ\w*|wrote|carv\w*|mark\w*)\s+(?:[\w']+\s+){0,4}(?:into|in|on)\s+(?:my|his|her|their)\s+(?:own\s+)?(?:arms?|legs?|wrists?|thighs?|skin|stomach|hands?|body)\s+with\s+(?:a|the|my|his|her)\s+(?:compass|blade|razor|knife|pin|needle|sharpener|scissors|glass)\b/ },
  // Hurting the hands on a wall till they bleed or swell, or as a punishment he says he deserves.
  { kind: 'self-harm', pattern: /\b(?:punch\w*|hit(?:s|ting)?|slam\w*|bang\w*|smash\w*)\s+(?:[\w']+\s+){0,3}(?:walls?|doors?|floors?)\b(?=.*\b(?:(?:till|until|til) (?:his|her|my|their|the) (?:hands?|knuckles?|fists?) (?:bleed|bled|swell|swells|swelled|swollen|break|broke|crack|bruise)\w*|deserves? it|punish\w*)\b)/ },
  { kind: 'self-harm', pattern: /\b(?:urge|urges)\s+to\s+(?:cut|self-harm|burn|hurt)\b/ },
  { kind: 'self-harm', pattern: /\b(?:can'?t|cannot|won'?t|will not)\s+stop\s+(?:the\s+)?bleeding\b/ },
  { kind: 'self-harm', pattern: /\b(?:fresh|new|deep)\s+(?:cuts|wounds|burns|scratches)\b/ },
  // Overdose and poisoning.
  // Tablets lined up or counted out, with despair ("had the pills lined up on the table for an hour, can't do this anymore"); not a week's doses set out in a box.
  { kind: 'overdose', pattern: /\b(?:pills|tablets|paracetamol|painkillers|meds|medication)\s+(?:all\s+)?(?:lined up|counted out|laid out|in a pile|in front of (?:me|him|her))\b/, context: /\b(?:can'?t (?:do this|go on|cope|take (?:it|any more|anymore))|anymore|any more|had enough|end it|goodbye|no point|better off|for an hour|tonight)\b/ },
  { kind: 'overdose', pattern: /\boverdos(?:e|ed|es|ing)\b/ },
  // "Taken all of her sertraline": all of a named medicine (ending as medicine names do).
  { kind: 'overdose', pattern: /\b(?:taken|took|swallowed|downed|necked)\s+(?:all|the whole (?:packet|box|bottle|strip)|a whole (?:packet|box|bottle|strip)|loads|a load)\s+(?:of\s+)?(?:(?:her|his|my|their|the)\s+)?(?:her|his|my|their|the|(?:mum|mam|mom|dad|nan|gran|grandad|grandma|brother|sister|parents)'?s?'?)\s+(?:[\w-]+(?:ine|ol|am|pam|one|ide|ate|xetine|zole|pine|done|lin|in)|antidepressants|meds|medicine|insulin|melatonin|sleeping tablets)\b/ },
  { kind: 'overdose', pattern: /\b(?:taken|took|swallowed|swallow|take|taking|had|downed|necked)\s+(?:like\s+|about\s+|around\s+)?(?:[\w']+\s+){0,2}(?:\d+|load|loads|lot|lots|too many|packet|packets|box|boxes|bottle|handful|all|whole|strip|twenty|thirty|fifty)\s+(?:of\s+)?(?:[\w']+\s+){0,3}(?:pills|tablets|paracetamol|medication|meds|painkillers|ibuprofen|sleeping pills)\b/ },
  // Something swallowed from where the cleaning things or medicines are kept.
  { kind: 'overdose', pattern: /\b(?:swallowed|drank|drunk|drinking|ate|eaten)\s+(?:something|some(?:thing)? stuff|some of the \w+|stuff)\s+(?:from|out of)\s+(?:under the sink|the (?:cupboard under the sink|cleaning cupboard|shed|garage|medicine (?:cabinet|cupboard|box)|bathroom cabinet|first aid (?:box|kit)))\b/ },
  { kind: 'overdose', pattern: /\b(?:swallowed|drank|drunk|drinking|ate|eaten|bit into|bitten|licked)\s+(?:some\s+|a\s+|the\s+)?(?:bleach|button battery|battery|batteries|laundry (?:pod|capsule|tablet)|washing (?:pod|capsule|tablet)|dishwasher tablet|detergent|disinfectant|weed ?killer|antifreeze|magnets?)\b/ },
  { kind: 'overdose', pattern: /\b(?:button battery|laundry pod|washing capsule)\b/ },
  // Ligature and strangulation.
  // (Not checking a room or training staff for ligature points: "a session on checking the unit for ligature points".)
  { kind: 'ligature', pattern: /\b(?:noose|strangl\w*)\b|\bligatures?\b(?!\s+(?:points?|risks?|audits?|assessments?|anchor points?|cutters?|free|polic(?:y|ies)|training|checks?)\b)|\bligature\s+(?:points?|risks?|audits?|assessments?|anchor points?|cutters?|free|polic(?:y|ies)|training|checks?)\b(?=.*\b(?:tonight|today|right now|just now|again|tried to|trying to|round (?:his|her|their|my) neck)\b)|\b(?:used|using|uses|tied|tying|ties)\b.{0,60}\bas\s+a\s+ligature\b/ },
  // Out on a roof or a ledge and not coming in.
  { kind: 'plan-means', pattern: /\b(?:on|onto|up on|out on)\s+(?:the|a|our|his|her)\s+(?:roof|ledge|window ?ledge|windowsill|balcony (?:edge|railings?))\b(?=.*\b(?:won'?t come (?:in|down|back)|refus\w* to come|not coming (?:in|down)|standing|sitting on the edge|edge)\b)|\bclimbed out (?:of )?(?:the|his|her|a) window\b(?=.*\b(?:roof|ledge|won'?t come)\b)/ },
  // A knot that will not slip, or a cord or belt hidden away with talk of knots or necks.
  { kind: 'ligature', pattern: /\b(?:tie|tying|tied|make|making|made)\s+(?:a\s+)?(?:knot|loop)\s+(?:that|which)?\s*(?:wouldn'?t|won'?t|doesn'?t|didn'?t|will not|would not)\s+(?:slip|give|loosen)\b(?!.*\b(?:laces?|shoelaces|shoes?|trainers|scouts?|sailing|boat|bracelet|tent)\b)/ },
  { kind: 'ligature', pattern: /\b(?:belt|cord|rope|scarf|dressing gown cord|lead|cable|tie)\s+(?:hidden|stashed|tucked|tied)\s+(?:under|in|behind|to|round|around)\b/, context: /\b(?:knot|loop|neck|hang\w*|strong enough|hold (?:his|her|my) weight)\b/ },
  { kind: 'ligature', pattern: /\b(?:plastic |carrier |shopping |bin )?bag (?:over|on|round|around) (?:my|his|her|their) (?:own )?(?:head|face)\b/ },
  // Testing a fixing that could take a weight: "looking at the banister and asking how strong it is".
  { kind: 'ligature', pattern: /\b(?:banisters?|bannisters?|beams?|rails?|hooks?|loft hatch|door ?frames?|curtain poles?|pull-?up bar|light fittings?)\b.*\b(?:how strong|strong enough to (?:hold|take) (?:me|him|her|them|a person|my|his|her|their)|hold (?:my|his|her|their|a person'?s) weight|take (?:my|his|her|their) weight|hold me|(?:would|could|will|can) (?:hold|take)\s*(?:[.!?,;]|$|me\b|him\b|her\b|a person|(?:my|his|her|their) weight))|\b(?:what|how much)\s+(?:the|a|that|this|our)\s+(?:banister|bannister|beam|rail|hook|loft hatch|door ?frame|curtain pole|light fitting)\s+(?:would|could|will|can)\s+(?:hold|take)\b|\bhow strong\b.*\b(?:banisters?|bannisters?|beams?|rails?|hooks?|loft hatch|door ?frames?|curtain poles?|light fittings?)\b/ },
  { kind: 'ligature', pattern: new RegExp(`\\b(?:hang|hanging|hanged|hung)\\s+${SELF}`) },
  { kind: 'ligature', pattern: /\b(?:tried|trying|try|attempt\w*)\s+to\s+hang\b/ },
  { kind: 'ligature', pattern: /\b(?:round|around)\s+(?:my|his|her|their)\s+(?:own\s+)?(?:neck|throat)\b/ },
  { kind: 'ligature', pattern: /\b(?:blackout|black out|pass ?out|passing out|choking|fainting)\s+(?:challenge|game)\b/ },
  // Missing.
  { kind: 'missing', pattern: /\b(?:is|has gone|gone|went|been|reported|now|still|child|pupil|daughter|son|boy|girl)\s+missing\b(?!\s+(?:school|lessons?|class|out|work|days|the bus|registration|a lot|homework|from (?:lessons?|class|school|the (?:plan|report|ehcp|form))|section|a |an |the |some|part|pages?|information|evidence|his |her |their |my ))/ },
  { kind: 'missing', pattern: /\b(?:ran|run|running|wandered|bolted|gone|went|slipped|walked)\s+off\b(?=.*\b(?:can'?t find|cannot find|looking for|searched|searching|lost|not back|isn'?t back|hasn'?t come back|an hour|hours|dark|road|police|nowhere)\b)|\b(?:i'?ve|we'?ve|i have|we have|just)\s+lost\s+(?:my|our)\s+(?:son|daughter|child|boy|girl|little one)\s+(?:at|in)\s+the\b|\b(?:don'?t|do not|doesn'?t|does not)\s+know where (?:she|he|they|my \w+|our \w+) (?:is|are|has gone|went)(?:\s*$|\s*[.,!?]|\s+(?:and|now|right now|tonight))/ },
  { kind: 'missing', pattern: /\b(?:hasn'?t|has not|didn'?t|did not|never)\s+(?:come|came|got|get|arrived?)\s+(?:back\s+)?home\b/ },
  // Gone out of the house and out of reach ("he walked out the house at 6 this morning and he's not answering his phone, it's getting dark"); not back since.
  { kind: 'missing', pattern: /\b(?:walked|stormed|ran|run|went|gone|got|snuck|sneaked|slipped|left)\s+(?:out\s+(?:of\s+)?)?(?:the\s+)?(?:house|home|flat|front door|back door)\b(?!.{0,60}\b(?:came|come|got|is|was|he'?s|she'?s|they'?re)\s+back\b)/, context: /\b(?:not|isn'?t|won'?t|wont|hasn'?t been|has not been|stopped)\s+(?:answering|picking up|replying to)\s+(?:his|her|their|my|the|any)?\s*(?:phone|mobile|calls?|texts?|messages?)\b|\bphone(?:'s| is)?\s+(?:off|dead|going (?:straight )?to voicemail|straight to voicemail)\b(?!\s+(?:during|in|at|when|while|for)\b)|\b(?:getting|gone|it'?s|now) dark\b|\b(?:doesn'?t|does not|don'?t) know (?:the|this) area\b|\bcan'?t (?:reach|get hold of) (?:him|her|them)\b/ },
  // Not seen since a time ("a pupil on a CP plan hasn't been seen since friday"); not seen by a professional.
  { kind: 'missing', pattern: /\b(?:hasn'?t|has not|haven'?t|have not|nobody has|no one has|no-one has)\s+(?:been\s+)?seen\s+(?:(?:him|her|them)\s+)?(?:in school\s+|at school\s+|at home\s+)?since\s+(?!(?:year|yr|reception|nursery|primary|the (?:assessment|review|appointment))\b)(?:(?:last|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|this morning|the weekend|\d{1,2}(?::\d\d)?\s*(?:am|pm|o'?clock)?)\b(?!.{0,40}\bby (?:the|a|an|his|her|their|any)?\s?(?:ed(?:ucational)? psych\w*|paediatrician|doctor|gp|therapist|speech|camhs|specialist|consultant|nurse|senco|social worker)\b)/ },
  // Nobody has heard from a child since earlier today, or a child not where they said they'd be.
  { kind: 'missing', pattern: /\b(?:nobody|no one|no-one|none of us|we|i)\s+(?:has|have|'ve|haven'?t|hasn'?t)\s+(?:not\s+)?heard (?:from|anything from) (?:her|him|them)\s+(?:since\s+(?:lunch|lunchtime|breakfast|this morning|last night|school|break|yesterday|\d{1,2}(?::\d\d)?\s*(?:am|pm|o'?clock)?)|for (?:hours|\d+ hours|a few hours))\b|\bnot where (?:she|he|they) said (?:she|he|they)(?:'?d| would| was| were) be\b|\b(?:isn'?t|wasn'?t|is not|was not)\s+at (?:her|his|their) [\w']+ where (?:she|he|they) said\b/ },
  // A child who should have been back a while ago ("he was meant to be back from the shop an hour ago"); not a bus or a taxi.
  { kind: 'missing', pattern: /\b(?:he|she|they|my (?:son|daughter|child|boy|girl|kid|brother|sister|grandson|granddaughter))(?:'s| is| was| were)?\s+(?:meant|supposed|due|expected)\s+(?:to be\s+)?(?:back|home)\b.{0,40}?\b(?:an?|one|two|three|four|\d+)\s+(?:hours?|hrs?|minutes?|mins?)\s+ago\b|\b(?:he|she|they)\s+should(?:'ve| have)\s+been\s+(?:back|home)\s+(?:an?|one|two|three|four|\d+)\s+(?:hours?|hrs?|minutes?|mins?)\s+ago\b/ },
  // "She has been gone since 4": away for hours, not on a trip or at the other parent's.
  { kind: 'missing', pattern: /(?<!\b(?:funding|money|support|help|ta|tas|teacher|senco|plan|it|that|this|budget|hours|provision|therapist|worker|assistant|head|service|place|offer)\s*)\b(?:has|have|'s|'ve|he'?s|she'?s)\s+been\s+gone\s+(?:since (?:\d{1,2}(?::\d\d)?(?:\s*(?:am|pm|o'?clock))?\b|this morning|last night|lunch(?:time)?|yesterday|after school|school|breakfast|tea ?time|dinner|the (?:morning|afternoon|evening)|midnight|noon|home time|(?:he|she|they) (?:got up|left))|for (?:hours|\d+ hours|the whole (?:day|night)|ages|over an hour|more than an hour|two hours|three hours))\b(?!.*\b(?:trip|holiday|residential|camp|dad'?s|mum'?s|grandparents|nan'?s|respite|hospital|work)\b)/ },
  // Not where they should be: "isn't anywhere on the school site", "didn't come out of school".
  { kind: 'missing', pattern: /\b(?:isn'?t|is not|aren'?t|are not|not)\s+anywhere\s+(?:on|in|at|around)\s+(?:the\s+)?(?:school|site|grounds|building|house|home|park|playground|street|village|town|shops?|centre|field|woods|beach)\b|\b(?:isn'?t|is not|not)\s+(?:on|in)\s+(?:the\s+)?(?:school\s+)?(?:site|grounds)\s*(?:[.!?,;]|$|and|anymore|any more)|\b(?:didn'?t|did not|never)\s+come out (?:of|at) (?:school|class|the (?:gates?|school|classroom|club))\b(?!\s+(?:with|in|wearing|happy|upset|crying|smiling|until|till|for)\b)/ },
  // Gone from the people looking after them: "slipped away from us at the beach".
  // (Not inside school or as a habit: "she ran away from the TA in the playground".)
  { kind: 'missing', pattern: /\b(?:slipped|wandered|ran|run|bolted|walked|gone|got)\s+(?:away|off)\s+from\s+(?:us|me|the (?:group|class|staff|ta|teachers?)|(?:his|her|their) (?:ta|teachers?|group|class|carer|escort|mum|dad|parents?))\b(?!.*\b(?:playground|classroom|hall|corridor|school field|in class|in (?:the )?lessons?|assembly|a lot|often|always|sometimes|every (?:day|time|week))\b)/ },
  { kind: 'missing', pattern: /\b(?:ran|run|running)\s+away\b(?!\s+from\s+(?!home|care|us|me|the (?:unit|home|children'?s home|foster))(?:the|a|an|his|her|my|\w+ing)\b)/ },
  // (Not running from a lesson as a habit, or a policy: "he absconds from class a lot", "our absconding policy".)
  { kind: 'missing', pattern: /\babscond(?:ed|s|ing|er)?\b(?<!\b(?:keeps?|tends? to|often|sometimes|always|usually|regularly)\s+abscond\w*)(?!.*\b(?:a lot|often|always|sometimes|regularly|every (?:day|time|week)|from (?:class|lessons?|the classroom|the room)|polic(?:y|ies)|plan|risk assessment|procedure)\b)/ },
  { kind: 'missing', pattern: /\b(?:left|walked out of|got out of|ran out of|escaped from|slipped out of)\s+(?:the\s+)?(?:school\s+)?(?:site|grounds|building|gates?)\b(?=.*\b(?:can'?t find|not (?:been )?(?:seen|found)|no one knows|nobody knows|missing|police|road|canal|river)\b)/ },
  { kind: 'missing', pattern: /\b(?:can'?t|cannot|can not)\s+find\s+(?:him|her|them|my (?:son|daughter|child|boy|girl))\b/ },
  { kind: 'missing', pattern: /\bnot coming (?:back|home)\b/ },
  // Not home since a day or for days ("YP, 17, not been home since Friday per mum"); not the writer, and not a stay somewhere known (a residential, respite, a parent's, hospital, university).
  { kind: 'missing', pattern: /(?<!\b(?:i|we|i'?ve|we'?ve|i have|we have)\s+(?:not\s+)?)\b(?:hasn'?t|has not|hasnt|haven'?t|have not|not)\s+been\s+(?:back\s+)?home\s+(?:since|for|in|all)\b(?!.{0,80}\b(?:residential|school trip|camp|respite|short break|hospital|ward|boarding|uni|university|foster|(?:his|her|their) (?:dad|mum|mam|nan|gran|grandparents?|father|mother|aunt|auntie|uncle)'?s?)\b)/ },
  // Gone since a time of day and out of reach ("gone since 4pm, not answering, took nothing"); not support or funding gone since September.
  { kind: 'missing', pattern: /\b(?:he|she|they|he'?s|she'?s|they'?ve|son|daughter|dd|ds|dc|child|boy|girl|kid|brother|sister)\s+(?:[\w']+\s+){0,3}?gone\s+since\s+(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|o'?clock)|(?:half|quarter past|quarter to|ten past|twenty past)\s+\d{1,2}|\d{1,2}:\d\d|this morning|last night|lunch(?:time)?|breakfast|tea ?time|after school)\b/, context: /\b(?:not|isn'?t|won'?t|wont|hasn'?t been|stopped)\s+(?:answering|picking up|replying)\b|\bphone(?:'s| is)?\s+(?:off|dead|going to voicemail)\b|\bpolice\b|\btook nothing\b|\b(?:can'?t|cannot)\s+(?:find|reach|get hold of)\b/ },
  { kind: 'missing', pattern: /\b(?:no ?one|nobody|no-one)\s+knows where (?:he|she|they) (?:is|are|has gone|went)\b/ },
  { kind: 'missing', pattern: /\bmissing (?:since|for (?:\d+|an?|over|hours|two|three)|from (?:home|care|school|the unit))\b/ },
  { kind: 'missing', pattern: /\b(?:didn'?t|did not|never|hasn'?t|has not|not)\s+(?:come|came|been)\s+back\b/ },
  { kind: 'missing', pattern: /\bdon'?t (?:come )?look(?:ing)? for me\b/ },
  // Danger from another person.
  { kind: 'danger-from-other', pattern: /\b(?:going to|threaten\w*(?: to)?|says (?:he|she|they)'?(?:s|ll| will| are| is)(?: going to)?|said (?:he|she|they)'?d|said (?:he|she|they) would|will|'ll)\s+(?:kill|stab|hurt|strangle|beat|batter|attack|shoot)\s+(?:me|us|him|her|them|my)\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:in|into)\s+(?:immediate|serious)\s+danger\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:knife|knives|gun|machete|weapon)\b(?=.*\b(?:threat|threaten|hurt|kill|stab|shouting|taking|in (?:his|her) hand|outside|reception|waving|now|playground|lockdown|at the (?:school )?gates?|on site|in (?:his|her|their) (?:bag|pocket|blazer|coat))\b)(?!.*\b(?:drill|practice|picture|drawing|drew|film|game)\b)/ },
  { kind: 'danger-from-other', pattern: /\b(?:someone|a man|a woman|a car|a guy|he|they)(?:'s|\s+is|\s+are)?\s+following\s+(?:me|us|him|her)\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:send|share|post|leak)\s+(?:my|the|her|his)?\s?(?:pics|photos|pictures|nudes|videos|images)\b.*\b(?:unless|if i don'?t|if she doesn'?t|if he doesn'?t|or else)\b/ },
  // The threat told the other way round: "if i tell anyone he'll post the pics of me".
  { kind: 'danger-from-other', pattern: /\bif (?:i|she|he|they) (?:tell|tells|told|say|says|stop|stops|don'?t|doesn'?t)\b.{0,80}\b(?:post|share|send|leak|put)\w*\s+(?:up\s+|out\s+|round\s+)?(?:(?:the|my|her|his|those|these|them|their)\s+)?(?:nudes\b|(?:private |naked |rude )?(?:pics|photos|pictures|videos|vids|images)\s+(?:of\s+(?:me|her|him|them)\b|(?:i|she|he|they)\s+(?:sent|took|made)\b))/ },
  // (Not the subject of training or a question about it: "staff training on county lines and CSE, any resources".)
  { kind: 'danger-from-other', pattern: /(?<!\b(?:training (?:on|about|in)|awareness (?:of|about)|signs of|spot(?:ting)?|recognis\w*|teach\w* (?:about|children about|pupils about)|what (?:is|are)|lessons? (?:on|about)|policy (?:on|for))\s+(?:\w+\s+){0,3})\b(?:sextort\w*|blackmail\w*|county lines|cuckoo\w*|groom(?:ed|ing))\b(?!.*\b(?:training|awareness|resources|polic(?:y|ies)|(?:recommended|good) (?:reading|websites?|courses?)|signs to look for)\b)/ },
  // Made to carry or sell for others (criminal exploitation): "being made to carry packages across town".
  { kind: 'danger-from-other', pattern: /\b(?:making|made|makes|forcing|forced|forces|being made|being forced|pressured)\s+(?:(?:him|her|me|them|my (?:son|daughter|boy|girl))\s+)?(?:to\s+)?(?:carry|deliver|hold|move|sell|stash|run)\s+(?:packages?|parcels?|drugs|a package|a bag|bags|stuff|weed|knives|things)\b/ },
  // Given a phone or money by older boys and running for them ("given a phone by older boys, now he's running errands for them after dark").
  { kind: 'danger-from-other', pattern: /\b(?:given|gave|giving|got|bought)\s+(?:(?:him|her|them|me)\s+)?(?:a\s+)?(?:new\s+)?(?:phone|burner|phones|trainers|cash|money)\s+(?:by|from)\s+(?:some\s+)?(?:older|grown|adult)\s+(?:boys|lads|kids|men|guys|people|teenagers)\b|\b(?:running|runs|run|doing)\s+(?:errands|jobs|deliveries)\s+for\s+(?:older|some older|grown|adult)\s+(?:boys|lads|kids|men|guys|people)\b/ },
  // A child with nowhere safe to sleep: thrown out, sleeping rough, nowhere to go tonight.
  { kind: 'danger-from-other', pattern: /\b(?:sleeps?|slept|sleeping)\s+(?:rough|in (?:the|a) (?:park|street|stairwell|bus shelter|shed|doorway)|on the streets?)\b|\bnowhere (?:to (?:sleep|stay|go)|safe to (?:sleep|stay|go))\s+(?:tonight|today|now)\b/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:throws?|threw|kicks?|kicked|locks?|locked|puts?|chucks?|chucked)\s+(?:him|her|them|me)\s+out\b(?!\s+of (?:class|lessons?|the (?:class|lesson|room|club|team)))(?=.*\b(?:drunk|at night|all night|sleeps?|slept|park|street|nowhere|outside|cold|dark)\b)/ },
  // Cash and new things from nowhere, out at night (criminal exploitation).
  { kind: 'danger-from-other', pattern: /\b(?:coming|came|comes|come)\s+(?:back|home)\s+with\s+(?:cash|money|wads of cash|new (?:trainers|clothes|phones?)|a new phone|expensive)\b(?!.{0,30}\b(?:from (?:his|her|their|my) (?:dad|mum|mam|nan|nana|gran|granny|grandad|grandma|grandpa|aunt\w*|uncle|brother|sister|cousin|family|birthday)|for (?:his|her|their) birthday)\b)/, context: /\b(?:won'?t say|will not say|refuses to say|doesn'?t say|won'?t tell|going out at night|out at night|out late|knife|older (?:boys|lads|men)|drugs)\b/ },
  // Men calling for a young person at night, or gifts she will not explain (exploitation): "men are turning up at her flat late at night", "a new phone and trainers and won't say who by".
  { kind: 'danger-from-other', pattern: /\b(?:older\s+|grown\s+|adult\s+|strange\s+|different\s+|random\s+)?(?:men|man|lads|guys|blokes|adults|strangers|older boys)\s+(?:are\s+|is\s+|keep\s+|keeps\s+|have been\s+|has been\s+|been\s+|kept\s+)?(?:turning up|turn up|coming round|calling round|hanging (?:around|round)|waiting|picking (?:her|him|them) up|collecting (?:her|him|them))\s+(?:at|to|outside|near|by|round|from)\s+(?:her|his|their|the)\s+(?:flat|house|home|placement|accommodation|room|hostel|door|school|college)\b/, context: /\b(?:at night|late at night|in the night|after dark|late in the evening|won'?t say|will not say|refuses to say|new phone|gifts|money|cash|drugs|alcohol|going missing|stopped going)\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:new|expensive|designer)\s+(?:phones?|trainers|clothes|jewellery|jacket|coat|bag|money|cash)\b.{0,80}\b(?:won'?t|will not|wont|doesn'?t|does not|refuses to|refused to|can'?t)\s+(?:say|tell (?:me|us|anyone|staff))\s+(?:who|where)\b/, context: /\b(?:men|older|night|missing|stopped going|drugs|cash|money|out late)\b/ },
  // An adult partner of a child under 16.
  { kind: 'abuse-disclosure', pattern: /\b(?:1[89]|[2-9]\d)[- ](?:year[- ]old|yr[- ]old|yo)\s+(?:boyfriend|girlfriend|partner|man|bloke|lover)\b/, context: /\b(?:year (?:[5-9]|10)|y(?:[5-9]|10)|yr (?:[5-9]|10)|1[0-5][- ](?:year[- ]old|yr[- ]old|yo)|(?:she|he)(?:'s| is) 1[0-5]|aged 1[0-5]|my 1[0-5])\b/ },
  // Someone barred from contact meeting or messaging a child ("her birth dad has been meeting her after school, he's not allowed contact").
  { kind: 'danger-from-other', pattern: /\b(?:meeting|meets|met|seeing|sees|saw|messaging|messages|texting|texts|contacting|turned up|turning up|picking (?:her|him|them) up|picked (?:her|him|them) up|waiting for (?:her|him|them))\b/, context: /\b(?:(?:is|isn'?t|is not|not)\s+allowed\s+(?:any\s+)?contact|no[- ]contact order|non[- ]?molestation order|restraining order|(?:not|isn'?t|is not) supposed to (?:see|contact|have contact with|be near) (?:her|him|them))\b/ },
  // A parent with no right to, taking a child from school ("my ex has turned up and is trying to take my son").
  { kind: 'danger-from-other', pattern: /\b(?:trying|tried|threatening|threatened|going|wants?)\s+to\s+(?:take|snatch|grab|abduct)\s+(?:my|our|the)\s+(?:son|daughter|child|kids|children|boy|girl|little one)\b(?!\s+(?:out of (?:lessons?|class|pe|assembly|the (?:lesson|class))|to (?:the )?(?:toilet|nurse|office|hall|library|trip)|on (?:a|the) trip|swimming))/, context: /\b(?:my ex|ex-?(?:husband|partner|wife|boyfriend|girlfriend)|turned up|won'?t stop|without (?:my )?(?:permission|consent)|court order|not allowed|no contact|police|abduct\w*)\b/ },
  // An adult from a game or an app arranging to meet a child soon, or in secret ("a grown man on roblox has told her to come and meet him at the station tonight"); not a meeting on a video call.
  { kind: 'danger-from-other', pattern: /\b(?:told|tells|asked|asks|wants|wanted|asking|arranged|arranging|planning|planned|agreed)\s+(?:her|him|them|me)?\s*(?:to\s+)?(?:come\s+(?:and\s+)?)?(?:meet|meeting)\s+(?:up\s+with\s+)?(?:him|her|them)\b(?!\s+(?:on|over|via)\s+(?:zoom|teams|meet|video|a (?:video )?call|facetime|the phone))(?=.*\b(?:tonight|today|tomorrow|this (?:evening|afternoon|weekend)|after school|at the (?:station|park|shops|bus station|shopping centre)|not to tell|don'?t tell|secret)\b)/, context: /\b(?:grown (?:man|woman)|adult|older (?:man|guy|bloke|lad|boy)|[2-9]\d[- ]?(?:year[- ]old|yo)|roblox|snapchat|discord|fortnite|minecraft|tiktok|instagram|met (?:him|her|them) online|online|on (?:a|an) (?:app|game))\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:meet|meeting)\s+(?:up with\s+)?(?:a|an|this|some)?\s?(?:man|guy|adult|older (?:man|boy|lad|guy)|stranger|'?friend'?|someone)\s+(?:she|he|they|i)\s+(?:met|found|talk(?:s|ed)? to)\s+online\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:hit|punched|kicked|beat|strangled|grabbed|attacked)\s+(?:me|her|him)\b.*\b(?:locked|won'?t let|can'?t get out|taken my phone|took (?:my|her|his) phone)\b/ },
  // A man or men offering children vapes, drugs, money or lifts, at the gates or in a car ("a man outside the gates offering our year 8s vapes and lifts"); not a school's own transport.
  { kind: 'danger-from-other', pattern: /\b(?:offer(?:s|ed|ing)?|giv(?:es|ing)|gave|handing out|hands out)\s+(?:\w+\s+){0,4}?(?:vapes?|lifts?|drugs|weed|cigarettes|fags|alcohol|money|cash|phones?|rides?)\b/, context: /\b(?:(?:a|an|this|some|the|older|strange|unknown)\s+(?:older\s+)?(?:man|men|bloke|blokes|guy|guys|lads?|stranger|strangers|adult|adults)|(?:older\s+)?(?:men|strangers|adults))\b(?=.*\b(?:car|van|gates?|outside|park|street|corner|got in|get in|kids|children|pupils|year \d+s?|girls|boys)\b)/ },
  // Seen getting into cars with older or unknown men, a sign of sexual or criminal exploitation; not a taxi with its escort or a named relative.
  { kind: 'danger-from-other', pattern: /\b(?:getting|got|gets|get|seen getting|been getting)\s+in(?:to)?\s+(?:cars?|vans?)\s+with\s+(?:(?:(?:some|these|those|different|random|unknown|strange|older|grown|adult)\s+)+(?:men|man|guys|blokes|lads|adults|strangers)|men|strangers|adults)\b/ },
  { kind: 'danger-from-other', pattern: /\b(?:scared|afraid|frightened)\s+(?:to go home|of what he'?ll do|of what she'?ll do|for my life)\b/ },
  { kind: 'danger-from-other', pattern: /\bhiding (?:in|under|from)\b.*\b(?:because (?:he|she|they)|he'?s|she'?s|they'?re|angry|drunk|violent)\b/ },
  // A child disclosing abuse that is going on.
  // (Not a parent telling of a child's meltdown: "she had a meltdown and hit me, how do I get help for her behaviour".)
  { kind: 'abuse-disclosure', pattern: /\b(?:hits|hit|hurts|beats|beat|kicks|slaps|punches|chokes|burns|whips|belts)\s+me\b(?<!\b(?:meltdowns?|tantrums?|dysregulat\w*|sensory overload|shutdowns?)\b.*)(?!.*\b(?:meltdowns?|tantrums?|dysregulat\w*|sensory overload|(?:his|her|their|challenging) behaviour)\b)/ },
  { kind: 'abuse-disclosure', pattern: /\btouch(?:es|ed|ing)\s+(?:me|him|her)\b(?!\s+(?:on the (?:arm|shoulder)|gently|(?:own\s+)?(?:lego|toys?|things|stuff|bag|phone|food|lunch|books?|work|pencils?|pens?|tablet|ipad|games?|drawings?|belongings|models?|collection|cards|plate|tray|desk|chair|coat|equipment|fidget|sensory)\b))/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:does|do|did|doing)\s+(?:stuff|things)\s+(?:to me|i don'?t like|that i don'?t like|she doesn'?t like|he doesn'?t like)\b/ },
  { kind: 'abuse-disclosure', pattern: /\bmakes? me (?:do (?:stuff|things|sexual)|touch|send (?:him|her) (?:pics|photos))\b/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:being|been|is being|am being|i'?m being)\s+(?:sexually\s+|physically\s+)?abused\b(?!\s+(?:in the past|years ago|when))/ },
  // Sexual assault or rape told of someone, by anyone, a peer too ("she's been sexually assaulted by an older student").
  { kind: 'abuse-disclosure', pattern: /\b(?:been|was|got|being|were|has been|have been)\s+(?:sexually\s+(?:assaulted|attacked|abused)|raped)\b(?!.*\b(?:(?:years|months|terms) ago|when (?:she|he|they|i) (?:was|were) (?:younger|little|small|\d+|in (?:year|primary)))\b)/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:abus\w+)\s+(?:me|her|him)\b(?=.*\b(?:still|every|now|again|tonight|weekend|keeps)\b)/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:doesn'?t|don'?t|won'?t|never)\s+(?:feed (?:me|her|him)\b|give (?:me|her|him) (?:any )?(?:food|anything to eat|meals?)\b)/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:haven'?t|hasn'?t|have not|has not)\s+(?:eaten|had anything to eat)(?:\s+or\s+(?:drunk|drank|had a drink))?(?:\s+anything)?\s+(?:since|for|in)\b/ },
  { kind: 'abuse-disclosure', pattern: /\blocks? (?:me|us) (?:out|in)\b|\bwon'?t let (?:me|us) eat\b|\bthrows? (?:things|stuff) at (?:me|us)\b|\b(?:gets|comes|came|got|coming|getting|keeps coming|keeps getting) (?:in|into) (?:my|our) (?:bed|room|bedroom|bath|bathroom|shower)\b(?=.*\b(?:at night|night|when|don'?t (?:feel safe|like)|scared|touch\w*|won'?t (?:leave|go)|lock|secret)\b)/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:disclosed|told (?:me|us|staff|her teacher|his teacher)|disclosure)\b(?!.*\bby (?:another|a|an|some|other|two|older|bigger)?\s?(?:boys?|girls?|child|children|pupils?|kids?|classmates?|students?|lads?|peers?)\b).*\b(?:abus\w*|hurts|hits|hit|hitting|beaten|beats|slapp\w*|punch\w*|kick\w*|touch\w*|sexual)\b/ },
  // Injuries a child may not explain ("burns on his hands and said he's not allowed to say how"); a
  // child pointing to their private parts when asked what hurts; being tied up.
  { kind: 'abuse-disclosure', pattern: new RegExp(`\\b${INJURY}\\b.*\\b(?:not allowed to|mustn'?t|must not|can'?t|won'?t|scared to|too scared to|frightened to)\\s+(?:say|tell|talk about|explain)\\b(?!\\s+(?:if|whether)\\b)`) },
  { kind: 'abuse-disclosure', pattern: /\b(?:point\w*|touch\w*|indicat\w*|show\w*|gestur\w*)\s+(?:to|at|towards)\s+(?:her|his|their|my)\s+(?:private parts|privates|bottom|genitals|vagina|penis|willy|front bottom|groin)\b(?=.*\b(?:hurts?|hurting|pain|sore|cry\w*|upset|scared|frightened|asked (?:what|where|who)|body chart|body map|when (?:it'?s|it is) time to go)\b)(?!.*\b(?:needs? (?:the|a) (?:toilet|loo|change|nappy)|wants? (?:the|a) (?:toilet|loo))\b)/ },
  // A parent silencing or pinning a child down ("our dad puts a hand over his mouth and holds him down when he screams"); not held still for a haircut or an injection, or a child covering his own mouth.
  { kind: 'abuse-disclosure', pattern: /\b(?:dad|daddy|father|step-?dad|step-?father|mum|mummy|mother|step-?mum|boyfriend|girlfriend|partner|uncle|aunt|auntie|brother|grandad|grandpa|nan|carer|teacher|ta|staff|man)(?:'s (?:boyfriend|girlfriend|partner))?\s+(?:puts?|putting|holds?|held|holding|presses|pressed|clamps?|clamped)\s+(?:a|his|her|their)\s+hands?\s+(?:over|on|across)\s+(?:my|his|her|their)\s+(?:mouth|face|nose|throat)\b|\b(?:dad|daddy|father|step-?dad|step-?father|mum|mummy|mother|step-?mum|boyfriend|girlfriend|partner|uncle|brother|grandad|carer|man)(?:'s (?:boyfriend|girlfriend|partner))?\s+(?:holds?|held|holding|pins?|pinned|pinning|sits?|sat|sitting|kneels?|knelt|kneeling)\s+(?:on\s+)?(?:me|him|her|them)\s+(?:down\b|on the (?:floor|ground|bed))(?!.*\b(?:so (?:i|we|she|he|the \w+) can|for (?:his|her|their|the)?\s*(?:injections?|jabs?|bloods?|blood tests?|hair ?cuts?|nails|teeth|eye drops|medicine|vaccin\w*|dentist|doctor|nurse))\b)/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:ties?|tied|tying)\s+(?:me|her|him|them)\s+(?:to (?:a|the|his|her) (?:chair|bed|radiator|table|post)|up)\b(?!\s+(?:her|his|my|their) (?:hair|laces|shoes))/ },
  // An adult at home making a child share his bed ("her stepdad makes her sleep in his bed when mum is on nights"); not a child who wants a parent there till he sleeps.
  { kind: 'abuse-disclosure', pattern: /\b(?:step-?dad|step-?father|uncle|lodger|grandad|grandpa|granddad|dad|father|cousin|(?:mum|mam|mom)'?s (?:boyfriend|partner|friend)|(?:dad|mum)'?s (?:girlfriend|partner|friend|mate)|boyfriend)\s+(?:makes?|made|making|forces?|forced|tells?|told)\s+(?:her|him|them|me)\s+(?:to\s+)?(?:sleep|get|lie|stay)\s+(?:in|into|on)\s+(?:his|her|their)\s+bed\b(?!.{0,30}\b(?:until|till|til) (?:he|she|they) (?:falls?|fell|goes|go) (?:asleep|to sleep)\b)/ },
  // Cigarette burns on a child.
  { kind: 'abuse-disclosure', pattern: /\bcigarette burns?\b/ },
  // An injury and fear of a family member: "a black eye, and he flinched when I asked about his dad".
  { kind: 'abuse-disclosure', pattern: new RegExp(`\\b(?:${INJURY}|bloody nose|split lip)\\b.{0,100}?\\b(?:flinch\\w*|froze|freezes|went (?:quiet|silent|pale|white)|(?:got|looked|seemed|was|is) (?:scared|frightened|terrified))\\b.{0,50}?\\b(?:dad|daddy|mum|mummy|mam|step-?\\w+|uncle|boyfriend|partner|home|carer)\\b`) },
  // Hit at home, or with something ("i get hit with a belt at home"); not a ball in PE or other children.
  { kind: 'abuse-disclosure', pattern: /\b(?:get|gets|got|getting|been getting)\s+(?:hit|beaten|belted|whipped|smacked|slapped|punched|kicked|thumped|strapped)\b(?=.*\b(?:at home|with (?:a|the|his|her|my) (?:belt|slipper|wooden spoon|spoon|stick|cane|cable|wire|lead|shoe|hairbrush)|by (?:my|his|her|their) (?:dad|mum|mam|stepdad|step-dad|stepmum|step-mum|mum'?s boyfriend|dad'?s girlfriend|parents?|carer|uncle|auntie|nan|grandad|brother|sister))\b)/ },
  // A threat to stop a child telling ("if i tell anyone what he does he'll hurt my little sister").
  { kind: 'abuse-disclosure', pattern: /\bif (?:i|she|he|they|we) (?:tell|tells|told|say|says|said)\s+(?:anyone|anybody|someone|somebody|my mum|mum|my dad|dad|a teacher|the teacher|you|the police|social services)\b.{0,60}\b(?:hurt|harm|kill|hit|beat|batter|kick (?:me|us|her|him) out|take (?:me|us|her|him|my \w+) away|send (?:me|us|her|him) away)\b/ },
  // An adult asking a child for pictures of themselves.
  { kind: 'abuse-disclosure', pattern: /\b(?:asked|asking|asks|told|tells|wants|wanted|pressur\w*|making|made|keeps asking|kept asking)\s+(?:him|her|them|me)\s+(?:to\s+)?(?:send|share)\s+(?:(?:more|some|rude|naked|private)\s+)?(?:pictures|pics|photos|images|videos|nudes|selfies)\s+of\s+(?:himself|herself|themselves|myself|his body|her body|my body)\b(?!.{0,30}\b(?:yearbook|passport|id card|pass|profile|leavers)\b)/ },
  // Made to do things a child does not like, somewhere out of sight ("his brother's friend makes him do things in the shed").
  { kind: 'abuse-disclosure', pattern: /\b(?:makes?|made|making|forces?|forced)\s+(?:him|her|them)\s+do\s+(?:stuff|things|sexual things|sex stuff)\b(?!\s+(?:like|such as|for)\b)/, context: /\b(?:don'?t|doesn'?t|does not|didn'?t|did not) like (?:it|them|him|her)\b|\bin the (?:shed|bedroom|bathroom|car|garage|tent|woods|dark)\b|\bsecrets?\b|\btouch\w*\b|\b(?:scared|frightened)\b|\bhurts?\b/ },
  // Secrets an adult asks a child to keep ("the coach messages her late at night and told her not to tell me").
  { kind: 'abuse-disclosure', pattern: /\b(?:told|tells|telling|asked|asks|makes|made|making)\s+(?:her|him|them|me)\s+(?:not to tell|(?:to\s+)?keep (?:it |this |that |everything )?(?:a |our |their )?(?:little )?secrets?)\b/, context: /\b(?:uncle|coach|man|men|stepdad|step-dad|boyfriend|neighbour|older|adult|lodger|friend of|mum'?s friend|dad'?s friend|money|gifts?|presents?|late at night|at night|online|snapchat|instagram|insta|whatsapp|photos?|pics)\b/ },
  // Injuries a child puts down to a family member: "bruises on his neck, he says his dad grabbed him".
  { kind: 'abuse-disclosure', pattern: new RegExp(`\\b(?:${INJURY}|bloody nose|split lip)\\b.*\\b(?:says|said|told (?:me|us|staff|the \\w+))\\b.*\\b(?:dad|daddy|mum|mummy|step-?\\w+|uncle|boyfriend|partner|brother|grandad|nan|carer|miss|sir|(?:the |her |his |a )?(?:teacher|ta|teaching assistant|driver|escort|coach|staff))\\b.*\\b(?:did (?:it|that|them)|grabbed|hit|hits|kicked|punched|slapped|burnt|burned|hurt|squeezed|strangled|choked|threw|pinched|pulled|dragged)\\b`) },
  // Told of a child: "she is being hit at home", "he gets beaten by his stepdad".
  // Home itself not safe ("he's not safe at home", "i don't feel safe at home"); not a child
  // who is unsafe left on his own ("not safe at home alone, he climbs") or a house being adapted.
  { kind: 'abuse-disclosure', pattern: /\b(?:not|isn'?t|aren'?t|never|don'?t|doesn'?t|do not|does not|no longer|won'?t be)\s+(?:feel(?:s|ing)?\s+)?safe\s+(?:at home|to go home|going home|in (?:my|our|his|her|their|the) (?:house|home|flat)|with (?:my|his|her|their) (?:mum|mom|dad|step-?\w+|parents?|mum'?s \w+|dad'?s \w+|uncle|brother|family))\b(?!\s+(?:alone|on (?:his|her|their|my) own|unsupervised|without|until|because (?:he|she) (?:climbs|runs|wanders|bolts|escapes)))|\b(?:(?:my|our) )?home (?:isn'?t|is not|doesn'?t feel|does not feel|is no longer|never feels) safe\b(?!\s+(?:for|enough for)\b)/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:being|gets?|getting|keeps? getting)\s+(?:hit|beaten|slapped|punched|kicked|strangled|choked)\s+at home\b|\b(?:is|are|am|was|were|being|been|gets?|getting|got)\s+(?:hit|beaten|slapped|punched|kicked|strangled|choked|burnt|burned)\s+by (?:her|his|their|my|our) (?:mum|mom|dad|step-?\w+|parents?|mum'?s \w+|dad'?s \w+|carers?|uncle|auntie|aunt|brother|sister|grandad|grandpa|nan|gran)\b/ },
  { kind: 'abuse-disclosure', pattern: /\b(?:dad|daddy|father|step-?dad|step-?father|mum|mummy|mother|step-?mum|boyfriend|girlfriend|partner|uncle|aunt|auntie|brother|sister|cousin|grandad|grandpa|granddad|carer|teacher|coach|escort|driver|neighbour|babysitter|man|woman)(?:'s (?:boyfriend|girlfriend|partner|friend|brother|mate))?\s+(?:hits|hurts|beats|kicks|slaps|touches|punches|chokes|burns|is hurting|is hitting|is touching|has been (?:hitting|hurting|touching))\s+(?:her|him|them|me)\b/ },
  // A parent or carer at breaking point.
  { kind: 'carer-crisis', pattern: /\b(?:scared|afraid|frightened|terrified|worried)\s+(?:of\s+)?(?:what\s+)?i(?:'?ll|'?m going to| might| will| could)\s+(?:do|hurt|harm)\b/ },
  { kind: 'carer-crisis', pattern: /\b(?:i|she|he)\s+(?:shook|shake|smacked|hit|hurt)\s+(?:the baby|my baby|him|her)\s+(?:hard|earlier|again)\b/ },
  { kind: 'carer-crisis', pattern: /\b(?:take|taking|took)\s+(?:him|her|them|the (?:kids|children|boys|girls)|both of them|my (?:son|daughter|kids|children))\s+with\s+(?:me|her|him)\b/ },
  { kind: 'carer-crisis', pattern: /\b(?:hurt|harm|kill)\s+(?:my (?:son|daughter|child|kids|children|baby)|the (?:kids|children|baby))\b/ },
  { kind: 'carer-crisis', pattern: /\bdon'?t trust myself\b|\b(?:scared|afraid|frightened|terrified) of myself\b/ },
  // A parent who can no longer keep a child safe at home ("I can't keep him safe any more").
  { kind: 'carer-crisis', pattern: /\bi\s+(?:just\s+|really\s+)?(?:can'?t|cannot|can no longer)\s+keep\s+(?:him|her|them|my (?:son|daughter|child|boy|girl|kids|children)|the (?:kids|children))\s+safe\s*(?:any ?more|at home|now|[.!?,;]|$)/ },
  // A parent who cannot cope and has left, or is leaving, the children ("i've left the kids with a neighbour and i'm driving").
  { kind: 'carer-crisis', pattern: /\b(?:can'?t|cannot|can no longer)\s+cope(?:\s+any ?more\b|\s+with (?:any of )?(?:it|this|them|him|her) any ?more\b|\s*(?:[.,!;]|$))/, context: /\b(?:(?:i'?ve|i have|i) (?:just )?left (?:the|my) (?:kids|children|son|daughter|baby|boys|girls|little ones)\b(?!.{0,40}\bwhile\b)|i'?m (?:just )?driving|walked out|walking out|don'?t know where i'?m going|(?:i'?m|i am) leaving (?:them|him|her|the (?:kids|children))|leave (?:them|him|her|the (?:kids|children)) (?:for good|forever|and not come back))\b/ },
  // A parent who thinks the children would be better off raised by someone else.
  { kind: 'carer-crisis', pattern: /\b(?:kids|children|boys|girls|son|daughter|family|they|he|she)\s+(?:would|'d|will|wud)\s+be\s+better off\s+(?:with\s+(?:someone|somebody|anyone)\s+else\s+(?:raising|looking after|bringing|caring for|as (?:their|his|her) (?:mum|mom|mother|dad|father|parent))|with\s+(?:a\s+)?(?:different|another|better|new)\s+(?:mum|mom|mother|dad|father|parent|family)|without (?:me|us) (?:as (?:their|his|her) (?:mum|mom|mother|dad|father|parent))?)\b/ },
  // A medical emergency now.
  { kind: 'medical-emergency', pattern: /\b(?:seizure|seizures|fit|fits|fitting|seizing)\b.*\b(?:won'?t stop|not stopp\w*|hasn'?t stopped|still (?:going|fitting|seizing)|(?:over|more than|for) (?:5|five|\d{2}|ten|fifteen) (?:mins?|minutes)|\d+ mins?|first (?:ever|time)|never had one|without (?:coming round|waking))\b/ },
  { kind: 'medical-emergency', pattern: /\b(?:still|keeps?) (?:fitting|seizing)\b/ },
  // A seizure still going after some minutes ("it's been going 8 minutes"); not one that lasted minutes last year.
  { kind: 'medical-emergency', pattern: /\b(?:been going|still going|going on|gone on|lasting|carrying on)\s+(?:for\s+)?(?:about\s+|nearly\s+|over\s+|almost\s+|more than\s+)?(?:[4-9]|\d{2}|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s+(?:mins?|minutes)\b/, context: /\b(?:seizures?|seizing|fits?|fitting|convuls\w*|jerking)\b/ },
  // Rescue medicine given and the child still fitting or not come round ("we've given the buccal midaz and he still hasn't come round").
  { kind: 'medical-emergency', pattern: /\b(?:given|gave|had|administered|used)\s+(?:him|her|them\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:buccal|midaz\w*|rescue (?:med\w*|remedy)|emergency (?:med\w*|medication)|epi-?pen|glucagon)\b.*\b(?:still (?:hasn'?t|has not|not|isn'?t|is not|fitting|seizing|jerking|shaking|unconscious|not breathing)|(?:hasn'?t|has not|not|isn'?t|is not) (?:yet )?(?:come|coming) (?:round|around|to)\b(?!\s+(?:to|for|since|in)\b)|no (?:change|better|different))/ },
  { kind: 'medical-emergency', pattern: /\b(?:jerking|shaking|twitching|fitting|seizing)\b.{0,40}\bsince\s+(?:quarter|half|ten|twenty|five|\d{1,2}(?::\d\d)?)\s*(?:past|to|am|pm|o'?clock)?\b/, context: /\b(?:epilep\w*|seizures?|seizing|fits?|fitting|buccal|midaz\w*|floor|collapsed|unconscious|not (?:come|coming) round)\b/ },
  { kind: 'medical-emergency', pattern: /\b(?:having|had|has had) (?:a|his|her) first (?:ever )?(?:seizure|fit)\b/ },
  // An allergic reaction: a face, lips or throat swelling with a food, a sting or wheezing.
  { kind: 'medical-emergency', pattern: /\b(?:face|lips?|tongue|throat|eyes?|mouth)\s+(?:has\s+|have\s+|is\s+|are\s+|'s\s+)?(?:swollen|swelling|swelled|puffed|puffing|blown)\s+up\b(?!\s+(?:when|whenever|if|every time)\b)|\b(?:swollen|swelling|puffy)\s+(?:face|lips|tongue|throat)\b/, context: /\b(?:nuts?|peanuts?|allerg\w*|wheez\w*|breath\w*|epi-?pen|anaphyla\w*|ate|eaten|eating|sting|stung|rash|hives)\b/ },
  // A rash that does not fade under a glass (meningitis).
  { kind: 'medical-emergency', pattern: /\brash\b.{0,60}\b(?:doesn'?t|does not|won'?t|will not|didn'?t|did not|not|isn'?t)\s+(?:fade|fading|go away|disappear)\w*\s+(?:under|when (?:you|i|we) press|with)\s+(?:a|the)?\s*(?:glass|tumbler)\b|\bglass test\b.{0,40}\b(?:rash|spots)\b/ },
  // Floppy, grey or blue and not responding (not breathing is the rule below).
  { kind: 'medical-emergency', pattern: /\b(?:floppy|grey|gray|blue|limp|lifeless)\b.{0,40}\b(?:isn'?t|not|won'?t|stopped)\s+(?:responding|moving|waking)\b/ },
  // A little one dried out: sick or diarrhoea and not weeing, or sleepy.
  { kind: 'medical-emergency', pattern: /\b(?:not weeing|not peeing|no wet nappies|not had a wee|hasn'?t (?:had a wee|weed|peed|wee'?d))\b/, context: /\b(?:sick|vomit\w*|diarrh\w*|sleepy|drowsy|floppy|temperature|fever)\b/ },
  // A diabetic child confused or hard to wake (a severe hypo or high).
  { kind: 'medical-emergency', pattern: /(?<!\b(?:gets?|getting|goes|go|can be|becomes?|often|sometimes|usually|may be|might be|feel|feels)\s+(?:a bit\s+|very\s+|really\s+|quite\s+)?)\b(?:confused|not making (?:any )?sense|slurring|drowsy|floppy|unresponsive|won'?t wake|can'?t wake|not waking|passed out|collapsed)\b(?!\s+(?:about|by|with|over)\b)/, context: /\b(?:diabet\w*|type 1|type one|hypo\w*|blood sugars?|insulin)\b/ },
  { kind: 'medical-emergency', pattern: /\b(?:not|isn'?t|stopped|isnt|is not|can'?t|struggling to|difficulty|trouble)\s+(?:breathing|breathe)\b/ },
  // (Not a school, a council or a person not answering: "the school is not responding to my emails".)
  { kind: 'medical-emergency', pattern: /(?<!\b(?:school|schools|council|la|senco|sendco|college|office|head|headteacher|teacher|caseworker|case officer|panel|tribunal)(?:'s| is| are| has been| have been| keeps| keep| kept| was| were| has| have)?\s+(?:been\s+|being\s+|still\s+|just\s+|totally\s+|completely\s+)?)\b(?:unconscious|(?:unresponsive|not responding)(?!\s+to\s+(?:my|our|the|his|her|any|all|emails?|letters?|calls?|messages?|requests?|complaints?|phone))|won'?t wake up(?!\s+(?:for (?:school|nursery|college|the bus|breakfast|work)|in the mornings?|on time|early|without|until|till|before)\b)|can'?t wake (?:him|her)|collapsed|gone (?:blue|grey)|turning (?:blue|grey)|lips (?:look |are |going )?blue)\b/ },
  { kind: 'medical-emergency', pattern: /\banaphyla\w*|\bepi-?pen\b(?=.*\b(?:swell\w*|now|where|how|can'?t breathe)\b)|\b(?:lips|face|tongue|throat)\s+(?:\w+\s+){0,2}swell\w*/ },
  // (A bare "now" is not enough: "he choked on a grape last year and now he won't eat anything round".)
  { kind: 'medical-emergency', pattern: /\bchok(?:ing|ed)\b(?!\s+(?:game|challenge|up))(?=.*\b(?:can'?t breathe|not breathing|gone quiet|grey|blue|floppy|back blows|right now|just now|help|what do i do\b(?!\s+about))\b)/ },
  { kind: 'medical-emergency', pattern: /\binhaler (?:isn'?t|is not|not|isnt) (?:helping|working)\b|\bcan'?t (?:finish (?:his|her|my|their) sentences|get (?:his|her|my|their) breath)\b/ },
  { kind: 'medical-emergency', pattern: /\bchoking\b(?!\s+(?:game|challenge|hazard|risk))/ },
  { kind: 'medical-emergency', pattern: /\bbleeding heavily\b|\bhypo\b(?=.*\b(?:not responding|no change|unconscious|confused|won'?t)\b)/ },
  // An allergic reaction closing the airway; a knock to the head followed by sickness or drowsiness.
  { kind: 'medical-emergency', pattern: /\b(?:throat|airway)\s+(?:is\s+|'s\s+)?(?:closing|tightening|closed)\b/ },
  { kind: 'medical-emergency', pattern: /\b(?:hit|banged|bumped|knocked|bashed|cracked)\s+(?:his|her|their|my)\s+head\b.*\b(?:being sick|been sick|vomit\w*|throwing up|drowsy|very sleepy|so sleepy|confused|won'?t wake|not making sense|blacked out|knocked out)\b/ },
];

/** The subject named without a person at risk: support. */
const TOPIC: Array<{ kind: SupportKind; pattern: RegExp }> = [
  { kind: 'bereaved-by-suicide', pattern: /\b(?:died by suicide|took (?:his|her|their) own life|killed (?:himself|herself|themselves)|lost (?:\w+\s+){0,3}to suicide|suicide of)\b/ },
  { kind: 'suicide-topic', pattern: /\bsuicid\w*|\bligatures?\b|\b(?:ending|end) (?:his|her|their|my) life\b|\bsafety plan\b|\bcrisis (?:team|plan|line)\b|\bpapyrus\b|\bsamaritans\b(?=.*\b(?:number|call|ring|helpline|what is)\b)/ },
  { kind: 'self-harm-topic', pattern: /\bself-harm\w*|\bcutting\b(?=.*\b(?:history|camhs|plan|arms?|herself|himself)\b)|\boverdos\w*|\bhurt(?:ing)? (?:him|her|my|them)sel(?:f|ves)\b/ },
  { kind: 'abuse-topic', pattern: /\b(?:abus\w*|neglect\w*|safeguarding (?:concern|referral|report)|child protection|sexual exploitation|cse\b|grooming|county lines|cuckooing|criminal exploitation|domestic violence|sexual(?:ly)? assault\w*|sexually assaulted|raped?|report (?:a )?concern about a child|worried about a child)\b/ },
];

/** A sentence that denies the risk: "not suicidal", "isn't thinking of hurting herself", "I'm safe". */
const DENIAL: RegExp[] = [
  /\b(?:not|isn'?t|aren'?t|wasn'?t|never|no longer|not been|hasn'?t been)\s+(?:\w+\s+){0,2}(?:suicidal|self-harming|at risk|in danger|in crisis|an emergency|urgent)\b/,
  /\b(?:isn'?t|aren'?t|am not|'m not|is not|not|hasn'?t|has not|haven'?t|have not|doesn'?t|does not|don'?t|do not|wouldn'?t|would not|won'?t|will not|never)\s+(?:\w+\s+){0,3}(?:thinking (?:of|about)|thoughts of|want(?:ing)? to|going to|planning to|intend(?:ing)? to|done|did|do)\s+(?:\w+\s+){0,2}(?:hurt\w*|harm\w*|kill\w*|suicid\w*|end\w*|die|anything (?:stupid|silly))\b/,
  /\b(?:i'?m|i am|she'?s|he'?s|she is|he is|they'?re|they are)\s+(?:completely\s+|totally\s+|perfectly\s+)?safe\b/,
  /\b(?:no|denied|denies|denying)\s+(?:\w+\s+){0,2}(?:thoughts of|suicidal|self-harm|intent|plans?)\b/,
  /\b(?:said|says|told me)\s+['"]?(?:no|nope|she hasn'?t|he hasn'?t|she wouldn'?t|he wouldn'?t|she isn'?t|he isn'?t)\b/,
  /\bnot (?:gonna|going to) do anything (?:stupid|silly)\b/,
  /\bnever (?:said|mentioned|talked about|shown) anything about\b/,
];

/** The sentence puts it in the past, and over: "two years ago", "in Year 9", "used to", "fine since". */
const PAST: RegExp[] = [
  /\b(?:\d+|a|one|two|three|four|five|six|several|a few|many|some)\s+(?:years?|months?|terms?)\s+(?:ago|back)\b/,
  /\b(?:years|ages) ago\b/,
  /\bused to\b/,
  /\bwhen (?:i|he|she|they) (?:was|were) (?:younger|little|small|\d+|[a-z]+teen|in (?:year|yr|primary))\b/,
  /\b(?:back )?in (?:year|yr|y)\s?\d{1,2}\b(?!.*\b(?:pupil|student|girl|boy) (?:says|said|told|has|is)\b)/,
  /\bback in\b/,
  // (Not a clock time or the last few hours or days: "since quarter past", "for the past few days she's been saying".)
  /\b(?:history of|historic(?:al)?|previous(?:ly)?)\b|\bpast\b(?<!\b(?:quarter|half|ten|twenty|five|\d{1,2}) past)(?!\s+(?:few\s+|couple of\s+|(?:\d+|two|three|four|five|six)\s+)?(?:hours?|minutes?|mins?|nights?|days?|weeks?|fortnight|half hour)\b)/,
  // (Not a year group: "the year 7 girls", "the year 10s".)
  /\b(?:last|the) (?:year|summer|spring|autumn|winter)\b(?!\s*\d)(?!.*\b(?:tonight|today|now|again)\b)/,
  /\bin (?:primary|sixth form|secondary|20[012]\d|19\d\d)\b/,
];

/** Signs it is over: "fine since", "doing well", "discharged", "sorted", "thriving". */
const RESOLVED =
  /\b(?:fine|well|good|ok|okay|better|great|brilliant|stable|thriving|settled|safe|sorted|recovered|brilliant(?:ly)?|happy|happier)\s*(?:now|since|for|ever since)?\b|\bdoing (?:well|really well|ok|okay|better|fine|great)\b|\bdischarged\b|\bsince then\b|\b(?:none|nothing) (?:since|for)\b|\bnot (?:happening|since)\b|\bclosed\b|\bdealt with\b/;

/** Signs it is now: these override the past. */
const NOW =
  /\b(?:tonight|today|right now|just (?:found|walked|told|said|discovered|seen|noticed|messaged|sent|rang|texted|done|did|taken|took|swallowed|admitted)|this (?:morning|evening|afternoon|week|weekend)|an hour ago|\d+ (?:mins?|minutes|hours?) ago|minutes ago|last night|again|every (?:day|night)|since (?:last night|this morning)|tomorrow|this friday)\b/;

/** Something that happens from time to time, not now. */
const HABITUAL = /\b(?:sometimes|often|usually|every time|whenever|at times|when (?:i|he|she|they) (?:get|gets|feel|feels|am|is|are)|anxiety|panic attacks?)\b/;

/** Weaker signs of now ("I'm 21 now and doing well"): they override the past only when nothing says it is over. */
const WEAK_NOW = /\b(?:now|at the moment|currently|these days|lately|still)\b/;

/**
 * The sentence is about a book, play, film, lesson or video: the subject, not a person at risk. A
 * story posted on someone's feed, a video a person made and sent, and words written in an exercise
 * book are the person speaking, so they do not count.
 */
const MEDIA =
  /\b(?:(?<!\b(?:homework|exercise|school|work|maths|rough|sketch|note|jotter|colouring|reading record|contact|home-school|communication|sticker) )book|novel|play|film|movie|character|set text|poem|poetry|(?<!\b(?:on|in|to) (?:her|his|their|my|your) )(?<!\b(?:snap|snapchat|insta|instagram|whatsapp|tiktok|facebook|fb) )(?:story|stories)|lesson|pshe|rshe|assembly|(?<!\b(?:posted|sent|made|recorded|filmed|uploaded|left) (?:a |an |his |her |their |my |me |us |everyone )?(?:goodbye )?)video|series|youtube|documentary|english|drama|gcse text|romeo|juliet|macbeth|inspector calls|of mice|curriculum|scene|episode|podcast)\b/;

/** A death already happened (bereavement), not a risk now: "died by suicide", "took his own life in March". */
const DEATH =
  /\b(?:died|dies|death|passed away|funeral|coroner|inquest|bereave\w*|lost (?:his|her|their|my|our) (?:mum|dad|mother|father|brother|sister|son|daughter|friend))\b|\b(?:took|ended) (?:his|her|their) own life\b(?!.*\b(?:tried|try|trying|attempt)\b)|\bkilled (?:himself|herself|themselves)\b(?!.*\b(?:nearly|almost|tried)\b)/;

/** The message describes something managed today: "under CAMHS", "safety plan", "doing OK at the moment". */
const MANAGED = /\b(?:safety plan|crisis plan|risk (?:management )?plan|under camhs|camhs (?:are |is )?involved|care coordinator|doing (?:ok|okay|well|better)(?: at the moment| now)?|loads better|currently stable|stable|engaging well|been ok for)\b/;

/** Remove every idiom so that the risk phrases see plain text. */
export function withoutIdioms(text: string): string {
  let t = text;
  for (const idiom of IDIOMS) t = t.replace(idiom, ' ');
  return t.replace(/\s+/g, ' ');
}

/** An abuse disclosure from the child it is happening to ("my stepdad hits me"), not about another child. */
export function isSelfDisclosure(text: string): boolean {
  const t = safetyText(text);
  const aboutMe = /\b(?:me|my room|my bed|i'?m (?:scared|being)|i don'?t like|i have bruises|i'?m \d{1,2})\b/.test(t);
  const aboutAnother = /\b(?:my (?:son|daughter|child|kid|boy|girl|grandson|granddaughter|foster (?:son|daughter|child)|pupil|student)|a (?:pupil|child|student|girl|boy)|the (?:child|pupil|student)|pupil|student|y\d{1,2}\b|year \d)/.test(t);
  return aboutMe && !aboutAnother;
}

export interface LexicalFinding {
  sentence: number;
  kind: UrgentKind;
  denied: boolean;
  past: boolean;
}

export class LexicalSafetyLayer {
  /** What the words say, read sentence by sentence. */
  assess(text: string): SafetyAssessment & { findings: LexicalFinding[] } {
    const prepared = safetyText(text);
    const parts = sentences(prepared).map(withoutIdioms);
    const whole = parts.join(' . ');
    const nowAnywhere = NOW.test(whole);
    const managed = MANAGED.test(whole);
    const findings: LexicalFinding[] = [];
    parts.forEach((s, i) => {
      // Of the kinds a sentence matches, a disclosure of abuse and a medical emergency have their
      // own routes and come first; otherwise the first listed.
      const matched = RISK.filter((r) => r.pattern.test(s) && (!r.context || r.context.test(whole)));
      const ordered = [...matched.filter((r) => r.kind === 'abuse-disclosure' || r.kind === 'medical-emergency'), ...matched];
      for (const r of ordered.slice(0, 1)) {
        const denied = DENIAL.some((d) => d.test(s));
        // "I can't breathe in lessons sometimes": a recurring symptom, not an emergency now.
        const habitual = r.kind === 'medical-emergency' && ((HABITUAL.test(s) && !NOW.test(s)) || /\b(?:but|and) (?:he|she|they|i)(?:'s| is| are|'re|'m| am) (?:fine|ok|okay|alright|all right|better) now\b/.test(s));
        const past =
          habitual ||
          (PAST.some((p) => p.test(s)) && !NOW.test(s) && (r.aboutTheDead ? RESOLVED.test(whole) : !WEAK_NOW.test(s) || RESOLVED.test(whole))) ||
          // A book, a lesson, or a death that has happened: the subject of the message, not a risk now.
          (MEDIA.test(s) && !NOW.test(s)) ||
          (DEATH.test(s) && ['suicidal', 'overdose', 'plan-means'].includes(r.kind) && !NOW.test(s) && !r.aboutTheDead);
        findings.push({ sentence: i, kind: r.kind, denied, past });
      }
    });
    const live = findings.filter((f) => !f.denied && !f.past);
    if (live.length > 0) {
      const k = live[0].kind;
      // A known, managed situation with nothing said to be happening now is support, not urgent
      // ("she self-harms, has a safety plan and is doing OK at the moment").
      const selfHarmManaged = managed && !nowAnywhere && (k === 'self-harm' || k === 'suicidal') && live.every((f) => f.kind === 'self-harm' || f.kind === 'suicidal');
      if (!selfHarmManaged) {
        return { outcome: 'urgent', kind: k, layer: 'lexical', reason: `phrase:${k}`, selfDisclosure: k === 'abuse-disclosure' ? isSelfDisclosure(text) : undefined, findings };
      }
    }
    const topic = TOPIC.find((t) => t.pattern.test(whole));
    if (findings.length > 0 || topic) {
      const kind: SupportKind = topic?.kind ?? (findings.some((f) => f.kind === 'abuse-disclosure') ? 'abuse-topic' : findings.some((f) => f.kind === 'suicidal') ? 'suicide-topic' : 'self-harm-topic');
      const pastOrDenied = !NOW.test(whole) && ((PAST.some((p) => p.test(whole)) && RESOLVED.test(whole)) || DENIAL.some((d) => d.test(whole)));
      // A general question about the subject ("what should a school do when a pupil self-harms?").
      const generalQuestion = /^(?:what|how|when|where|who|which|why|should|can|could|does|do|is|are|will|would|any)\b/.test(prepared) && !NOW.test(whole) && !/\b(?:i'?m|i am|i'?ve|i have|i want|i feel)\b/.test(whole);
      const why = findings.length ? (findings.every((f) => f.denied) ? 'denied' : findings.some((f) => f.past) ? 'past' : 'managed') : pastOrDenied ? 'past' : managed ? 'managed' : generalQuestion ? 'topic-question' : 'topic';
      // A bare topic word alone ("suicide", "self harm"): the person may be at risk; lean urgent.
      if (!findings.length && prepared.split(' ').length <= 3 && topic && topic.kind !== 'abuse-topic') {
        return { outcome: 'urgent', kind: topic.kind === 'self-harm-topic' ? 'self-harm' : 'suicidal', layer: 'lexical', reason: 'bare-topic', findings };
      }
      return { outcome: 'support', kind, layer: 'lexical', reason: why, findings };
    }
    return { ...NO_RISK, findings };
  }
}
