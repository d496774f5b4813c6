import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from '../support/Transcript';
import { adaptiveCard } from '../support/activityText';

/** Every Action.OpenUrl's url on the reply's card. */
function urls(reply: Partial<Activity> | undefined): string[] {
  const card = reply ? adaptiveCard(reply) : undefined;
  return ((card?.actions ?? []) as Array<{ type: string; url?: string }>).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url as string);
}

let people = 0;
/** A transcript for a new person (the area is remembered per person). */
const person = (app: AppServer, channel: string) => new Transcript(app, channel, `person-${++people}`);

/** A new person says "talk to someone" and is asked which council area they live in. */
const askedTheirArea = (app: AppServer, channel: string) =>
  person(app, channel).userSays('talk to someone').botReplies(/can talk things through/).botReplies(/Which council area/);

const suggested = (reply: Partial<Activity> | undefined) => (reply?.suggestedActions?.actions ?? []).map((a) => a.title);

describe('Conversation: the hand-off to SENDIASS (real bot, real area directory)', () => {
  let app: AppServer;
  before(async () => {
    // No deployment file: the shipped directory only, and so no call-back requests.
    app = await createTestApp({ DEPLOYMENT_CONFIG: 'none' });
  });
  after(() => app.close());

  for (const channel of ['webchat', 'msteams']) {
    describe(`on ${channel}`, () => {
      it('"talk to someone" starts the hand-off; "I\'m in Lancs" is Lancashire, remembered and shown', () =>
        person(app, channel)
          .userSays('can I talk to someone please')
          .botReplies(/Your local SENDIASS .* can talk things through/)
          .botReplies(/Which council area do you live in\?/)
          .userSays("I'm in Lancs")
          .botReplies(/I'll remember Lancashire \(Lancashire County Council\) as your area/)
          .botReplies((reply, text) => {
            expect(adaptiveCard(reply), 'a card').to.not.equal(undefined);
            expect(text).to.include('Your local SENDIASS: Lancashire');
            expect(text).to.include('Lancashire SEND Information, Advice and Support Service (SENDIAS)');
            expect(text).to.match(/free, confidential and impartial/);
            expect(text).to.match(/Website: .*lancashire\.gov\.uk/);
            expect(text).to.not.match(/Phone:/);
            expect(urls(reply)).to.include('https://www.lancashire.gov.uk/children-education-families/special-educational-needs-and-disabilities/getting-help/information-advice-and-support/');
          })
          .botReplies(/ask me another question/)
          .run());

      it('"Bedford" asks which of Bedford and Central Bedfordshire; the button (or its number) picks one', () =>
        askedTheirArea(app, channel)
          .userSays('Bedford')
          .botReplies((reply, text) => {
            expect(text).to.match(/fits more than one council\. Which do you mean\?/);
            expect(text).to.include('1. Bedford (Bedford Borough Council)');
            expect(text).to.include('2. Central Bedfordshire (Central Bedfordshire Council)');
            expect(suggested(reply)).to.deep.equal(['Bedford', 'Central Bedfordshire']);
          })
          // The suggested action sends the name, which is ambiguous on its own: it must still pick Bedford.
          .userSays('Bedford')
          .botReplies(/I'll remember Bedford \(Bedford Borough Council\) as your area/)
          .botReplies(/Your local SENDIASS: Bedford/)
          .run());

      it('a town it does not know gets "which council area?" with a list to pick from; a pick is used', () =>
        askedTheirArea(app, channel)
          .userSays('Chorley')
          .botReplies((reply, text) => {
            expect(text).to.match(/couldn't match that to a council area in England\. Which council area are you in\?/);
            expect(text).to.match(/Type your council's name \(for example Leeds, Kent or Lancashire\), or choose it from the list/);
            expect(text).to.match(/say "not sure"/);
            const card = adaptiveCard(reply) as { body: Array<{ type: string; choices?: Array<{ value: string }>; label?: string }> };
            const choice = card.body.find((b) => b.type === 'Input.ChoiceSet');
            expect(choice?.label).to.equal('Your council area');
            expect(choice?.choices).to.have.length(153);
          })
          .userSends({ type: 'message', value: { action: 'pickArea', area: 'Peterborough' } })
          .botReplies(/I'll remember Peterborough \(Peterborough City Council\)/)
          .botReplies((reply, text) => {
            expect(text).to.include('Peterborough SEND Information Advice and Support Service (SENDIASS)');
            expect(text).to.match(/Phone: \[0300 365 1020\]\(tel:\+443003651020\)/);
            expect(urls(reply)).to.include('tel:+443003651020');
            expect(text).to.match(/it helps to have ready:/);
            expect(text).to.match(/a list of your concerns/);
            expect(text).to.match(/Source: Trafford Council Local Offer, "SEN support"; Buckinghamshire SENDIAS/);
          })
          .run());
    });
  }

  it('the contact card for a verified area (East Riding of Yorkshire): phone as tel:, email as mailto:, website', () =>
    askedTheirArea(app, 'webchat')
      .userSays('east riding')
      .botReplies(/East Riding of Yorkshire/)
      .botReplies((reply, text) => {
        expect(text).to.include('Special Educational Needs and Disabilities Information, Advice & Support Service (SENDIASS)');
        expect(text).to.include('Phone: [01482 396469](tel:+441482396469)');
        expect(text).to.include('Email: [sendiass@eastriding.gov.uk](mailto:sendiass@eastriding.gov.uk)');
        expect(text).to.match(/Opening hours: see their website/);
        expect(text).to.not.match(/can't vouch|don't have contact details/);
        expect(urls(reply)).to.deep.equal([
          'tel:+441482396469',
          'mailto:sendiass@eastriding.gov.uk',
          'http://www.eastridinglocaloffer.org.uk/care-and-support/support-for-parents-carers-and-young-people/sendiass/',
        ]);
      })
      .run());

  it('a name-only area (Birmingham): the name, no contact details, and the national route', () =>
    person(app, 'webchat')
      .userSays('i want to speak to a real person')
      .botReplies(/can talk things through/)
      .botReplies(/Which council area/)
      .userSays('brum')
      .botReplies(/Birmingham/)
      .botReplies((reply, text) => {
        expect(text).to.match(/Birmingham/);
        expect(text).to.match(/I don't have contact details I can vouch for, for this service/);
        expect(text).to.match(/IASS Network.*keeps the national list of local information, advice and support services/);
        expect(text).to.match(/Look at Birmingham City Council's Local Offer/);
        expect(text).to.match(/IPSEA/);
        expect(text).to.not.match(/Phone:|Email:|tel:|mailto:/);
        expect(urls(reply)).to.deep.equal(['https://councilfordisabledchildren.org.uk', 'https://www.ipsea.org.uk']);
      })
      .run());

  it('a third-party phone is shown only as "reported; check the website" (Leeds)', () =>
    askedTheirArea(app, 'webchat')
      .userSays('leeds')
      .botReplies(/Leeds/)
      .botReplies((reply, text) => {
        expect(text).to.match(/Phone: .* \(reported; check the website\)/);
        expect(urls(reply).some((u) => u.startsWith('tel:')), 'no call button for a reported number').to.equal(false);
      })
      .run());

  it('an unknown area ("not sure"): says so and gives the national route', () =>
    askedTheirArea(app, 'webchat')
      .userSays('not sure')
      .botReplies((_reply, text) => {
        expect(text).to.match(/I don't know your council area, so here is how to find your local service/);
        expect(text).to.match(/councilfordisabledchildren\.org\.uk/);
        expect(text).to.match(/your council's Local Offer/);
        expect(text).to.match(/ipsea\.org\.uk/);
      })
      .botReplies(/ask me another question/)
      .run());

  it('three places it cannot match lead to the national route instead of asking for ever', () =>
    askedTheirArea(app, 'webchat')
      .userSays('Narnia')
      .botReplies(/couldn't match that/)
      .userSays('Atlantis')
      .botReplies(/couldn't match that/)
      .userSays('Gondor')
      .botReplies(/still can't match that/)
      .botReplies(/I don't know your council area/)
      .run());

  it('remembers the area: a later question gets the Trafford version, and the next hand-off does not ask again', () =>
    askedTheirArea(app, 'webchat')
      .userSays('we live in trafford')
      .botReplies(/I'll remember Trafford/)
      .botReplies(/Your local SENDIASS: Trafford/)
      .botReplies(/ask me another question/)
      .userSays('what is sen support')
      .botReplies(/What is SEN support in Trafford\?/)
      .userSays('talk to someone')
      .botReplies(/can talk things through/)
      .botReplies(/Your local SENDIASS: Trafford/)
      .botReplies(/Not in Trafford\? Say "change area"/)
      .run());

  it('"I\'ve moved to Trafford" outside the hand-off changes the area; answers follow it', () =>
    new Transcript(app, 'webchat', 'user-mover')
      .userSays('what is sen support')
      .botReplies(/^What is SEN support\?/)
      .userSays("I've moved to Trafford")
      .botReplies(/I'll use Trafford \(Trafford Metropolitan Borough Council\) as your area from now on/)
      .userSays('what is sen support')
      .botReplies(/What is SEN support in Trafford\?/)
      .userSays('we just moved to Bucks')
      .botReplies(/I'll use Buckinghamshire/)
      .userSays('we have moved to Bedford')
      .botReplies(/Which do you mean\?/)
      .userSays('2')
      .botReplies(/I'll use Central Bedfordshire/)
      .run());

  it('talk of moving that names no area is a question, not a change of area', () =>
    person(app, 'webchat')
      .userSays('we moved him to a new school, will his support carry on?')
      .botReplies((_r, text) => expect(text).to.not.match(/council area|your area/))
      .userSays('my LA is refusing to assess')
      .botReplies((_r, text) => expect(text).to.not.match(/council area|your area/))
      .run());

  it('"change my area" after the card asks the area again and keeps the new one', () =>
    askedTheirArea(app, 'msteams')
      .userSays('lancashire')
      .botReplies(/I'll remember Lancashire/)
      .botReplies(/Your local SENDIASS: Lancashire/)
      .botReplies(/ask me another question/)
      .userSays('talk to someone')
      .botReplies(/can talk things through/)
      .botReplies(/Your local SENDIASS: Lancashire/)
      .botReplies(/Not in Lancashire/)
      .userSays('change my area')
      .botReplies(/Which council area are you in now\?/)
      .userSays('Peterborough')
      .botReplies(/I'll use Peterborough \(Peterborough City Council\) as your area from now on/)
      .userSays('talk to someone')
      .botReplies(/can talk things through/)
      .botReplies(/Your local SENDIASS: Peterborough/)
      .run());

  it('"I\'ve moved to …" while the hand-off is waiting shows the new area\'s card at once', async () => {
    const deployed = await createTestApp({ DEPLOYMENT_CONFIG: 'deployment.example.json' });
    try {
      await askedTheirArea(deployed, 'webchat')
        .userSays('Trafford')
        .botReplies(/I'll remember Trafford/)
        .botReplies(/Your local SENDIASS: Trafford/)
        .botReplies(/Would you like .* to contact you\?/)
        .userSays("actually we've moved to Peterborough")
        .botReplies(/OK, I've changed your area to Peterborough\./)
        .botReplies(/Your local SENDIASS: Peterborough/)
        .botReplies(/can only take call-back requests for families in Trafford/)
        .run();
    } finally {
      await deployed.close();
    }
  });

  it('asking for the service\'s number (the contact-sendiass answer) starts the hand-off', () =>
    person(app, 'webchat')
      .userSays('whats the sendiass phone number')
      .botReplies(/Your local SENDIASS .* can talk things through/)
      .botReplies(/Which council area/)
      .run());

  it('"None of these" after "Did you mean…" starts the hand-off', () =>
    person(app, 'webchat')
      .userSays('review')
      .botReplies(/Did you mean/)
      .userPresses('None of these')
      .botReplies(/couldn't find the right answer/)
      .botReplies(/can help with questions I cannot answer/)
      .botReplies(/Which council area/)
      .run());

  it('"No" on "Was this helpful?" offers SENDIASS; "yes" starts the hand-off', () =>
    person(app, 'webchat')
      .userSays('what is sen support')
      .botReplies(/What is SEN support/)
      .userPresses('No')
      .botReplies(/sorry that didn't help/)
      .botReplies(/Would you like to talk to someone at your local SENDIASS\?/)
      .userSays('yes please')
      .botReplies(/can talk it through with you/)
      .botReplies(/Which council area/)
      .run());

  it('with no deployment, no call back is offered (there is no service to send it to)', () =>
    askedTheirArea(app, 'webchat')
      .userSays('Trafford')
      .botReplies(/I'll remember Trafford/)
      .botReplies(/Your local SENDIASS: Trafford/)
      .botReplies(/ask me another question/)
      .botNeverSays(/call-back|call back/)
      .run());

  it('a question typed instead of answering the call-back offer is answered', async () => {
    const deployed = await createTestApp({ DEPLOYMENT_CONFIG: 'deployment.example.json' });
    try {
      await askedTheirArea(deployed, 'webchat')
        .userSays('Trafford')
        .botReplies(/I'll remember Trafford/)
        .botReplies(/Your local SENDIASS: Trafford/)
        .botReplies(/Would you like .* to contact you\?/)
        .userSays('what is an ehc plan')
        .botReplies(/EHC plan/)
        .run();
    } finally {
      await deployed.close();
    }
  });

  it('with a deployment, a family from another area is told why there is no call back', async () => {
    const deployed = await createTestApp({ DEPLOYMENT_CONFIG: 'deployment.example.json' });
    try {
      await person(deployed, 'webchat')
        .userSays('talk to someone')
        .botReplies((reply) => expect(reply.text).to.match(/can talk things through/))
        .botReplies((reply) => expect(suggested(reply)).to.deep.equal(['Trafford', 'Not sure']))
        .userSays('Peterborough')
        .botReplies(/I'll remember Peterborough/)
        .botReplies(/Your local SENDIASS: Peterborough/)
        .botReplies(/run by Trafford SEND Information Advice and Support Service \(SENDIASS\), so it can only take call-back requests for families in Trafford/)
        .run();
    } finally {
      await deployed.close();
    }
  });
});
