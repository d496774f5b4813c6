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
import { DigestMemo } from '../matching/DigestMemo';

/** Clients kept (one per bot, channel address and audience: a handful in practice). */
export const MAX_CLIENTS_KEPT = 64;

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
  // (DigestMemo: least recently used dropped first, a failed creation not kept.)
  private readonly connectors = new DigestMemo<ConnectorClient>(MAX_CLIENTS_KEPT);
  private readonly tokenClients = new DigestMemo<UserTokenClient>(MAX_CLIENTS_KEPT);

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
    return this.tokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
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
    // A plain key, not a digest: no message text is in it, and an activity may come without a
    // serviceUrl (expectReplies), or without an audience (the factory then uses its default).
    const key = (serviceUrl: string | undefined, audience: string | undefined) => JSON.stringify([appId, serviceUrl ?? null, audience ?? null]);
    const reuse = (serviceUrl: string, audience: string | undefined) => this.connectors.get(key(serviceUrl, audience), () => inner.create(serviceUrl, audience));
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return reuse(serviceUrl, audience);
      }
    })();
  }
}
