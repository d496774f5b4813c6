import { expect } from 'chai';
import { UrgentDetector } from '../../src/matching/UrgentDetector';

describe('UrgentDetector', () => {
  const detector = new UrgentDetector();

  const urgent = [
    'my son says he wants to kill himself',
    'I want to end it all',
    'she is having suicidal thoughts',
    "I don't want to be alive any more",
    'dd has been self-harming and I found blood',
    'he is cutting himself again tonight',
    'I think she has taken an overdose',
    "she's swallowed a handful of her dad's tablets",
    'he has taken a load of pills',
    'my daughter drank bleach',
    'he said he would jump off the multi-storey car park',
    'my partner is threatening to kill us',
    "we are in immediate danger",
    "i can't stop the bleeding",
    'the pills are ready',
    'pupil wants to die and has a plan',
    'I wish I was dead',
    'he would be better off dead he says',
    'she is going to hurt herself',
    'SUICIDE',
    'Hes talking about ending his life',
  ];
  const notUrgent = [
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
  ];

  for (const text of urgent) it(`treats "${text}" as urgent`, () => expect(detector.isUrgent(text)).to.equal(true));
  for (const text of notUrgent) it(`does not treat the idiom "${text}" as urgent`, () => expect(detector.isUrgent(text)).to.equal(false));
});
