import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { CardAction } from '../../src/bot/CardActions';
import { createTestApp, Transcript } from '../support/Transcript';

/**
 * The knowledge base's second edition through the real bot: the new answers where the law gives
 * people rights they ask about, and the corrected answers the review found wrong. Each message is
 * worded differently from the answers' own phrasings, as a person would type it. The answer must
 * come back directly, or as a "Did you mean" choice that the person then presses (how sure the
 * matcher is belongs to the matcher's own tests); either way its content is checked.
 */
describe('Conversation: the second edition of the knowledge base (real bot, real knowledge base)', () => {
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  /** The text of the answer `id` (titled `title`) that the bot gives for `message`. */
  async function answerTo(message: string, id: string, title: string): Promise<string> {
    const conversation = `conv-2e-${Math.random().toString(36).slice(2)}`;
    let first = '';
    await new Transcript(app, 'webchat', 'user-2e', conversation)
      .userSays(message)
      .botReplies((_r, text) => {
        first = text;
      })
      .run();
    expect(first, `"${message}" should reach "${title}"`).to.include(title);
    if (!/not sure which of these you mean/.test(first)) return first;
    let answer = '';
    await new Transcript(app, 'webchat', 'user-2e', conversation)
      .userSends({ type: 'message', value: { action: CardAction.ShowAnswer, id } })
      .botReplies((_r, text) => {
        answer = text;
      })
      .run();
    return answer;
  }

  const cases: Array<[string, string, string, string, RegExp[]]> = [
    ['being sent home is an informal exclusion', 'the school rang again today asking me to come and take him home early', 'exclusions', 'Can the school send my child home or exclude them?', [/unlawful informal exclusion/, /even if you agree/, /45 school days/]],
    ['part-time timetables', 'they want my daughter doing half days only for now, are they allowed', 'part-time-timetables', 'Can my child be put on a part-time timetable?', [/right to full-time education/, /must not be used to manage behaviour/, /authorised absence/]],
    ['reasonable adjustments and trips', 'my autistic son has been told he cant come on the year 6 residential', 'disability-and-reasonable-adjustments', 'Disability, the Equality Act and reasonable adjustments at school', [/Equality Act 2010/, /reasonable adjustments/, /trips/, /First-tier Tribunal \(SEND\)/]],
    ['complaints and the Ombudsman when the council is late', 'its week 26 and still no ehcp from the council, where can i complain', 'complaints-and-ombudsman', 'How do I complain about the school or the council?', [/Local Government and Social Care Ombudsman/, /usually need to go to it within 12 months/]],
    ['medical needs and healthcare plans', 'my son has type 1 diabetes, what should the school put in place', 'medical-needs-in-school', 'My child has a medical condition: what should school do?', [/individual healthcare plan/i, /reviewed at least once a year/]],
    ['choosing a school: the council decides and a named school must admit', 'the special school we want says they cant meet his needs so they wont take him', 'ehc-plan-school-placement', 'Does an EHC plan mean a special school? Who chooses the school?', [/The council decides, not the school/, /must take your child/]],
    ['a plan is enforceable', 'the help written into his ehcp is not happening, does the council have to provide it', 'what-is-an-ehc-plan', 'What is an EHC plan?', [/council must make sure/, /section F/]],
    ['the legal test, and no minimum time', 'do we have to wait two terms of sen support before we can apply for an ehcp', 'when-to-request-ehc-needs-assessment', 'When should we ask for an EHC needs assessment?', [/has or may have SEN and may need an EHC plan/, /no minimum time/i]],
    ['a young person asking about themselves gets words written to them too', 'im 15 and i get so anxious i cant face going into lessons', 'school-avoidance', "My child can't face going to school – what help is there?", [/you or your child/]],
  ];
  for (const [name, message, id, title, expected] of cases) {
    it(`${name}: "${message}"`, async () => {
      const text = await answerTo(message, id, title);
      for (const e of expected) expect(text).to.match(e);
      expect(text).to.match(/Sources?: /);
    });
  }
});
