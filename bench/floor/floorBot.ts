/**
 * The framework's floor: a bare botbuilder waterfall bot on the same stack as the real server
 * (restify, its JSON body parser, CloudAdapter with authentication off, ConversationState on
 * MemoryStorage), with nothing of ours in it. `npm run bench` loads it beside the real server
 * in the same run, so each figure of ours has the framework's own cost to compare with.
 *
 * "guide" starts a five-turn waterfall (four text prompts, then a closing message); anything
 * else gets a one-step waterfall that answers and ends.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';

const PROMPT = 'prompt';

export function createFloorServer(): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const conversationState = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  dialogs.add(new TextPrompt(PROMPT));
  dialogs.add(
    new WaterfallDialog('answer', [
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity(`You asked: ${step.context.activity.text ?? ''}`);
        return step.endDialog();
      },
    ]),
  );
  const ask = (n: number) => async (step: WaterfallStepContext) => step.prompt(PROMPT, `Question ${n}?`);
  dialogs.add(
    new WaterfallDialog('guide', [
      ask(1),
      ask(2),
      ask(3),
      ask(4),
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity('Guide finished: here is your advice.');
        return step.endDialog();
      },
    ]),
  );

  class FloorBot extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog(/^guide\b/i.test(context.activity.text ?? '') ? 'guide' : 'answer');
        await next();
      });
    }
    override async run(context: TurnContext): Promise<void> {
      await super.run(context);
      await conversationState.saveChanges(context, false);
    }
  }
  const bot = new FloorBot();

  const server = restify.createServer({ name: 'floor', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}
