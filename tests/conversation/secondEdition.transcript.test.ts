import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';

/**
 * The knowledge base's second edition through the real bot: the new answers where the law gives
 * people rights they ask about, and the corrected answers the review found wrong. Each message is
 * worded differently from the answers' own phrasings, as a person would type it.
 */
describe('Conversation: the second edition of the knowledge base (real bot, real knowledge base)', () => {
  let app: AppServer;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  const cases: Array<[string, string, RegExp[]]> = [
    ['being sent home is an informal exclusion', 'the school rang again today asking me to come and take him home early', [/Can the school send my child home or exclude them\?/, /unlawful informal exclusion/, /even if you agree/, /45 school days/]],
    ['part-time timetables', 'they want my daughter doing half days only for now, are they allowed', [/part-time timetable/i, /right to full-time education/, /must not be used to manage behaviour/, /authorised absence/]],
    ['reasonable adjustments and trips', 'my autistic son has been told he cant come on the year 6 residential', [/Equality Act 2010/, /reasonable adjustments/, /trips/, /First-tier Tribunal \(SEND\)/]],
    ['complaints and the Ombudsman when the council is late', 'its week 26 and still no ehcp from the council, where can i complain', [/complain/i, /Local Government and Social Care Ombudsman/]],
    ['medical needs and healthcare plans', 'my son has type 1 diabetes, what should the school put in place', [/individual healthcare plan/i, /reviewed at least once a year/]],
    ['choosing a school: the council decides and a named school must admit', 'the special school we want says they cant meet his needs so they wont take him', [/The council decides, not the school/, /must take your child/]],
    ['a plan is enforceable', 'the speech therapy in section f of the ehcp never happens', [/council must make sure/, /section F/]],
    ['the legal test, and no minimum time', 'do we have to wait two terms of sen support before we can apply for an ehcp', [/has or may have SEN and may need an EHC plan/, /no minimum time/i]],
  ];
  for (const [name, message, expected] of cases) {
    it(`${name}: "${message}"`, () =>
      new Transcript(app, 'webchat')
        .userSays(message)
        .botReplies((_reply, text) => {
          for (const e of expected) expect(text).to.match(e);
          expect(text).to.match(/Sources?: /);
        })
        .run());
  }

  it('answers a young person asking about themselves in words written to them too', () =>
    new Transcript(app, 'webchat')
      .userSays('im 15 and i get so anxious i cant face going into lessons')
      .botReplies((_reply, text) => {
        expect(text).to.match(/you, or your child|you or your child/);
        expect(text).to.match(/Sources?: /);
      })
      .run());
});
