/**
 * Set on a turn's state (context.turnState) by the /api/messages route: true only when the
 * adapter's Bot Framework authentication has verified the activity's token (MicrosoftAppId set:
 * a JWT from the Bot Connector service, or a test's own authentication injected through the
 * adapter's constructor). With authentication off (no MicrosoftAppId) nothing is verified, from
 * whatever address it comes. Actions that change stored data, such as the officers' "Mark
 * contacted", need it.
 */
export const VERIFIED_CALLER = Symbol('verifiedCaller');

/** The parts of botframework-connector's ClaimsIdentity this reads. */
interface Identity {
  readonly isAuthenticated?: boolean;
  readonly authenticationType?: string | boolean;
  readonly claims?: ReadonlyArray<{ type: string; value: string }>;
}

/**
 * Whether the identity the adapter put on the turn (turnState under adapter.BotIdentityKey) is a
 * verified caller: authenticated, carrying the claims of a validated token. With authentication
 * off, botbuilder gives every request an "anonymous" identity with no claims (counted as
 * authenticated by botbuilder so that its own flow goes on): that is never verified.
 */
export function isVerifiedCaller(identity: unknown): boolean {
  const id = identity as Identity | undefined;
  return !!id && id.isAuthenticated === true && id.authenticationType !== 'anonymous' && Array.isArray(id.claims) && id.claims.length > 0;
}
