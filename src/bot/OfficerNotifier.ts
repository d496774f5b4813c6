import { VERIFIED_CALLER } from './verifiedCaller';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ConversationParameters, TurnContext } from 'botbuilder';
import type { CallbackRequest, CallbackStatus } from '../callbacks/CallbackRequest';
import { UUID } from '../callbacks/CallbackRequest';
import type { CallbackStore } from '../callbacks/CallbackStore';
import type { TeamsNotifyConfig } from '../config/Config';
import { OfficerRequestCard, OfficerVerb } from './OfficerRequestCard';

/** The part of CloudAdapter the notifier uses: it starts a new post (a conversation) in the channel. */
export interface ConversationStarter {
  createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string,
    conversationParameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/** Where the notifier reports: request ids and outcomes only, never names, contacts or summaries. */
export interface NotifierLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface OfficerNotifierDeps {
  adapter: ConversationStarter;
  store: CallbackStore;
  settings: TeamsNotifyConfig;
  /** MicrosoftAppId (unset locally: no authentication, as with a test connector). */
  botAppId?: string;
  retentionDays: number;
  log: NotifierLog;
  /** A post to Teams that takes longer than this is given up (the request is stored either way). */
  timeoutMs?: number;
}

const VERB_STATUS: Record<string, CallbackStatus> = {
  [OfficerVerb.MarkContacted]: 'contacted',
  [OfficerVerb.MarkClosed]: 'closed',
};

const error = (statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse => ({
  statusCode,
  type: 'application/vnd.microsoft.error',
  value: { code, message },
});

/**
 * Tells the service's officers about each new callback request: a proactive Adaptive Card in
 * the service's Teams channel (a new post, through CloudAdapter.createConversationAsync), with
 * an Action.Execute button "Mark contacted" (then "Mark closed") that the bot handles here:
 * it updates the request's status in the store and answers with the updated card, which Teams
 * shows in place of the old one. Only presses from that channel, in that tenant, are accepted.
 */
export class OfficerNotifier {
  private readonly card: OfficerRequestCard;

  constructor(private readonly deps: OfficerNotifierDeps) {
    this.card = new OfficerRequestCard(deps.retentionDays);
  }

  /** Posts the request's card to the channel. Never throws: the request is already stored, and officers can list it. */
  async notify(request: CallbackRequest): Promise<boolean> {
    const { settings } = this.deps;
    // As TeamsInfo.sendMessageToTeamsChannel builds them: a new post in the channel, holding the card.
    const parameters = {
      isGroup: true,
      tenantId: settings.tenantId,
      channelData: { channel: { id: settings.channelId }, tenant: { id: settings.tenantId } },
      activity: { type: 'message', attachments: [this.card.attachment(request)], summary: 'New call-back request' },
    } as unknown as ConversationParameters;
    let timer: NodeJS.Timeout | undefined;
    try {
      const post = this.deps.adapter.createConversationAsync(
        this.deps.botAppId ?? '',
        'msteams',
        settings.serviceUrl,
        // No audience: the connector factory uses its configured cloud's.
        undefined as unknown as string,
        parameters,
        async () => undefined,
      );
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), this.deps.timeoutMs ?? 10_000);
      });
      await Promise.race([post, timeout]);
      this.deps.log.info({ requestId: request.id }, 'callback request posted to the Teams channel');
      return true;
    } catch (err) {
      // The error's name and HTTP status only: a connector's message may echo what was sent.
      const e = err as { name?: string; statusCode?: number };
      this.deps.log.warn({ requestId: request.id, err: { name: e.name, statusCode: e.statusCode } }, 'callback request not posted to Teams; it is stored and listed for officers');
      return false;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** A press of "Mark contacted" or "Mark closed" on a request's card. */
  async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const status = VERB_STATUS[value.action?.verb ?? ''];
    if (!status) return error(400, 'UnknownAction', 'This card action is not one the bot knows.');
    // Without a verified caller anyone could post a Teams-shaped activity (authentication is off
    // without MicrosoftAppId, whatever address the request comes from).
    if (context.turnState.get(VERIFIED_CALLER) !== true) {
      return error(
        403,
        'Forbidden',
        this.deps.botAppId
          ? 'Card actions are accepted only from Teams through Azure Bot Service, with a verified Bot Framework token.'
          : 'Card actions that change a call-back request are refused: MicrosoftAppId is not set on this server, so a press in Teams cannot be told from a forged one. Set MicrosoftAppId (Azure Bot Service), or update the request with the officers\' API (PATCH /api/requests/:id) or `npm run requests`.',
      );
    }
    if (!this.fromServiceChannel(context)) return error(403, 'Forbidden', "Requests can only be updated from the service's own Teams channel.");
    const id = String((value.action.data as { requestId?: unknown } | undefined)?.requestId ?? '');
    if (!UUID.test(id)) return error(400, 'BadRequestId', 'The card does not name a request.');
    const current = await this.deps.store.get(id);
    if (!current) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.card.gone() };
    // Pressing an old card's button never moves a request back: "contacted" after "closed" leaves it closed.
    const updated = current.status === 'closed' || current.status === status ? current : await this.deps.store.updateStatus(id, status);
    if (!updated) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.card.gone() };
    this.deps.log.info({ requestId: id, status: updated.status }, 'callback request status changed from Teams');
    const by = context.activity.from?.name;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.card.content(updated, by) };
  }

  private fromServiceChannel(context: TurnContext): boolean {
    const a = context.activity;
    if (a.channelId !== 'msteams') return false;
    const data = (a.channelData ?? {}) as { channel?: { id?: string }; tenant?: { id?: string } };
    const tenant = data.tenant?.id ?? a.conversation?.tenantId;
    if (!tenant || tenant.toLowerCase() !== this.deps.settings.tenantId.toLowerCase()) return false;
    const conversationChannel = (a.conversation?.id ?? '').split(';')[0];
    return data.channel?.id === this.deps.settings.channelId || conversationChannel === this.deps.settings.channelId;
  }
}
