import { expect } from 'chai';
import { LexicalSafetyLayer, isSelfDisclosure } from '../../src/safety/LexicalSafetyLayer';

/**
 * The lexical layer alone: the phrases of risk now, slang, reported speech, idioms that must not
 * trigger it, and negation and time, which make a risk the subject (support) rather than urgent.
 */
describe('Safety check, lexical layer alone', () => {
  const lexical = new LexicalSafetyLayer();
  const outcome = (t: string) => lexical.assess(t).outcome;

  const urgent: Array<[string, string]> = [
    ['my son says he wants to kill himself', 'suicidal'],
    ['I want to end it all', 'suicidal'],
    ['she is having suicidal thoughts', 'suicidal'],
    ["I don't want to be alive any more", 'suicidal'],
    ['he is cutting himself again tonight', 'self-harm'],
    ['I think she has taken an overdose', 'overdose'],
    ["she's swallowed a handful of her dad's tablets", 'overdose'],
    ['my daughter drank bleach', 'overdose'],
    ['he said he would jump off the multi-storey car park', 'suicidal'],
    ['my partner is threatening to kill us', 'danger-from-other'],
    ['we are in immediate danger', 'danger-from-other'],
    ["i can't stop the bleeding", 'self-harm'],
    ['the pills are ready', 'plan-means'],
    ['I wish I was dead', 'suicidal'],
    ['he would be better off dead he says', 'suicidal'],
    ['she is going to hurt herself', 'self-harm'],
    ['SUICIDE', 'suicidal'],
    ['Hes talking about ending his life', 'suicidal'],
    // Slang, spelt out before reading.
    ['gonna kms tonight', 'suicidal'],
    ['thinking of unaliving myself', 'suicidal'],
    ['been thinking about sewerslide a lot', 'suicidal'],
    ['i sh\'d again and its bad', 'self-harm'],
    // Reported speech counts.
    ['my friend texted that she wants to die and now her phone is off', 'suicidal'],
    ['a pupil told me her stepdad hits her', 'abuse-disclosure'],
    // Other kinds.
    ['my dad hits me when he is drunk', 'abuse-disclosure'],
    ['my daughter is missing and her phone is off', 'missing'],
    ['he has been fitting for more than five minutes', 'medical-emergency'],
    ['she is not breathing', 'medical-emergency'],
    ['found a noose in his room', 'ligature'],
    ["i'm scared of what i'll do to him if he doesn't stop screaming", 'carer-crisis'],
  ];
  for (const [text, kind] of urgent) {
    it(`"${text}" is urgent (${kind})`, () => {
      const a = lexical.assess(text);
      expect(a.outcome).to.equal('urgent');
      expect(a.kind).to.equal(kind);
    });
  }

  const idioms = [
    'this waiting list is killing me',
    'the paperwork is killing us',
    "I'm dying to know when the panel meets",
    'I could kill for a coffee',
    'my feet are killing me after the tribunal',
    "we're bored to death of waiting",
    'the school cut back his hours',
    'they cut his support short',
    'he has to take his ADHD medication at lunch',
    'she takes her tablets every morning',
    'can school give him his meds',
    'the deadline for the draft plan',
    'we jumped at the chance of a place',
    'my son overdid it at PE',
    'what is SEN support',
    'dead end with the council, what next',
    'he will kill me if I tell school',
    'killing time before the meeting',
    'my mum will kill me if i lose my planner again',
    'if i sit one more mock i am going to die',
  ];
  for (const text of idioms) it(`the idiom "${text}" is not urgent`, () => expect(outcome(text)).to.not.equal('urgent'));

  describe('farewell behaviour and euphemisms of dying', () => {
    const farewells: Array<[string, string]> = [
      ['by the time you read this i will be somewhere better', 'farewell'],
      ["she handed her tutor an envelope and said don't open it until monday", 'farewell'],
      ['this is goodbye, thanks for listening to me', 'farewell'],
      ['he has been giving his playstation and games to his mates and says he will not need them anymore', 'farewell'],
      ['she has given away her favourite teddy and her necklace', 'farewell'],
      ["please feed my rabbit for me because i won't be here", 'farewell'],
      ['left a card on the table saying it was not our fault and that she loves us', 'farewell'],
      ["i've worked out who gets my things", 'farewell'],
      ['everyone would be happier if i was gone', 'suicidal'],
      ["no one would even notice if i wasn't here", 'suicidal'],
      ['i am so tired of existing', 'suicidal'],
      ['i want to vanish for good', 'suicidal'],
      ["i'm not going to be around for my birthday", 'suicidal'],
      ['he says he wants to go to heaven now', 'suicidal'],
      ["i'm going to end things tonight", 'suicidal'],
      ['my son is stood on the edge of the roof', 'plan-means'],
      ["what's the quickest way to die", 'plan-means'],
      // A day set, with the means or the place in another sentence of the message.
      ['keep walking up to the top of the multi storey after school. saturday is the day', 'plan-means'],
      ["i've picked the date. the tablets are in my drawer", 'plan-means'],
      ['he keeps going down to the railway on his own. he told his brother tomorrow is the day', 'plan-means'],
      // Joining someone who has died, the death told in another sentence.
      ["He signed his card 'see you soon, I'll be with dad'. I'll be with dad soon, he said. His dad died in March.", 'suicidal'],
      ['she keeps saying she wants to be with nan again. nan passed away at easter', 'suicidal'],
      ['my grandad died in june. i just want to see him again soon', 'suicidal'],
      // The death in the same sentence is part of the risk, not a loss in the past.
      ["i'll be with my mum soon, she died last year", 'suicidal'],
      ['he says he wants to join his brother who died', 'suicidal'],
      ['he keeps saying he wants to be with his grandad who died last year', 'suicidal'],
      // Scratching the skin with something sharp, or till it bleeds.
      ["she's been scratching her arms with a compass in class", 'self-harm'],
      ['she scratches her arms till they bleed', 'self-harm'],
      // Found by probing with the team's own messages (2026-12-02).
      ['last night he told me he has been thinking about ending it', 'suicidal'],
      ['i honestly feel like driving into a wall on the way to the meeting', 'suicidal'],
      ['tbh i just want to disappear fr, nobody at college would care', 'suicidal'],
      ['im 15 n every1 at skl hates me, ive started cutting again n i cant stop', 'self-harm'],
      ['senco here, a pupil disclosed this morning that she is being hit at home', 'abuse-disclosure'],
      ['he was hit by his stepdad last night', 'abuse-disclosure'],
      ['i found a goodbye letter in his school bag addressed to me', 'farewell'],
      ['she hasnt eaten or drunk anything for three days', 'abuse-disclosure'],
      ['he says the voices tell him he should be dead', 'suicidal'],
      ['he ran into the road on purpose today saying he wanted a car to hit him', 'suicidal'],
      // Said alone, found by probing short sentences inside stories (2026-12-02).
      ['we had the review last week. nobody would miss me. what happens next', 'suicidal'],
      ["i can't go on. who can i talk to", 'suicidal'],
      ["i've had enough of everything.", 'suicidal'],
      ["what's the point of anything", 'suicidal'],
      ["i just can't do this any more", 'suicidal'],
      ["i don't think i can keep myself safe", 'suicidal'],
      ["i feel like there's no way out", 'suicidal'],
      ["honestly i can't see a future for me", 'suicidal'],
      ["he says he doesn't see the point in living", 'suicidal'],
      ['i keep thinking about jumping', 'suicidal'],
      ['she keeps saying she wants to not exist', 'suicidal'],
      ['she wrote that she is sorry for everything and said goodbye', 'farewell'],
      ["i've been giving my things away", 'farewell'],
      ['he said tonight would be his last night', 'farewell'],
      ["he's not safe at home", 'abuse-disclosure'],
      ["i don't feel safe at home", 'abuse-disclosure'],
      ["home isn't safe", 'abuse-disclosure'],
      // Found by probing the kinds the sentence model generalises to least (missing, medical, overdose, abuse, exploitation).
      ["he's 12, non verbal, and slipped away from us at the beach", 'missing'],
      ["he walked out of class and isn't anywhere on the school site", 'missing'],
      ["my 10 year old didn't come out of school and the teacher thought i'd collected her", 'missing'],
      ['he ate something with nuts and his throat is closing up', 'medical-emergency'],
      ["she banged her head on the playground and now she's being sick and very sleepy", 'medical-emergency'],
      ["i think she's taken all of her sertraline", 'overdose'],
      ['there are bruises on his neck and he says his dad grabbed him', 'abuse-disclosure'],
      ['he came in with a black eye and says his dad punched him', 'abuse-disclosure'],
      ["he's being made to carry packages across town by a gang", 'danger-from-other'],
      // Two more rounds (self-harm, ligature, carer at breaking point, goodbyes, staff shorthand).
      ["i keep picking at the cuts so they don't heal", 'self-harm'],
      ["she's been scraping her wrists with a broken ruler in maths", 'self-harm'],
      ['he keeps punching the wall till his hand swells up, he says he deserves it', 'self-harm'],
      ["she's been looking at the banister and asking how strong it is", 'ligature'],
      ['she asked me what the loft hatch would hold', 'ligature'],
      ["y9 student posted 'see you all on the other side' on her story", 'farewell'],
      ["tutor here - a student's whatsapp status says 'goodbye everyone, it's been real'", 'farewell'],
      ["she's been asking who would have her cat if she wasn't here", 'farewell'],
      ['DSL: learner disclosed active SI with a plan for this evening', 'suicidal'],
      ['she put on her snapchat story that she wants to die', 'suicidal'],
      ['staff found her on the roof of the science block', 'plan-means'],
      // Text-speak with the g dropped or the word misspelt.
      ['sorry for evrythin, luv u all x', 'farewell'],
      ['ive been cuttin agen n its deep', 'self-harm'],
      ['no1 wud care if i was gone', 'suicidal'],
      // Abuse told without the word (an eighth round).
      ["he came to school with burns on his hands and said he's not allowed to say how", 'abuse-disclosure'],
      ["my foster daughter told me her old carer used to tie her to a chair, and she's seeing them this weekend", 'abuse-disclosure'],
      ['our non verbal student pointed to her private parts on the body chart when we asked what hurts', 'abuse-disclosure'],
      ['my daughter has been gone since 4 and she took her passport', 'missing'],
      ["can you tell me where the nearest a and e is, she's swallowed something from under the sink", 'overdose'],
      // A tenth round, risk before an ordinary question.
      ["i don't think i'll be here for the meeting next week so what's the point. what does a senco do?", 'suicidal'],
      ['i want everyone to be free of me. how do i find the local offer?', 'suicidal'],
      ["they'd finally be rid of me", 'suicidal'],
      ["I keep thinking my kids would be better off with someone else raising them, I'm done. how do I ask for respite?", 'carer-crisis'],
      ["i can't keep him safe any more, he's been going for his sister", 'carer-crisis'],
      // An eleventh round, the weakest kinds in everyday words.
      ["my son was meant to be back from the shop an hour ago, he's autistic and doesn't know the area, his phone is off", 'missing'],
      ["wrote my will today, i'm 16. just in case", 'farewell'],
      // A twelfth round: abuse and danger from others, named as what they are.
      ['he told his TA that his uncle makes him keep secrets and gives him money for it', 'abuse-disclosure'],
      ["my daughter's football coach messages her late at night and told her not to tell me", 'abuse-disclosure'],
      ['year 9 boy came in with a black eye and flinched when i asked about his dad', 'abuse-disclosure'],
      ["a lad in his class has been given a phone by older boys and now he's running errands for them after dark", 'danger-from-other'],
      ["my ex has turned up at the school and is trying to take my son out, the office won't stop him", 'danger-from-other'],
      ["she's put a carrier bag over her head in the toilets", 'ligature'],
      // A thirteenth round: staff, carers and text-speak.
      ["Y11 student disclosed at lunch she's been sexually assaulted by an older student off site last night", 'abuse-disclosure'],
      ["pupil on a CP plan hasn't been seen since friday and the family aren't answering", 'missing'],
      ["i'm a foster carer and i've just found out my placement's birth dad has been meeting her after school, he's not allowed contact", 'danger-from-other'],
      // A fourteenth round: long stories with the risk in the middle.
      ["Sorry this is long. My son is 13, autistic, and has been refusing school since October. Last night he told me he'd looked up how to tie a knot that wouldn't slip, and I found a belt hidden under his mattress. He's in his room now. School want a meeting about attendance next week. What should I do?", "ligature"],
      ["My daughter has an EHCP and is at a special school. She came home with a handprint on her arm and when I asked she said 'Miss squeezed me when I was naughty'. She's non-verbal mostly so this is a lot for her to say. Who do I tell?", "abuse-disclosure"],
      ["I'm a SENCO. A Year 7 boy with ADHD told his mentor this morning that he sometimes sleeps in the park because his mum's new partner throws him out when he's drunk. He's due to go home at 3. What do we do first?", "abuse-disclosure"],
      ["We're waiting for a CAMHS appointment. Tonight my 15 year old said the tablets she's been saving are 'for when it gets too much' and that today it has. I don't know where they are.", "plan-means"],
      ["im 16 and in care. my placement is ending and nobody has told me where i'm going. i've got nowhere to sleep tonight", "danger-from-other"],
      ["my son has type 1 diabetes and he's shaky, sweaty and confused and not making sense, school rang me but i'm an hour away", "medical-emergency"],
      ["my daughter's been cutting for a while but tonight it won't stop bleeding", "self-harm"],
      ["a year 10 girl told me she's pregnant and her 24 year old boyfriend doesn't want anyone to know", "abuse-disclosure"],
      ["my son is 12. he's been going out at night and coming back with cash and new trainers and won't say where from. today he had a knife in his bag", "danger-from-other"],
      ["honestly i'm done. i've been his carer 24/7 for 15 years. tonight i sat in the car with the engine running in the garage", "plan-means"],
      // A fifteenth round: abuse and medical emergencies, for the card that fits.
      ["mum's boyfriend said if i tell anyone what he does he'll hurt my little sister", "abuse-disclosure"],
      ["i get hit with a belt at home when my grades are bad", "abuse-disclosure"],
      ["a boy in her class says a teacher asked him to send pictures of himself", "abuse-disclosure"],
      ["my son's face has swollen up after eating a nut bar at the school fair and he's wheezing", "medical-emergency"],
      ["my daughter is 13 and she's got a rash that doesn't fade under a glass and a high temperature", "medical-emergency"],
      // A sixteenth round: young people's text-speak, staff, carers.
      ["i carved his name into my leg with a compass", "self-harm"],
      ["i cant cope any more, i've left the kids with a neighbour and i'm driving, i don't know where", "carer-crisis"],
      ["i can't cope any more, i've walked out and left them", "carer-crisis"],
      // A seventeenth round: euphemisms and everyday words.
      ["i've given my brother all my passwords and told him what to say to mum", "farewell"],
      ["she isn't at her dad's where she said she'd be and nobody has heard from her since lunch", "missing"],
      ["he says his brother's friend makes him do things in the shed and he doesn't like it", "abuse-disclosure"],
      ["my baby has gone floppy and grey and isn't responding", "medical-emergency"],
      ["i keep standing at the top of the stairs at school thinking about letting go", "suicidal"],
      ["honestly the only thing stopping me is my dog", "suicidal"],
      ["he's unconscious on the floor", "medical-emergency"],
      ["he collapsed in pe and is not responding", "medical-emergency"],
      ['my stepdad hits me, it\'s not my behaviour, i try to be good', 'abuse-disclosure'],
      ["my dad hits me when he's angry", 'abuse-disclosure'],
      ["he's absconded from school and we can't find him", 'missing'],
      ['he absconded from the unit an hour ago', 'missing'],
      ['he ran off from his escort at the station', 'missing'],
      ['i think my son is being groomed online', 'danger-from-other'],
      ["he's been drawn into county lines, he goes missing for days", 'danger-from-other'],
      ['my uncle touches her at night', 'abuse-disclosure'],
      ['he touched her and she cried', 'abuse-disclosure'],
      // An eighteenth round: young people's own words.
      ['thinking about ctb tbh', 'suicidal'],
      ['want to self delete', 'suicidal'],
      ['tryna find the courage to do it', 'suicidal'],
      // A nineteenth round.
      ["there's a man in the playground with a knife and the children are in lockdown", "danger-from-other"],
      ["my son has autism and he's climbed out of the window onto the roof and won't come in", "plan-means"],
      ["she's been sick and had diarrhoea all day and now she's not weeing and really sleepy, she's 2", "medical-emergency"],
      ["our non verbal pupil came in this morning with cigarette burns on her arms", "abuse-disclosure"],
      ["im 15 and my mums boyfriend keeps coming into my room at night and i dont feel safe", "abuse-disclosure"],
      // A twentieth round: out of the house and out of reach, men calling at night, a bed, letters for a day soon.
      ["my son is 12 and autistic he walked out the house at 6 this morning and hes not answering his phone its getting dark now", "missing"],
      ["she stormed out of the flat two hours ago, her phone's going straight to voicemail", "missing"],
      ["her key worker says men are turning up at her flat late at night and she won't say who they are", "danger-from-other"],
      ["men keep coming round to his flat at night and he's given them a key, he's 19 with a learning disability", "danger-from-other"],
      ["she keeps turning up at school with a new phone and expensive trainers and won't say who bought them, she's been going missing at night", "danger-from-other"],
      ["a pupil told me her stepdad makes her sleep in his bed when mum is on nights", "abuse-disclosure"],
      ["my mum's boyfriend makes me sleep in his bed when mum goes out", "abuse-disclosure"],
      ["i've put letters in my mates' lockers, they can open them on monday when im not around anymore", "farewell"],
      // A twenty-first round: someone else's tablets by name, a hand over the mouth, a car off the road with the children, an adult from a game, a lighter, rescue medicine that has not worked.
      ["took a load of my mums co-codamol like an hour ago n now i feel rly sick n sleepy", "overdose"],
      ["she's swallowed loads of her nan's co-codamol and she's being sick", "overdose"],
      ["he told me our dad puts a hand over his mouth and holds him down when he screams", "abuse-disclosure"],
      ["my stepdad holds me down on the bed and i can't breathe", "abuse-disclosure"],
      ["mum rang in tears saying she'll drive the car off the road with both boys in it", "carer-crisis"],
      ["I'm going to drive into the river with the kids in the back, I can't do this", "carer-crisis"],
      ["i'll drive into a wall on the way home tonight", "suicidal"],
      ["a grown man on roblox has told her to come and meet him at the station tonight and not to tell me", "danger-from-other"],
      ["a man he met on fortnite has asked him to meet him at the park after school and keep it secret", "danger-from-other"],
      ["been burning my arm with a lighter all night n i cant make myself stop", "self-harm"],
      ["she burnt her arm with a lighter last night", "self-harm"],
      ["he's been jerking on the floor since quarter past, we've given the buccal midaz and he still hasn't come round", "medical-emergency"],
      ["she's been fitting since 10 past and we've given the buccal", "medical-emergency"],
      ["honestly just want to go to sleep n not be here tmrw", "suicidal"],
      ["he's used the door handle as a ligature point tonight", "ligature"],
      // Wanting to stop existing, a child gone since a time and out of reach, a seizure still going after minutes.
      ["honestly i just wanna stop existing", "suicidal"],
      ["she told her tutor she wants to stop existing", "suicidal"],
      ["my son's been gone since 7pm and isn't picking up, his phone is off", "missing"],
      ["ds gone since half 3, can't get hold of him and the police said wait", "missing"],
      ["his seizure has been going on for 6 mins and he's gone grey", "medical-emergency"],
      ["she's fitting on the kitchen floor and it's still going after seven minutes", "medical-emergency"],
      // A twenty-second round, caught before only by the sentence model: a threat to share pictures told the other way round, a man at the gates offering children vapes and lifts, tablets lined up, "tonight's the night" from a bridge.
      ["he says if i stop replying he'll send the pictures i sent him to my whole year", "danger-from-other"],
      ["if i tell my mum he'll share my nudes", "danger-from-other"],
      ["an older man in a white van keeps offering the year 7 girls lifts home and cash", "danger-from-other"],
      ["there are men at the park giving the kids weed and asking them to hold bags", "danger-from-other"],
      ["she's got her pills all lined up on the desk and won't let me near them tonight", "overdose"],
      ["found his tablets counted out on the bathroom floor, been there for an hour", "overdose"],
      ["she posted a last video from the car park roof saying today's the day", "suicidal"],
      ["he texted me from the railway bridge, tonight is the night, bye everyone", "suicidal"],
      // A twenty-third round, from a list written without sight of the check: a young person not home for days, and getting into cars with older men.
      ["YP on my caseload, 17, not been home since Friday per mum", "missing"],
      ["my daughter hasn't been home for two nights and won't answer", "missing"],
      ["she's been seen getting into cars with older men outside college", "danger-from-other"],
      ["he keeps getting in cars with different men after school", "danger-from-other"],
      // A twenty-fourth round: risks told in passing that only the sentence model heard.
      ["i've worked out how and when i'm going to do it. anyway what is an iep?", "plan-means"],
      ["my son says he has decided when and how he'll do it", "plan-means"],
      ["he told me he's not going to wake up one day soon and that's fine with him", "suicidal"],
      ["honestly i'm not gonna wake up tomorrow and nobody will care", "suicidal"],
      // The last few days are now, not the past.
      ["for the past few days she's been saying she wants to die", "suicidal"],
      ["she has been cutting herself for the past week", "self-harm"],
    ];
    for (const [text, kind] of farewells) {
      it(`"${text}" is urgent (${kind})`, () => {
        const a = lexical.assess(text);
        expect(a.outcome).to.equal('urgent');
        expect(a.kind).to.equal(kind);
      });
    }
    for (const text of [
      'she wants to end things with her boyfriend',
      'he is saying goodbye to his class before we move to Wales',
      'she wrote a goodbye card to her teachers at the end of Year 6',
      'he gave his old bike to his cousin because it is too small',
      'can you look after my coat while I am in the meeting',
      'thanks, goodbye',
      'our EHCP is missing section F',
      'he ran away from the wasp in the playground',
      'I am at the bridge club tonight so can we talk tomorrow',
      'friday is the day of his annual review',
      'monday is the day his new TA starts, he loves trains',
      'tomorrow is the day we find out about the bridge club',
      'we have set a date for the tribunal',
      'friday is the day. the train leaves at 9 for the trip',
      "i've picked a date for the review with the senco",
      'he will be with his mum again at the weekend, she works away',
      'since his grandad died he has been seeing his dad again every saturday',
      'his dad has gone to work abroad for a year. he just wants to be with dad again soon',
      'his eczema is bad, he keeps scratching his arms at night',
      'we are thinking of ending it at this school and moving him',
      'the council keep cutting his hours and we are thinking about ending it with this school',
      'she is cutting paper shapes in OT, is that a fine motor target',
      'she was hit at home by a door swinging shut, should school record it',
      'he got hit by a ball at lunch and the school did not tell me',
      'i wanted to disappear when the teacher read my work out',
      'the school asked the kids to write goodbye letters to their year 6 teachers',
      'he made a goodbye video for his class because we are moving to leeds',
      'he ran into the road at pick up, he has no sense of danger',
      'he should be allowed to dye his hair for the prom',
      'my daughter keeps saying she is going to end it with her friends group because they bully her',
      'thinking about ending it all with the council and going private, is that allowed',
      'he scratched his arm on the fence and it bled',
      'his grandad died last year and he misses him, how can school help',
      'two years ago after his dad died he said he wanted to be with him, he has been fine since',
      // A grieving child's question is not a wish to die.
      "his nan passed away in the summer and he keeps asking if he'll see her again",
      'since her mum died she asks whether she will ever see her mum again',
      'my brother died last year. i wonder when i can be with him again in my dreams',
      // Near the phrases above, about school.
      "he can't go on the residential because of his epilepsy",
      'can he carry on with speech therapy in year 7',
      "he can't do it anymore without his ta",
      'there is no way out of the contract with the transport company',
      "i can't see a future for him if this school keeps failing him",
      "we don't see the point in the meeting if the council won't come",
      'he is giving away his old toys to his cousin',
      'tonight is his last night at the residential',
      'she loves jumping on the trampoline at break',
      'we are thinking about jumping ship to another school',
      "sorry for everything you've had to read, bye for now",
      "there's no point in any of it, they never follow the plan",
      "he's not safe at home alone, he climbs on everything",
      'is he safe at home with his condition',
      'the playground is not safe for him',
      "our home isn't safe for a wheelchair, can the council help",
      'he told his teacher about being hit by another boy at football, who deals with that',
      'he ran off from school once last year and they found him',
      "he's taken all of his things to his dad's",
      'he ate all of his sweets at once',
      'the school is making him carry his bag all day',
      "her name isn't anywhere in the report",
      "she's not on the school site on fridays, she goes to college",
      "he didn't come out of school with a reading book",
      'she has bruises from falling off her bike, she says her brother pushed her on the trampoline',
      "he picks at his scabs when he's anxious, can school help",
      "the beam in the hall isn't strong enough for the pe ropes",
      'the hook would hold his coat and bag',
      'see you on the other side of half term',
      'goodbye everyone, see you in september',
      'who will look after my dog when we go on holiday',
      "who would look after my son if i wasn't here, we're getting old",
      "what does SI mean in a referral",
      'he got his football stuck on the roof of the shed',
      "we're having the roof of the school fixed, can he still go in",
      'he punched the wall and hurt his hand, should school have called',
      'she slams doors when she is angry',
      'sorry for the typos, luv this service x',
      'cant stop thinkin about my gcses tbh',
      "she points to her bottom when she needs the toilet, she's non verbal",
      "he has bruises from rugby and can't say if it was a tackle",
      'the ta ties her shoelaces for her',
      'how do we teach pupils with autism about private parts and consent',
      "he's been gone since monday on the year 6 residential",
      'his ta has been gone since september and no one has replaced her',
      'the funding has been gone for ages',
      'the nappies are under the sink',
      "i don't think i'll be able to make the meeting next week, can we move it?",
      "i'm not sure i'll be around at pick up time on friday, can his nan collect",
      "i don't think she'll be in school tomorrow, she's poorly",
      'feel free to email me the details',
      'the school just want to get rid of him, they keep sending him home',
      'would he be better off with someone else as his TA?',
      'my daughter would be better off with a different teacher, can we ask for a class change',
      'would she be better off in a special school',
      "school can't keep him safe at lunchtime, he keeps running off",
      "the taxi was meant to be here an hour ago and he's missed registration again",
      'the bus was supposed to be back 20 minutes ago from the trip',
      'he was meant to be home by 4 so i could take him to speech therapy, can sessions be moved',
      "we've made our will and set up a trust for our disabled son, does that affect his ehcp",
      'my will says his sister will look after him, what happens to his support',
      'my son keeps secrets from me about school, how can i help him open up',
      'the teacher told him not to tell his friends about the surprise assembly',
      'he flinches at loud noises in the hall, is that sensory',
      "he runs errands for the office at break, it's part of his reward chart",
      'he was given a phone by his grandad for his birthday',
      'school are trying to take my son out of lessons for a reading group, is that allowed',
      'his dad wants to take my son to the hospital appointment, can the school share the letter with him',
      'he puts his hood over his head when the hall is loud',
      'she was sexually assaulted two years ago, what support can school give',
      'how do schools teach children about sexual assault and consent',
      "he hasn't been seen by the ed psych since year 3, can we ask for a new assessment",
      "he hasn't been seen since friday by the speech therapist, the sessions keep being cancelled",
      'nobody has seen the new senco since september, is that normal',
      'her dad is allowed contact at weekends, can he come to parents evening',
      'the foster carer said the birth dad has supervised contact on saturdays, does school need to know',
        "he gets confused about his insulin doses, can school help",
      "she has type 1 diabetes and gets drowsy after lunch, should school check her sugars",
      "his insulin pump keeps alarming in class, who should be trained to deal with it",
      "he was kicked out of class again for shouting, is that allowed",
      "they threw him out of the after school club at 5 because nobody collected him",
      "he came back with new trainers from his dad's and won't say how much they cost",
      "he's been doing a paper round and saved up for new trainers",
      "she's in year 10 and her 19 year old brother takes her to school",
      "we slept outside in a tent on the school camping trip",
      "he sometimes sleeps in the car on long journeys to his special school, it's an hour each way, is that ok",
      "he tied a knot that wouldn't slip in his laces",
      "She came home with paint on her arm and said Miss helped her with a handprint picture",
        "my stepdad takes me to school every day and helps with my homework",
      "he gets told off at home when his grades are bad and now he's scared of tests",
      "he got hit with a ball in pe and has a bruise",
      "he gets hit by other kids at break, what can school do",
      "if i tell the teacher he'll just laugh at me",
      "if i tell mum about my grades she'll take my phone",
      "the teacher asked him to send pictures of himself for the leavers book",
      "can teachers ask pupils to send pictures of their homework on teams",
      "he has a nut allergy, what should be in his health care plan",
      "his eczema rash doesn't fade in winter, can he wear his own jumper",
      "she hit her head on the climbing frame last week, should the school have phoned me",
        "she carved her name into the desk, will she be excluded",
      "he cut his hand on the scissors in art",
      "he scratched his arm on a bush at break",
      "i can't cope any more with the council, i've left three messages",
      "we left the kids with a neighbour while we went to the tribunal, i can't cope with another hearing",
      "i'm at breaking point with the council, they've lost his paperwork again",
      "dont want to go to school tmrw tbh",
        "she's at her dad's this weekend, can he collect her from school on friday",
      "we haven't heard from her teacher since march",
      "i haven't heard from him since the review, the senco i mean",
      "the only thing stopping me applying for an ehcp is the paperwork",
      "he gets anxious at the top of the stairs at school, can he use the lift",
      "i keep thinking about falling off the climbing frame, i'm scared of heights",
      "the speech therapist makes him do things like blowing bubbles and he doesn't like it",
      "i gave my mum my password for the school app",
      "she goes floppy when she's tired and won't move, is that a sensory thing",
      "the school have been unresponsive to my emails for weeks",
      "the council is unresponsive, what can i do",
      "school not responding to my emails",
      "the senco is not responding",
      "the la have been totally unresponsive",
        "she had a meltdown and hit me yesterday, how do i get help for her behaviour",
      "when he has a meltdown he hits me and his sister",
        "he absconds from class a lot",
      "she ran away from the TA in the playground",
      "what should our absconding policy say",
      "he keeps absconding from lessons",
        "staff training on county lines and CSE, any recommended resources",
      "what is county lines",
      "how do we spot the signs of grooming in pupils with SEND",
      "teaching pupils about grooming in pshe, any resources",
        "he touches her toys and she screams",
      "the TA touches her fidget toys without asking",
        "i need the courage to do it, to tell the senco i disagree",
      "she found the courage to do it in the end and spoke at her review",
      "what does ctb mean in the ehcp paperwork",
      "tryna find the courage to ask for an ehcp assessment",
      "im so done w this homework lol",
      "sh is so hard to talk about, how do i tell school",
        "his ball got stuck on the roof, can the caretaker get it",
      "he's been sick once but he's drinking and weeing fine",
      "the toddler in nursery isn't weeing on the potty yet, is that a delay",
      "can school search his bag for a knife if they think he has one",
      "he climbs out of his chair all the time in class, is that adhd",
      "he burnt his hand on the iron by accident last week, it's healing",
      // The twentieth round's calm twins.
      "he walked out of the house in a temper, came back ten minutes later and now he won't answer his phone to his dad",
      "he left the house at 8 for school and his phone is off during lessons, can school text me instead",
      "he walked out of the house this morning without his lunch, can school give him something",
      "men are turning up at her flat to fix the boiler, the landlord sent them, can she have a support worker there",
      "the taxi keeps turning up at his school late, every day at 9.30",
      "her nan bought her a new phone and she won't say thank you, is that her autism",
      "he got new trainers for his birthday and won't tell me who from, it's a mystery",
      "his dad makes him stay in his bed until he falls asleep, how do we get the same routine at respite",
      "I've written him a letter to open on his 18th birthday for when I'm gone, he has a learning disability",
      "they can open them on christmas morning, I'm not around in the daytime",
      // The twenty-fourth round's calm twins.
      "we've worked out how and when to tell him about his diagnosis",
      "school have planned how and when they're going to do it, the move to the new building",
      "he won't wake up for school without three alarms, is that part of his adhd",
      "she won't wake up in the mornings since the new medication",
      "he's not going to wake up soon enough for the bus, can transport come later",
      // The twenty-third round's calm twins.
      "he hasn't been home since Friday because he's on the school residential",
      "she has not been home since Sunday, she's at her dad's for the week",
      "I haven't been home since Christmas, uni is busy, can I still get DSA",
      "he gets into the taxi with the escort every morning, can the council change the driver",
      "she gets in the car with her grandad after school on Tuesdays",
      // The twenty-second round's calm twins.
      "tonight's the night for the school disco, she's so excited",
      "today is the day of his annual review, wish us luck",
      "the school offers lifts to pupils who miss the bus, is that allowed",
      "the older lads in his class keep giving him vapes, should i tell the school",
      "his tablets are laid out in a dosette box for the week",
      "i've got her tablets lined up for the morning so the carer can give them",
      "if she tells the teacher they will share the photos of the trip on the class page",
      "he choked on a grape last year and now he won't eat anything round, is that a sensory thing",
      "he choked on his dinner once at nursery, does the IHCP need to mention it",
      // Things that should stop existing, support gone since a time, seizures that lasted minutes once.
      "i wish the waiting list would just stop existing",
      "i want this stupid rule to stop existing",
      "his 1:1 has gone since 9:00 on mondays and the school isn't answering my emails",
      "the funding's been gone since september, nobody knows why",
      "his seizures lasted 8 minutes last year, does school need a care plan",
      // The twenty-first round's calm twins.
      "he took a load of his brother's pokemon cards to school and won't give them back",
      "she took all of her nan's advice about the tribunal",
      "his dad holds him down so I can cut his nails, he hates it, any sensory tips",
      "his dad holds him down for his blood tests, is that normal",
      "he puts his hand over his mouth when he's anxious in class",
      "I nearly drove off the road with both boys in the back when he undid his seatbelt, can the council provide transport",
      "the SENCO wants to meet him tomorrow after school, how do I prepare him",
      "his online tutor asked him to meet her on zoom tomorrow",
      "she keeps burning her hand on the glue gun in DT, can she have a cool-melt one",
      "he's been scratching his arms all night with his eczema and can't stop",
      "we gave the buccal midazolam twice this year and he came round quickly both times, does school need training",
      "the OT hasn't come round to see his new chair yet",
      "she's been shaking since 3 o'clock, she's so nervous about the review",
      "she goes to sleep and doesn't wake up till 11 on weekends, is that the melatonin",
    ]) {
      it(`"${text}" is not urgent`, () => expect(outcome(text)).to.not.equal('urgent'));
    }
  });

  describe('negation: a denied risk is the subject, not a risk now (support)', () => {
    for (const text of [
      "I'm not suicidal, just worn out by school",
      "she says she isn't thinking of hurting herself, she's just low",
      "he is sad but says he is not thinking of killing himself",
      "we asked him about harming himself and he said no",
    ]) {
      it(`"${text}" → support`, () => expect(outcome(text)).to.equal('support'));
    }
  });

  describe('time: history against now', () => {
    for (const text of [
      'she self-harmed two years ago and has been fine since',
      'he took an overdose when he was 14, years ago, and is doing really well now',
      'I used to cut myself in Year 9 but I have been well for a long time',
    ]) {
      it(`past and over: "${text}" → support`, () => expect(outcome(text)).to.equal('support'));
    }
    for (const text of [
      'she self-harmed two years ago and she did it again tonight',
      'just found fresh cuts on his arm',
      'he told me an hour ago that he wants to die',
      'last night she tried to hang herself',
    ]) {
      it(`now: "${text}" → urgent`, () => expect(outcome(text)).to.equal('urgent'));
    }
  });

  it('a book, a lesson or a death already happened is the subject, not a risk now', () => {
    expect(outcome('in English we are reading a play where a character kills himself')).to.not.equal('urgent');
    expect(outcome("my children's dad took his own life in March, how can school help")).to.equal('support');
    expect(outcome('in the story the girl wants to die, my daughter is upset')).to.not.equal('urgent');
    expect(outcome('we watched a video in pshe about a boy who wanted to die')).to.not.equal('urgent');
  });

  it('a story posted on social media is the person speaking, not a book', () => {
    expect(outcome('she put on her snapchat story that she wants to die')).to.equal('urgent');
    expect(outcome("he posted on his story that he wants to die tonight")).to.equal('urgent');
  });

  it('words written in an exercise book are the person speaking, not a book being read', () => {
    expect(outcome("my son wrote 'i hate my life, i want to end it all' across his homework book")).to.equal('urgent');
    expect(outcome('she wrote that she wants to die in her maths book')).to.equal('urgent');
    expect(outcome('in the book the boy wants to end it all')).to.not.equal('urgent');
  });

  it('the subject named without a person at risk is support', () => {
    expect(outcome('what should a school self-harm policy say?')).to.equal('support');
    expect(outcome('how do I report a safeguarding concern about a child')).to.equal('support');
    expect(outcome('our team is running a session on checking the SEN unit for ligature points, which fixings should we look at first?')).to.equal('support');
    expect(outcome("we've put in a new ligature policy for the unit, does it need to go to governors")).to.equal('support');
    expect(outcome('our risk assessment covers ligature points in the toilets, is that enough')).to.equal('support');
  });

  it('tells a child disclosing abuse from an adult telling about a child', () => {
    expect(isSelfDisclosure('my stepdad hits me when mum is out')).to.equal(true);
    expect(isSelfDisclosure('a pupil said her stepdad hits her')).to.equal(false);
    expect(isSelfDisclosure('my son told me the taxi driver touches him')).to.equal(false);
  });
});
