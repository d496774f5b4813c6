import { expect } from 'chai';
import { LoopbackHttpServer } from '../support/LoopbackHttpServer';
import pino from 'pino';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config/Config';
import { createServer, type AppServer } from '../../src/server/createServer';
import { Transcript } from '../support/Transcript';
import { FakeBotConnectorAuthentication } from '../support/FakeBotConnectorAuthentication';

const CHANNEL = '19:sendiass-requests@thread.tacv2';
const TENANT = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/**
 * A stand-in for the Bot Connector service (what Teams' serviceUrl points at): it records what
 * the bot posts and answers as the connector does, or fails when told to.
 */
class FakeConnector extends LoopbackHttpServer {
  readonly posted: Recorded[] = [];
  failWith: number | undefined;

  constructor() {
    super((req, data, res) => {
      this.posted.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
      if (this.failWith) {
        res.writeHead(this.failWith, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'down' } }));
        return;
      }
      if (req.method === 'POST' && req.url === '/v3/conversations') {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `${CHANNEL};messageid=1700000000001`, activityId: '1700000000001' }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  }
}

/** Waits until `check` holds (the post to Teams runs in the background, after the person is told). */
async function waitFor(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('HTTP: the service\'s Teams channel is told of each new call-back request (fake Bot Connector)', () => {
  const connector = new FakeConnector();
  const connectorAuth = new FakeBotConnectorAuthentication('connector-token-for-tests');
  let app: AppServer;
  let base: string;
  const logLines: string[] = [];
  let people = 0;

  before(() => connector.start());
  after(() => connector.stop());
  beforeEach(async () => {
    connector.posted.length = 0;
    connector.failWith = undefined;
    logLines.length = 0;
    const config = loadConfig({
      STATE_STORE: 'memory',
      DEPLOYMENT_CONFIG: 'deployment.example.json',
      TEAMS_NOTIFY_CHANNEL_ID: CHANNEL,
      TEAMS_NOTIFY_SERVICE_URL: connector.url,
      TEAMS_TENANT_ID: TENANT,
    });
    // A logger at debug level with no redaction: proves the notifier never hands it personal data.
    // Card presses come as from the Bot Connector service: with a token the injected authentication verifies.
    app = await createServer(config, { logger: pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) }) }, { authentication: connectorAuth });
    base = await app.listen(0);
  });
  afterEach(() => app.close());

  const request = (name: string, contact: string, summary: string) =>
    new Transcript(app, 'webchat', `notify-${++people}`)
      .userSays('talk to someone')
      .botReplies(/can talk things through/)
      .botReplies(/Which council area/)
      .userSays('Trafford')
      .botReplies(/I'll remember Trafford/)
      .botReplies(/Your local SENDIASS: Trafford/)
      .botReplies(/Would you like/)
      .userSays('yes')
      .botReplies(/Is that OK\?/)
      .userSays('yes')
      .botReplies(/What name/)
      .userSays(name)
      .botReplies(/phone number or an email/)
      .userSays(contact)
      .botReplies(/best time/)
      .userSays('weekday mornings')
      .botReplies(/In one line/)
      .userSays(summary)
      .botReplies(/Please check your request/)
      .userSays('send')
      .botReplies(/has been sent/)
      .run();

  const invoke = (verb: string, requestId: string, over: Partial<Activity> = {}, authorization: string | null = connectorAuth.authorization) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:officer', name: 'Officer Olu', aadObjectId: '00000000-0000-0000-0000-00000000000a' },
        recipient: { id: '28:sen-bot', name: 'SEN assistant' },
        conversation: { id: `${CHANNEL};messageid=1700000000001`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL }, team: { id: '19:team@thread.tacv2' } },
        value: { action: { type: 'Action.Execute', verb, data: { requestId } }, trigger: 'manual' },
        ...over,
      }),
    });

  const cardText = (card: unknown) => JSON.stringify(card);

  it('posts one Adaptive Card to the channel, with the request and a "Mark contacted" button', async () => {
    await request('Sam Parent', '07700 900123', 'School has refused an EHC needs assessment');
    const [stored] = await app.services.callbacks.list();
    await waitFor(() => connector.posted.length > 0, 'the post to Teams');
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.posted).to.have.length(1);
    const post = connector.posted[0];
    expect(post.method).to.equal('POST');
    expect(post.url).to.equal('/v3/conversations');
    expect(post.authorization, 'no MicrosoftAppId: no token').to.equal(undefined);
    expect(post.body.isGroup).to.equal(true);
    expect(post.body.channelData).to.deep.equal({ channel: { id: CHANNEL }, tenant: { id: TENANT } });
    const activity = post.body.activity as { type: string; attachments: Array<{ contentType: string; content: { version: string; actions: Array<Record<string, unknown>> } }> };
    expect(activity.type).to.equal('message');
    expect(activity.attachments[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
    const card = activity.attachments[0].content;
    expect(card.version).to.equal('1.5');
    const text = cardText(card);
    for (const s of ['New call-back request', 'Sam Parent', '07700 900123', 'weekday mornings', 'School has refused an EHC needs assessment', 'Trafford', stored.id.replace(/-/g, '').slice(0, 8).toUpperCase(), stored.id]) {
      expect(text, s).to.include(s);
    }
    expect(card.actions).to.deep.include({ type: 'Action.Execute', title: 'Mark contacted', verb: 'markContacted', data: { requestId: stored.id } });
    expect(card.actions).to.deep.include({ type: 'Action.OpenUrl', title: 'Call', url: 'tel:+447700900123' });
  });

  it('"Mark contacted" from the channel updates the store and answers with the updated card; then "Mark closed"', async () => {
    await request('Sam Parent', 'sam@example.com', 'Annual review');
    const [stored] = await app.services.callbacks.list();

    const res = await invoke('markContacted', stored.id);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: { actions: Array<Record<string, unknown>> } };
    expect(body.statusCode).to.equal(200);
    expect(body.type).to.equal('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).to.match(/Call-back request: contacted/);
    expect(cardText(body.value)).to.match(/Contacted \(by Officer Olu/);
    expect(body.value.actions).to.deep.include({ type: 'Action.Execute', title: 'Mark closed', verb: 'markClosed', data: { requestId: stored.id } });
    expect((await app.services.callbacks.get(stored.id))?.status).to.equal('contacted');

    const closed = (await (await invoke('markClosed', stored.id)).json()) as { value: { actions: unknown[] } };
    expect(cardText(closed.value)).to.match(/Call-back request: closed/);
    expect(closed.value.actions).to.deep.equal([]);
    // An old card's "Mark contacted" never moves a closed request back.
    await invoke('markContacted', stored.id);
    expect((await app.services.callbacks.get(stored.id))?.status).to.equal('closed');
  });

  it('refuses a press without the connector\'s token (401), even from this machine, and changes nothing', async () => {
    await request('Sam Parent', 'sam@example.com', 'Annual review');
    const [stored] = await app.services.callbacks.list();
    for (const authorization of [null, 'Bearer forged-token']) {
      const res = await invoke('markContacted', stored.id, {}, authorization);
      expect(res.status, String(authorization)).to.equal(401);
    }
    expect((await app.services.callbacks.get(stored.id))?.status).to.equal('new');
  });

  it('refuses a press from anywhere but the service\'s channel in its tenant, and changes nothing', async () => {
    await request('Sam Parent', 'sam@example.com', 'Annual review');
    const [stored] = await app.services.callbacks.list();
    for (const [what, over] of [
      ['web chat', { channelId: 'webchat', channelData: {} }],
      ['another tenant', { channelData: { tenant: { id: '11111111-2222-4333-8444-555555555555' }, channel: { id: CHANNEL } }, conversation: { id: `${CHANNEL};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: '11111111-2222-4333-8444-555555555555' } }],
      ['another channel', { channelData: { tenant: { id: TENANT }, channel: { id: '19:other@thread.tacv2' } }, conversation: { id: '19:other@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId: TENANT } }],
    ] as Array<[string, Partial<Activity>]>) {
      const res = await invoke('markContacted', stored.id, over);
      expect(res.status, what).to.equal(403);
      const body = (await res.json()) as { statusCode: number; value: { code: string } };
      expect(body.value.code).to.equal('Forbidden');
    }
    expect((await app.services.callbacks.get(stored.id))?.status).to.equal('new');
  });

  it('answers a press for a deleted request with a card saying so, and an unknown verb with 400', async () => {
    await request('Sam Parent', 'sam@example.com', 'Annual review');
    const [stored] = await app.services.callbacks.list();
    await app.services.callbacks.delete(stored.id);
    const gone = (await (await invoke('markContacted', stored.id)).json()) as { value: unknown };
    expect(cardText(gone.value)).to.match(/no longer stored/);
    const bad = await invoke('deleteEverything', stored.id);
    expect(bad.status).to.equal(400);
    const noId = await invoke('markContacted', 'not-a-uuid');
    expect(noId.status).to.equal(400);
  });

  it('when the connector fails, the person is still told (the request is stored) and the log says so without personal data', async () => {
    connector.failWith = 500;
    const started = Date.now();
    await request('Sam Parent', '07700 900123', 'School has refused an EHC needs assessment');
    // The connector client retries for seconds; the conversation does not wait for it.
    expect(Date.now() - started).to.be.below(3000);
    const stored = await app.services.callbacks.list();
    expect(stored).to.have.length(1);
    await waitFor(() => logLines.some((l) => l.includes('not posted to Teams')), 'the warning');
    expect(connector.posted.length).to.be.greaterThan(0);
    const warned = logLines.filter((l) => l.includes('not posted to Teams'));
    expect(warned).to.have.length(1);
    expect(warned[0]).to.include(stored[0].id);
  });

  afterEach(() => {
    // Whatever happened, the log never holds what the person typed.
    for (const line of logLines) {
      for (const secret of ['Sam Parent', '07700 900123', '07700900123', 'sam@example.com', 'School has refused', 'Annual review', 'weekday mornings']) {
        expect(line, 'a log line').to.not.include(secret);
      }
    }
  });
});
