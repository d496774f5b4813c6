import {
  TeamsActivityHandler,
  TurnContext,
  type ConversationState,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import { ROOT_DIALOG_ID, type RootDialog } from '../../dialogs/RootDialog';

/**
 * The Bot Framework edge: turns activities into dialog turns and saves state after each.
 * It welcomes people who join, strips Teams @mentions, and runs everything else through
 * the root dialog.
 */
export class SenSupportBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: RootDialog,
    dialogState: StatePropertyAccessor<DialogState> = conversationState.createProperty<DialogState>('dialogState'),
  ) {
    super();
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(rootDialog);

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === 'msteams') TurnContext.removeRecipientMention(context.activity);
      await this.runRoot(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const members = context.activity.membersAdded ?? [];
      // A person joining, or (in a Teams team or group chat) the bot itself being added.
      const welcome = members.some((m) => m.id !== botId) || (context.activity.channelId === 'msteams' && members.some((m) => m.id === botId) && context.activity.conversation?.conversationType !== 'personal');
      if (welcome) await context.sendActivity(this.rootDialog.welcome(context));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  private async runRoot(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ROOT_DIALOG_ID);
  }
}
