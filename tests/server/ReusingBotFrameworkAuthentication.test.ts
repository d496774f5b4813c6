import { expect } from 'chai';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import { ReusingBotFrameworkAuthentication } from '../../src/server/ReusingBotFrameworkAuthentication';

const activity = (serviceUrl: string): Activity => ({ type: 'message', text: 'hi', serviceUrl, channelId: 'webchat', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }) as Activity;

/** Stands for the Bot Framework's authentication: counts what it is asked, refuses a bad header. */
class CountingAuthentication extends ConfigurationBotFrameworkAuthentication {
  authentications = 0;
  created = 0;
  failNext = false;

  constructor() {
    super({});
  }

  override async authenticateRequest(a: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    this.authentications++;
    if (authHeader === 'Bearer bad') throw new Error('Unauthorized');
    const result = await super.authenticateRequest(a, authHeader);
    const inner = result.connectorFactory as ConnectorFactory;
    const creating = () => {
      this.created++;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('no credentials');
      }
    };
    return {
      ...result,
      connectorFactory: new (class extends ConnectorFactory {
        async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
          creating();
          return inner.create(serviceUrl, audience);
        }
      })(),
    };
  }
}

describe('ReusingBotFrameworkAuthentication: every turn authenticated, its clients reused', () => {
  let inner: CountingAuthentication;
  let auth: ReusingBotFrameworkAuthentication;

  beforeEach(() => {
    inner = new CountingAuthentication();
    auth = new ReusingBotFrameworkAuthentication(inner as BotFrameworkAuthentication);
  });

  async function clientFor(serviceUrl: string, header = ''): Promise<ConnectorClient> {
    const result = await auth.authenticateRequest(activity(serviceUrl), header);
    return (result.connectorFactory as ConnectorFactory).create(serviceUrl, result.audience);
  }

  it('gives the same connector client to two turns to the same channel address, and authenticates both', async () => {
    const a = await clientFor('http://localhost:3978/');
    const b = await clientFor('http://localhost:3978/');
    expect(b).to.equal(a);
    expect(inner.authentications).to.equal(2);
    expect(inner.created).to.equal(1);
  });

  it('keeps one client per channel address (they are not mixed up)', async () => {
    const a = await clientFor('http://localhost:3978/');
    const b = await clientFor('http://127.0.0.1:4000/');
    expect(b).to.not.equal(a);
    expect((a as unknown as { baseUri?: string }).baseUri ?? '').to.contain('localhost:3978');
    expect((b as unknown as { baseUri?: string }).baseUri ?? '').to.contain('127.0.0.1:4000');
    expect(auth.connectorClientsKept).to.equal(2);
  });

  it('serves an activity with no channel address (expectReplies from a test or a probe) without failing, once per bot', async () => {
    const result = await auth.authenticateRequest(activity(undefined as unknown as string), '');
    const factory = result.connectorFactory as ConnectorFactory;
    const a = await factory.create(undefined as unknown as string, result.audience);
    const b = await factory.create(undefined as unknown as string, result.audience);
    expect(b).to.equal(a);
    expect(await factory.create(undefined as unknown as string)).to.be.instanceOf(ConnectorClient);
  });

  it('still refuses a request its authentication refuses, every time', async () => {
    await clientFor('http://localhost:3978/');
    for (let i = 0; i < 2; i++) {
      let refused = false;
      await auth.authenticateRequest(activity('http://localhost:3978/'), 'Bearer bad').catch(() => (refused = true));
      expect(refused, 'refused').to.equal(true);
    }
  });

  it('does not keep a client whose creation failed: the next turn makes a new one', async () => {
    inner.failNext = true;
    let failed = false;
    await clientFor('http://localhost:3978/').catch(() => (failed = true));
    expect(failed).to.equal(true);
    const ok = await clientFor('http://localhost:3978/');
    expect(ok).to.be.instanceOf(ConnectorClient);
    expect(inner.created).to.equal(2);
  });

  it('reuses the user token client per bot app id', async () => {
    const identity = new ClaimsIdentity([{ type: AuthenticationConstants.AppIdClaim, value: '' }], true);
    const a = await auth.createUserTokenClient(identity);
    const b = await auth.createUserTokenClient(identity);
    expect(b).to.equal(a);
  });
});
