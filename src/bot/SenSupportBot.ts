import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type UserState,
} from 'botbuilder';
import type { AnswerCards } from './AnswerCards';
import { topicId } from '../knowledge/Answer';
import type { CannedAnswerSearch } from '../matching/CannedAnswerSearch';
import type { AnswerService } from '../matching/AnswerService';
import { SEARCH_ANSWERS_COMMAND_ID, SEARCH_QUERY_PARAMETER } from '../teams/TeamsManifest';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import { ROOT_DIALOG_ID, type RootDialog } from '../../dialogs/RootDialog';
import { ConsistentTurns } from './ConsistentTurns';
import type { TurnRecorder } from '../analytics/TurnRecorder';
import { clearTurnNotes, recordTurn } from './TurnNotes';

export interface SenSupportBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  rootDialog: RootDialog;
  answers: AnswerService;
  cards: AnswerCards;
  /** The Teams compose-box search for canned answers. */
  cannedSearch: CannedAnswerSearch;
  /** Handles "Mark contacted" on a callback request's card in the service's Teams channel (OfficerNotifier). */
  officerActions?: { onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> };
  /** How turns are saved (default: ConsistentTurns over the two states above). */
  turns?: ConsistentTurns;
  /** Keeps a record of each turn's outcome for the officers' reports (no message text unless LOG_QUESTIONS). */
  analytics?: TurnRecorder;
}

/**
 * The Bot Framework edge: turns activities into dialog turns and saves state after each.
 * It welcomes people who join, strips Teams @mentions, and runs everything else through
 * the root dialog.
 */
export class SenSupportBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  /** Saves state with eTags and redoes a turn another instance overtook (ConsistentTurns). */
  private readonly turns: ConsistentTurns;

  constructor(private readonly deps: SenSupportBotDeps) {
    super();
    this.turns = deps.turns ?? new ConsistentTurns({ conversationState: deps.conversationState, userState: deps.userState });
    const dialogState: StatePropertyAccessor<DialogState> = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(deps.rootDialog);

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === 'msteams') TurnContext.removeRecipientMention(context.activity);
      await this.runRoot(context);
      await next();
    });

    // The web chat's "Start again" ends the conversation: what the bot kept for it goes now, not
    // when it expires. In Web Chat the user id is made per chat, so the user's state goes too.
    this.onEndOfConversation(async (context, next) => {
      await this.deps.conversationState.delete(context);
      if (context.activity.channelId === 'webchat' || context.activity.channelId === 'directline') await this.deps.userState.delete(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const members = context.activity.membersAdded ?? [];
      // A person joining, or (in a Teams team or group chat) the bot itself being added.
      const welcome = members.some((m) => m.id !== botId) || (context.activity.channelId === 'msteams' && members.some((m) => m.id === botId) && context.activity.conversation?.conversationType !== 'personal');
      if (welcome) await context.sendActivity(this.deps.rootDialog.welcome(context));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // Replies are held until the state is saved; see ConsistentTurns. The turn is recorded once
    // it is saved, so an attempt redone after an eTag conflict is not recorded twice.
    await this.turns.run(
      context,
      async (ctx) => {
        clearTurnNotes(ctx);
        await super.run(ctx);
      },
      (ctx) => recordTurn(ctx, this.deps.analytics),
    );
  }

  /** An officer typing in the Teams compose box: matching answers, or the most-used topics for an empty search. */
  protected override async handleTeamsMessagingExtensionQuery(_context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    if (query.commandId && query.commandId !== SEARCH_ANSWERS_COMMAND_ID) {
      return { composeExtension: { type: 'message', text: 'This app has one search: the SEN support answers.' } };
    }
    const text = query.parameters?.find((p) => p.name === SEARCH_QUERY_PARAMETER)?.value as unknown;
    const hits = await this.deps.cannedSearch.search(typeof text === 'string' ? text : '');
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: hits.map((h) => ({
          ...this.deps.cards.composeCard(h.answer),
          preview: CardFactory.heroCard(h.answer.title, h.preview, undefined, undefined, { tap: { type: 'invoke', title: h.answer.title, value: { id: topicId(h.answer) } } }),
        })),
      },
    };
  }

  /** An Action.Execute on a card: the officers' "Mark contacted" on a callback request. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (this.deps.officerActions) return this.deps.officerActions.onAdaptiveCardInvoke(context, value);
    return super.onAdaptiveCardInvoke(context, value);
  }

  /** The officer chose one: the full answer card with its source, ready to send. */
  protected override async handleTeamsMessagingExtensionSelectItem(_context: TurnContext, item: unknown): Promise<MessagingExtensionResponse> {
    const id = (item as { id?: unknown } | undefined)?.id;
    const answer = typeof id === 'string' ? this.deps.answers.byId(id) : undefined;
    if (!answer) return { composeExtension: { type: 'message', text: 'That answer is no longer in the knowledge base. Please search again.' } };
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [this.deps.cards.composeCard(answer)] } };
  }

  private async runRoot(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ROOT_DIALOG_ID);
  }
}
