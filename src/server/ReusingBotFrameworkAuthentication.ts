import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Clients kept (one per bot, channel address and audience: a handful in practice). */
export const MAX_CLIENTS_KEPT = 64;

/** A bounded map that drops the entry used least recently when full. */
class Kept<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max: number) {}

  get(key: string, make: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = make();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, made);
    return made;
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
}

/**
 * The Bot Framework's authentication, with the clients it builds for a turn kept and reused.
 *
 * CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on every turn, each with
 * its own HTTP pipeline, even when the reply goes back in the HTTP response (expectReplies, the
 * web chat here) and neither is used: in a profile of one-turn questions that was about a seventh
 * of the server's CPU. The clients hold no per-turn state (the credentials fetch and refresh their
 * own tokens), so one per bot app id, channel address and audience is kept, as the older
 * BotFrameworkAdapter kept its connector clients. Every request is still authenticated by the
 * wrapped authentication; only the client objects are reused. A client whose creation fails is
 * not kept.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Kept<Promise<ConnectorClient>>(MAX_CLIENTS_KEPT);
  private readonly tokenClients = new Kept<Promise<UserTokenClient>>(MAX_CLIENTS_KEPT);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  /** Connector clients made so far (for tests). */
  get connectorClientsKept(): number {
    return this.connectors.size;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusingFactory(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    return this.kept(this.tokenClients, key, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.reusingFactory(result.connectorFactory, result.claimsIdentity) } : result;
  }

  private reusingFactory(inner: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const connectors = this.connectors;
    const kept = <T>(store: Kept<Promise<T>>, key: string, make: () => Promise<T>) => this.kept(store, key, make);
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return kept(connectors, JSON.stringify([appId, serviceUrl, audience ?? null]), () => inner.create(serviceUrl, audience));
      }
    })();
  }

  /** The kept client for `key`, or a new one (not kept if making it fails). */
  private kept<T>(store: Kept<Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    const p = store.get(key, () => {
      const made = make();
      made.catch(() => store.drop(key));
      return made;
    });
    return p;
  }
}
