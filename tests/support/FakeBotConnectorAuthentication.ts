import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Identity = AuthenticateRequestResult['claimsIdentity'];

/**
 * Stands in for the Bot Framework's authentication in tests, injected through createServer's
 * `authentication` (the CloudAdapter's constructor): a request carrying `Authorization: Bearer
 * <token>` with this instance's token is treated as the Bot Connector service's, verified, with
 * the claims a real token has; any other request is refused with 401, as a bad token is. Replies
 * and posts go out as with authentication off (no token), so a fake connector can take them.
 * Nothing in the server knows this class: it goes through the same path as the real one.
 */
export class FakeBotConnectorAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    readonly token: string,
    private readonly appId = '00000000-0000-4000-8000-00000000b07a',
  ) {
    super({});
  }

  get authorization(): string {
    return `Bearer ${this.token}`;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    if (authHeader !== this.authorization) {
      throw Object.assign(new Error('Unauthorized Access. Request is not authorized'), { name: 'AuthenticationError', statusCode: 401 });
    }
    const claims = [
      { type: 'aud', value: this.appId },
      { type: 'iss', value: 'https://api.botframework.com' },
      { type: 'serviceurl', value: String(activity.serviceUrl ?? '') },
    ];
    const claimsIdentity = { claims, authenticationType: true, isAuthenticated: true, getClaimValue: (t: string) => claims.find((c) => c.type === t)?.value ?? null } as unknown as Identity;
    const result = await super.authenticateRequest(activity, '');
    return { ...result, claimsIdentity };
  }
}
