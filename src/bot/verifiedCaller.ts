/**
 * Set on a turn's state (context.turnState) by the /api/messages route when the activity is known
 * to come from the channel it names: the adapter checked its Bot Framework token (MicrosoftAppId
 * set), or, with authentication off, it was sent from this machine itself (a test connector, the
 * Emulator). Actions that change stored data, such as the officers' "Mark contacted", need it.
 */
export const VERIFIED_CALLER = Symbol('verifiedCaller');
