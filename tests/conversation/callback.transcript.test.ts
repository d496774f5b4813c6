import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import type { AppServer } from '../../src/server/createServer';
import { SqliteCallbackStore } from '../../src/callbacks/SqliteCallbackStore';
import type { CallbackStore } from '../../src/callbacks/CallbackStore';
import type { NewCallbackRequest } from '../../src/callbacks/CallbackRequest';
import { createTestApp, Transcript } from '../support/Transcript';
import { activityText, adaptiveCard } from '../support/activityText';
import { callbackSurvivesRestart, toConsent } from '../support/restartChecks';

const DEPLOYED = { DEPLOYMENT_CONFIG: 'deployment.example.json' };
const KEY = 'officer-key-for-callback-tests-0123';
let people = 0;
const person = (app: AppServer, channel: string, conversationId?: string) => new Transcript(app, channel, `caller-${++people}`, conversationId);

describe('Conversation: a call-back request (real bot, real store)', () => {
  let app: AppServer;
  beforeEach(async () => {
    app = await createTestApp(DEPLOYED);
  });
  afterEach(() => app.close());

  for (const channel of ['webchat', 'msteams']) {
    it(`the whole flow on ${channel}: consent, re-asks for a bad phone and email, review, a correction, sent and stored`, async () => {
      let reference = '';
      await toConsent(
        person(app, channel)
          .userSays('what is an ehc plan')
          .botReplies(/EHC plan/),
      )
        .userSays('yes')
        .botReplies(/What name should they ask for\?/)
        .userSays('Sam')
        .botReplies(/Type a phone number or an email address/)
        .userSays('12345')
        .botReplies(/doesn't look like a phone number or an email address.*07700 900123.*name@example\.com/s)
        .userSays('sam@')
        .botReplies(/doesn't look like a phone number or an email address.*Or say "cancel"/s)
        .userSays('my number is 07700 900123')
        .botReplies(/best time to contact you/)
        .userSays('weekday mornings')
        .botReplies(/In one line, what would you like help with\?/)
        .userSays('School has refused an EHC needs assessment')
        .botReplies((_r, text) => {
          expect(text).to.match(/In this conversation we looked at:\n- What is an EHC plan\?/);
          expect(text).to.match(/Only the titles are sent, never what we said/);
        })
        .userSays('yes')
        .botReplies((reply, text) => {
          expect(adaptiveCard(reply), 'the review is a card').to.not.equal(undefined);
          expect(text).to.match(/Please check your request before I send it/);
          expect(text).to.match(/Your name: \nSam/);
          expect(text).to.match(/Phone: \n07700 900123/);
          expect(text).to.match(/Best time: \nweekday mornings/);
          expect(text).to.match(/About: \nSchool has refused an EHC needs assessment/);
          expect(text).to.match(/Topics: \nWhat is an EHC plan\?/);
          for (const b of ['Send request', 'Change name', 'Change phone or email', 'Change best time', 'Change summary', 'Change topics', 'Cancel request']) expect(text).to.include(`[${b}]`);
        })
        .userPresses('Change phone or email')
        .botReplies(/Type a phone number or an email address/)
        .userSays('sam@example.com')
        .botReplies((_r, text) => {
          expect(text).to.match(/Email: \nsam@example\.com/);
          expect(text).to.not.match(/07700/);
        })
        .userSays('change the time')
        .botReplies(/best time to contact you/)
        .userSays('after 3pm')
        .botReplies(/Best time: \nafter 3pm/)
        .userPresses('Send request')
        .botReplies((_r, text) => {
          const m = /your request has been sent to Trafford SEND Information Advice and Support Service \(SENDIASS\)\. Your reference is ([0-9A-F]{8})\./.exec(text);
          expect(m, text).to.not.equal(null);
          reference = (m as RegExpExecArray)[1];
          expect(text).to.match(/someone from the service will contact you by email/);
          expect(text).to.match(/kept for 30 days and then deleted/);
        })
        .run();
      const stored = await app.services.callbacks.list();
      expect(stored).to.have.length(1);
      const r = stored[0];
      expect(r.id.replace(/-/g, '').slice(0, 8).toUpperCase()).to.equal(reference);
      expect(r).to.include({ area: 'Trafford', status: 'new', name: 'Sam', contact: 'sam@example.com', contactKind: 'email', bestTime: 'after 3pm', summary: 'School has refused an EHC needs assessment' });
      expect(r.topics).to.deep.equal(['What is an EHC plan?']);
    });
  }

  it('without a yes to the topics, none are sent; with no answers shown, the question is not asked', async () => {
    await toConsent(person(app, 'webchat').userSays('what is a senco').botReplies(/SENCO/i))
      .userSays('ok')
      .botReplies(/What name/)
      .userSays('Alex')
      .botReplies(/phone number or an email/)
      .userSays('0161 496 0000')
      .botReplies(/best time/)
      .userSays('any time')
      .botReplies(/In one line/)
      .userSays('Help preparing for a meeting')
      .botReplies(/In this conversation we looked at/)
      .userSays('no')
      .botReplies(/Topics: \nNot shared/)
      .userSays('send')
      .botReplies(/has been sent/)
      .run();
    await toConsent(person(app, 'webchat'))
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('Kim')
      .botReplies(/phone number or an email/)
      .userSays('kim@example.org')
      .botReplies(/best time/)
      .userSays('mornings')
      .botReplies(/In one line/)
      .userSays('SEN support questions')
      .botReplies((_r, text) => {
        expect(text).to.match(/Please check your request/);
        expect(text).to.not.match(/Topics|looked at/);
      })
      .userSays('send')
      .botReplies(/has been sent/)
      .run();
    const stored = await app.services.callbacks.list();
    expect(stored.map((r) => r.topics)).to.deep.equal([null, null]);
  });

  it('"cancel" part-way stops it, says nothing was sent, and keeps nothing', async () => {
    await toConsent(person(app, 'webchat'))
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('Sam')
      .botReplies(/phone number or an email/)
      .userSays('cancel')
      .botReplies(/has not been sent, and I haven't kept the details/)
      .botReplies(/I've stopped that/)
      .userSays('what is sen support')
      .botReplies(/What is SEN support/)
      .run();
    expect(await app.services.callbacks.list()).to.have.length(0);
  });

  it('"Cancel request" on the review card, or "don\'t send it", cancels; "no" to consent sends nothing', async () => {
    for (const how of ['button', 'words'] as const) {
      const t = toConsent(person(app, 'msteams'))
        .userSays('yes')
        .botReplies(/What name/)
        .userSays('Sam')
        .botReplies(/phone number or an email/)
        .userSays('07700 900123')
        .botReplies(/best time/)
        .userSays('any time')
        .botReplies(/In one line/)
        .userSays('A question about SEN support')
        .botReplies(/Please check your request/);
      if (how === 'button') t.userPresses('Cancel request');
      else t.userSays("don't send it");
      await t.botReplies(/I've cancelled your call-back request\. Nothing was sent/).run();
    }
    await toConsent(person(app, 'webchat'))
      .userSays('no thanks')
      .botReplies(/I haven't sent anything/)
      .run();
    expect(await app.services.callbacks.list()).to.have.length(0);
  });

  it('moving to an area this service does not cover, at the review, cancels the request and shows the new area', async () => {
    await toConsent(person(app, 'webchat'))
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('Sam')
      .botReplies(/phone number or an email/)
      .userSays('07700 900123')
      .botReplies(/best time/)
      .userSays('any time')
      .botReplies(/In one line/)
      // Their own words are never read as a command, even when they mention moving.
      .userSays("we've moved to Trafford from Lancs and the new school won't help")
      .botReplies(/Please check your request/)
      .userSays("actually we've moved to Peterborough")
      .botReplies(/OK, I've changed your area to Peterborough/)
      .botReplies(/has not been sent/)
      .botReplies(/Your local SENDIASS: Peterborough/)
      .botReplies(/only take call-back requests for families in Trafford/)
      .run();
    expect(await app.services.callbacks.list()).to.have.length(0);
  });

  it('naming an area this service covers, at the review, keeps the request and shows the review again', () =>
    toConsent(person(app, 'webchat'))
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('Sam')
      .botReplies(/phone number or an email/)
      .userSays('07700 900123')
      .botReplies(/best time/)
      .userSays('any time')
      .botReplies(/In one line/)
      .userSays('Help with a meeting')
      .botReplies(/Please check your request/)
      .userSays('my council is trafford')
      .botReplies(/OK, I've changed your area to Trafford\. Your request will go to Trafford SEND Information Advice and Support Service/)
      .botReplies(/Please check your request.*Your name: \nSam/s)
      .userSays('send')
      .botReplies(/has been sent/)
      .run());

  it('re-asks for a name that is too long and a summary that is far too long', () =>
    toConsent(person(app, 'webchat'))
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('x'.repeat(101))
      .botReplies(/longer than I can take \(100 characters\)/)
      .userSays('Sam')
      .botReplies(/phone number or an email/)
      .userSays('sam@example.com')
      .botReplies(/best time/)
      .userSays('evenings')
      .botReplies(/In one line/)
      .userSays('y'.repeat(501))
      .botReplies(/up to 500 characters/)
      .run());
});

describe('Conversation: a call-back request is stored before the person is told', () => {
  /** A real store that records when each write has finished. */
  function recordingStore(events: string[], fail = false): CallbackStore {
    const real = new SqliteCallbackStore(':memory:');
    return Object.assign(Object.create(real) as CallbackStore, {
      async create(input: NewCallbackRequest) {
        await new Promise((r) => setTimeout(r, 20));
        if (fail) throw new Error('disk full');
        const saved = await real.create(input);
        events.push('stored');
        return saved;
      },
    });
  }

  async function runFlow(app: AppServer, events: string[]): Promise<string[]> {
    const adapter = new TestAdapter((c) => app.bot.run(c), { channelId: 'webchat', from: { id: `order-${++people}`, name: 'U' }, recipient: { id: 'bot', name: 'Bot' }, conversation: { id: `order-conv-${people}`, isGroup: false, conversationType: 'personal', name: 't' } });
    adapter.use(async (context, next) => {
      context.onSendActivities(async (_c, activities, send) => {
        for (const a of activities) if (/has been sent/.test(activityText(a as Partial<Activity>))) events.push('told');
        return send();
      });
      await next();
    });
    const said: string[] = [];
    for (const text of ['talk to someone', 'Trafford', 'yes', 'yes', 'Sam', '07700 900123', 'any time', 'Help with SEN support', 'send']) {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity({ type: 'message', text });
      said.push(...(adapter.activeQueue.splice(0) as Array<Partial<Activity>>).map(activityText));
    }
    return said;
  }

  it('writes the request, then says it was sent', async () => {
    const events: string[] = [];
    const app = await createTestApp(DEPLOYED, { callbacks: recordingStore(events) });
    try {
      const said = await runFlow(app, events);
      expect(said.join('\n')).to.match(/has been sent/);
      expect(events).to.deep.equal(['stored', 'told']);
    } finally {
      await app.close();
    }
  });

  it('a store that fails: the person is told it was NOT sent, and can try again', async () => {
    const events: string[] = [];
    const app = await createTestApp(DEPLOYED, { callbacks: recordingStore(events, true) });
    try {
      const said = await runFlow(app, events);
      const last = said.join('\n');
      expect(last).to.match(/couldn't save your request just now, so it has not been sent/);
      expect(last).to.not.match(/has been sent/);
      expect(events).to.deep.equal([]);
    } finally {
      await app.close();
    }
  });
});

describe('Conversation: a call-back request survives a server restart (SQLite in DATA_DIR)', () => {
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callback-restart-'));
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('a request half-way through carries on after a restart, is sent, and is listed by the officers\' API after another', async () => {
    const env = { STATE_STORE: 'sqlite', DATA_DIR: dataDir, ...DEPLOYED, OFFICER_API_KEY: KEY };
    await callbackSurvivesRestart(env, { user: 'restart-caller', conversation: 'restart-callback-conv', officerKey: KEY });
  });
});
