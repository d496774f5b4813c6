import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogTurnStatus,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { AnswerService } from '../src/matching/AnswerService';
import { topicId } from '../src/knowledge/Answer';
import { AnswerCards } from '../src/bot/AnswerCards';
import { CardAction, isRootCardAction, readCardAction, type CardActionValue } from '../src/bot/CardActions';
import type { GuideRegistration } from './GuideRegistration';
import type { TopicUsage } from '../src/matching/TopicUsage';
import type { TopicsSeen } from '../src/bot/TopicsSeen';
import { noteEarlierTurn, noteTurn, turnId } from '../src/bot/TurnNotes';
import { PICKED_NONE } from '../src/analytics/TurnRecord';
import { NO_RISK, type SafetyAssessment } from '../src/safety/SafetyAssessment';
import { SAFETY_TURN_KEY, supportContactsActivity } from '../src/bot/SafetyCards';
import { supportsCards } from '../src/bot/AnswerCards';

export const ROOT_DIALOG_ID = 'rootDialog';

/** What the bot remembers about a user between conversations (user state). Only the area. */
export interface UserProfile {
  area?: string;
}

/** Why the hand-off started: the hand-off dialog words its opening to fit. */
export type HandoffReason = 'asked' | 'none' | 'notHelpful' | 'noneOfThese' | 'guide';

export interface HandoffRegistration {
  id: string;
  dialog: Dialog;
  /** Does this message say the person's area has changed ("I've moved to Trafford")? Then the hand-off is begun with `{ reason, changeArea: text }`. */
  changesArea?: (text: string) => boolean;
}

export interface RootDialogDeps {
  answers: AnswerService;
  cards: AnswerCards;
  userProfile: StatePropertyAccessor<UserProfile>;
  guides?: GuideRegistration[];
  /** The SENDIASS hand-off dialog; begun with `{ reason: HandoffReason }`. */
  handoff?: HandoffRegistration;
  /** Counts answers shown, for the officers' "most-used topics". */
  usage?: TopicUsage;
  /** The answers shown in this conversation (ids only), offered with consent in a callback request. */
  topicsSeen?: TopicsSeen;
}

/** Remembered between turns in the root's own dialog state. */
interface RootState {
  /** A guide offered after an answer: "yes" starts it. */
  offeredGuide?: string;
  /** Answer ids offered by "Did you mean…": "1", "2", "3" or "none of these" picks. */
  clarifyIds?: string[];
  /** The answer offered by a hand-off or feedback prompt. */
  offeredHandoff?: HandoffReason;
  /** The record id of the turn that asked "Did you mean…", for the pick. */
  clarifyTurn?: string;
  /**
   * A question the urgent card held back because the sentence model alone heard risk in it: kept
   * for the next turn only, and answered (with the crisis contacts) if the person says they are safe.
   */
  heldQuestion?: { text: string };
}

const STATE = 'rootState';

const START_OVER = /^\s*(start over|start again from the beginning|restart|main menu|menu|reset)\s*[.!]*\s*$/i;
const CANCEL = /^\s*(cancel|stop|quit|exit|never ?mind|forget it)\s*[.!]*\s*$/i;
const HELP = /^\s*(help|help me|what can you do\??|what do you do\??|options|\?)\s*[.!]*\s*$/i;
const TALK_TO_SOMEONE =
  /\b(talk|speak|chat)\s+(to|with)\s+(someone|somebody|a (real )?(person|human|adviser|advisor|officer)|an? (adviser|advisor|officer)|a real person|sendiass|sendias|ias)\b|\b(call|ring|phone)\s+me\s+back\b|\bcall ?back\b|\b(real|actual)\s+(person|human)\b/i;
const YES = /^\s*(y|yes|yeah|yea|yep|yup|ok|okay|sure|please|yes please|go on|go ahead|ok then|definitely|that would help|walk me through|go through|guide me|let'?s do it|do it)\b/i;
const NO = /^\s*(n|no|nope|nah|no thanks|no thank you|not now|not really)\b/i;
/** The urgent kinds where the writer saying "I'm safe" is the answer to the worry: thoughts of dying, plans, goodbyes, self-harm, a carer at breaking point. */
const HOLDABLE_KINDS = new Set(['suicidal', 'plan-means', 'farewell', 'self-harm', 'carer-crisis']);

/** "I'm safe", "answer my question": the way on from an urgent card that held a question back. */
const SAID_SAFE = "(?:i['\u2019]?m|i am|im|we['\u2019]?re|we are|he['\u2019]?s|he is|she['\u2019]?s|she is|they['\u2019]?re|they are)\\s+(?:safe|ok|okay|fine|alright|all right)(?:\\s+now)?";
const ASKED_ANSWER = "(?:(?:please|pls|just|can you|could you)\\s+)*(?:answer (?:my|the) question|answer it|(?:it|this|that) was (?:just )?a question)";
const ANSWER_HELD = new RegExp(`^\\s*(?:${SAID_SAFE}(?:[,.:;!\\s-]+${ASKED_ANSWER})?|${ASKED_ANSWER})\\s*(?:please|thanks|thank you)?\\s*[.!]*\\s*$`, 'i');
const NONE_OF_THESE = /^\s*(none|none of (these|them|those)|neither|something else|no)\s*[.!]*\s*$/i;

/**
 * The conversation's root: checks every message for urgent risk first, whatever else is going on;
 * handles "help", "start over", "cancel", "talk to someone" and card buttons everywhere; answers
 * questions from the knowledge base; and starts the guides and the hand-off.
 */
export class RootDialog extends ComponentDialog {
  private readonly guides: GuideRegistration[];

  constructor(private readonly deps: RootDialogDeps) {
    super(ROOT_DIALOG_ID);
    this.guides = deps.guides ?? [];
    for (const g of this.guides) this.addDialog(g.dialog);
    if (deps.handoff) this.addDialog(deps.handoff.dialog);
  }

  /** The welcome shown when someone joins the conversation. */
  welcome(context: TurnContext) {
    return this.deps.cards.menu(
      "Hello. I'm the SEN support assistant, an automated helper, not a person. I answer questions about special educational needs (SEN) support in schools from published guidance, and I can put you in touch with your local SEND information, advice and support service (SENDIASS).\n\nPrivacy: please don't share names or details that identify your child; I keep our conversation only for a limited time.",
      this.guides,
      context.activity.channelId,
    );
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const text = (activity.text ?? '').trim();
    const action = readCardAction(activity.value);
    const state = this.state(innerDc);

    // 1. The safety check first, in every state of every dialog. Urgent: the urgent card at once
    // (for "Urgent help" too). Support: whatever else happens this turn, the crisis contacts after it.
    // The finding is kept for the turn, so a guide's question never takes its answer from a risky message.
    // (A question at the root will go to the matcher: its text goes to the sentence model with the safety check's.)
    if (text && !action && !innerDc.activeDialog && !this.isCommand(text)) this.deps.answers.prepare(text);
    const found: SafetyAssessment = text ? await this.deps.answers.assess(text) : NO_RISK;
    innerDc.context.turnState.set(SAFETY_TURN_KEY, found);
    // A question held back by the last urgent card lasts this one turn only.
    const held = state.heldQuestion;
    state.heldQuestion = undefined;
    if (found.outcome === 'urgent') {
      noteTurn(innerDc.context, { outcome: 'urgent' });
      // When only the sentence model heard the risk in a question asked at the root, the card
      // ends with a way on ("I'm safe: answer my question"), so a false alarm is not a dead end.
      // Never for a phrase of risk, for "Urgent help" itself, inside a guide (which asks its
      // question again after the card), or where the one at risk may not be the writer or time
      // is everything (abuse, danger from another person, a child missing, a medical emergency).
      const hold = found.layer === 'semantic' && HOLDABLE_KINDS.has(found.kind ?? '') && !innerDc.activeDialog && !action;
      if (hold) state.heldQuestion = { text };
      await innerDc.context.sendActivity(this.deps.cards.urgent(this.deps.answers.urgentAnswer(found), activity.channelId, hold));
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (action?.action === CardAction.AnswerHeldQuestion || (held && !action && !innerDc.activeDialog && ANSWER_HELD.test(text))) {
      return this.answerHeldQuestion(innerDc, held);
    }
    // Support: the contacts with the answer (after it), or before a dialog's next question.
    const contacts = found.outcome === 'support' ? supportContactsActivity(found, supportsCards(activity.channelId)) : undefined;
    if (contacts && innerDc.activeDialog) await innerDc.context.sendActivity(contacts);
    const hadDialog = !!innerDc.activeDialog;
    const result = await this.route(innerDc, text, action, state);
    if (contacts && !hadDialog) await innerDc.context.sendActivity(contacts);
    return result;
  }

  /** Words the root acts on itself (start over, cancel, help, talk to someone, start a guide): never matched. */
  private isCommand(text: string): boolean {
    return [START_OVER, CANCEL, HELP, TALK_TO_SOMEONE].some((r) => r.test(text)) || this.guides.some((g) => g.startPhrases.some((p) => p.test(text)));
  }

  /** Everything after the safety check. */
  private async route(innerDc: DialogContext, text: string, action: CardActionValue | undefined, state: RootState): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;

    // 2. Card buttons are actions, never matched as text.
    if (action && isRootCardAction(action)) return this.onCardAction(innerDc, action);
    if (action && innerDc.activeDialog) return this.continueChild(innerDc);

    // 3. Words that work everywhere.
    if (START_OVER.test(text)) {
      await innerDc.cancelAllDialogs();
      this.clearState(innerDc);
      await this.deps.topicsSeen?.clear(innerDc.context);
      await innerDc.context.sendActivity('OK, starting over.');
      await innerDc.context.sendActivity(this.welcome(innerDc.context));
      return Dialog.EndOfTurn;
    }
    if (CANCEL.test(text)) {
      const wasActive = !!innerDc.activeDialog;
      await innerDc.cancelAllDialogs();
      this.clearState(innerDc);
      await innerDc.context.sendActivity(
        wasActive ? "OK, I've stopped that. Ask me a question any time, or say \"help\"." : 'OK. Ask me a question any time, or say "help".',
      );
      return Dialog.EndOfTurn;
    }
    if (HELP.test(text)) {
      await innerDc.context.sendActivity(this.deps.cards.menu('Here is what I can do.', this.guides, activity.channelId));
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (TALK_TO_SOMEONE.test(text) && !this.handoffActive(innerDc)) return this.startHandoff(innerDc, 'asked');
    if (this.deps.handoff?.changesArea?.(text) && !this.handoffActive(innerDc)) {
      await innerDc.beginDialog(this.deps.handoff.id, { reason: 'asked', changeArea: text });
      return Dialog.EndOfTurn;
    }

    // 4. A dialog in progress gets the message.
    if (innerDc.activeDialog) return this.continueChild(innerDc);

    // 5. Replies to what the root itself offered last turn.
    const offered = await this.onOfferReply(innerDc, text, state);
    if (offered) return offered;

    // 6. Asking to be guided.
    const guide = this.guides.find((g) => g.startPhrases.some((p) => p.test(text)));
    if (guide) return innerDc.beginDialog(guide.id).then(() => Dialog.EndOfTurn);

    // 7. A question for the knowledge base.
    if (!text) {
      await innerDc.context.sendActivity('Please type your question, or say "help".');
      return Dialog.EndOfTurn;
    }
    return this.answerQuestion(innerDc, text);
  }

  private async continueChild(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await innerDc.continueDialog();
    if (result.status === DialogTurnStatus.complete) await this.onChildComplete(innerDc, result.result);
    return Dialog.EndOfTurn;
  }

  /** A guide that ends with `{ handoff: true }` leads into the hand-off; a dialog that ends with `{ passOn: true }` leaves the message to the root. */
  private async onChildComplete(innerDc: DialogContext, result: unknown): Promise<void> {
    if (result && typeof result === 'object' && (result as { handoff?: boolean }).handoff) {
      await this.startHandoff(innerDc, 'guide');
    } else if (result && typeof result === 'object' && (result as { passOn?: boolean }).passOn && !innerDc.activeDialog) {
      const text = (innerDc.context.activity.text ?? '').trim();
      if (text) await this.answerQuestion(innerDc, text);
    }
  }

  /**
   * The question an urgent card held back, answered now the person says they are safe. Its
   * safety finding becomes support: the answer comes with the crisis contacts after it, and
   * "Urgent help" stays one tap away. A second tap, or one after the next message, finds nothing held.
   */
  private async answerHeldQuestion(innerDc: DialogContext, held: RootState['heldQuestion']): Promise<DialogTurnResult> {
    const { context } = innerDc;
    if (!held) {
      await context.sendActivity('Please type your question again, and I will answer it.');
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const support: SafetyAssessment = { outcome: 'support', kind: 'suicide-topic', layer: 'semantic', reason: 'said-safe' };
    context.turnState.set(SAFETY_TURN_KEY, support);
    await context.sendActivity('Thank you for telling me. Here is what I found for your question.');
    const result = await this.answerQuestion(innerDc, held.text);
    await context.sendActivity(supportContactsActivity(support, supportsCards(context.activity.channelId)));
    return result;
  }

  private async answerQuestion(innerDc: DialogContext, text: string): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const area = await this.area(context);
    const response = await this.deps.answers.ask(text, area, context.turnState.get(SAFETY_TURN_KEY) as SafetyAssessment | undefined);
    const state = this.state(innerDc);
    noteTurn(context, { outcome: response.outcome, confidence: response.confidence, area, question: text, candidates: response.outcome === 'clarify' ? response.results.map((r) => topicId(r.answer)) : undefined });
    switch (response.outcome) {
      case 'urgent':
        await context.sendActivity(this.deps.cards.urgent(response.results[0].answer, context.activity.channelId));
        break;
      case 'answer': {
        const id = topicId(response.results[0].answer);
        if (id === 'contact-sendiass' && this.deps.handoff) return this.startHandoff(innerDc, 'asked');
        await this.showAnswer(innerDc, id);
        break;
      }
      case 'clarify':
        state.clarifyIds = response.results.map((r) => topicId(r.answer));
        state.clarifyTurn = turnId(context);
        // The guide that follows the likeliest answer is offered with the choices ("should we ask for an EHCP?").
        await context.sendActivity(this.deps.cards.clarify(response.results.map((r) => r.answer), context.activity.channelId, innerDc.activeDialog ? undefined : this.guides.find((g) => g.offerAfter.includes(state.clarifyIds?.[0] ?? ''))));
        break;
      case 'none':
        await context.sendActivity(this.deps.cards.none(context.activity.channelId));
        if (this.deps.handoff) {
          state.offeredHandoff = 'none';
          await context.sendActivity(AnswerCards.yesNo('Would you like the details of your local SENDIASS, who can help with this?'));
        }
        break;
    }
    return Dialog.EndOfTurn;
  }

  /** Sends answer `id` (in the user's area's version) and any guide offered after it. */
  private async showAnswer(innerDc: DialogContext, id: string): Promise<void> {
    const { context } = innerDc;
    const answer = this.deps.answers.byId(id, await this.area(context));
    if (!answer) {
      await context.sendActivity("Sorry, I can't find that answer any more. Please ask your question again.");
      return;
    }
    noteTurn(context, { outcome: 'answer', answerId: id, area: await this.area(context) });
    // The guide that follows this answer is offered inside its card (at most four buttons in the reply); "yes" typed takes it too.
    const guide = innerDc.activeDialog ? undefined : this.guides.find((g) => g.offerAfter.includes(id));
    await context.sendActivity(this.deps.cards.answer(answer, context.activity.channelId, turnId(context), guide));
    await this.deps.usage?.record(id);
    await this.deps.topicsSeen?.record(context, id);
    const state = this.state(innerDc);
    if (!innerDc.activeDialog) {
      // The latest answer's offer is the one a "yes" answers (none, if it has no guide).
      state.offeredGuide = guide?.id;
    } else {
      await context.sendActivity('Shall we carry on where we were?');
      await innerDc.repromptDialog();
    }
  }

  private async onCardAction(innerDc: DialogContext, action: CardActionValue): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const state = this.state(innerDc);
    switch (action.action) {
      case CardAction.ShowAnswer:
        if (action.id && state.clarifyIds?.includes(action.id)) noteEarlierTurn(context, state.clarifyTurn, { picked: action.id });
        state.clarifyIds = state.clarifyTurn = undefined;
        if (action.id) await this.showAnswer(innerDc, action.id);
        break;
      case CardAction.CopyAsText: {
        const answer = action.id ? this.deps.answers.byId(action.id, await this.area(context)) : undefined;
        if (answer) await context.sendActivity({ text: this.deps.cards.plainText(answer, true), textFormat: 'plain' });
        break;
      }
      case CardAction.NoneOfThese:
        if (state.clarifyIds) noteEarlierTurn(context, state.clarifyTurn, { picked: PICKED_NONE });
        state.clarifyIds = state.clarifyTurn = undefined;
        return this.noneOfThese(innerDc);
      case CardAction.Feedback:
        if (typeof action.turn === 'string' && typeof action.helpful === 'boolean') noteEarlierTurn(context, action.turn, { helpful: action.helpful });
        if (action.helpful) {
          await context.sendActivity('Thank you for letting me know.');
        } else {
          await context.sendActivity("Thank you for telling me. I'm sorry that didn't help.");
          if (this.deps.handoff && !innerDc.activeDialog) {
            // The latest offer is the one a "yes" answers (not a guide offered with the answer).
            state.offeredGuide = undefined;
            state.offeredHandoff = 'notHelpful';
            await context.sendActivity(AnswerCards.yesNo('Would you like to talk to someone at your local SENDIASS?'));
          } else if (!this.deps.handoff) {
            await context.sendActivity('You can also rephrase your question, or say "help".');
          }
        }
        break;
      case CardAction.TalkToSomeone:
        return this.startHandoff(innerDc, 'asked');
      case CardAction.StartGuide: {
        // Taken up: a later "yes" is not an answer to it.
        state.offeredGuide = undefined;
        const guide = this.guides.find((g) => g.id === action.guide);
        if (guide) {
          await innerDc.cancelAllDialogs();
          await innerDc.beginDialog(guide.id);
        }
        break;
      }
    }
    return Dialog.EndOfTurn;
  }

  private async noneOfThese(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.context.sendActivity("Sorry I couldn't find the right answer. You could try asking in other words.");
    return this.startHandoff(innerDc, 'noneOfThese');
  }

  private async onOfferReply(innerDc: DialogContext, text: string, state: RootState): Promise<DialogTurnResult | undefined> {
    const { offeredGuide, clarifyIds, offeredHandoff, clarifyTurn } = state;
    state.offeredGuide = undefined;
    state.clarifyIds = state.clarifyTurn = undefined;
    state.offeredHandoff = undefined;
    if (offeredGuide && YES.test(text)) {
      await innerDc.beginDialog(offeredGuide);
      return Dialog.EndOfTurn;
    }
    if (offeredHandoff && YES.test(text)) return this.startHandoff(innerDc, offeredHandoff);
    if ((offeredGuide || offeredHandoff) && NO.test(text) && text.split(/\s+/).length <= 4) {
      await innerDc.context.sendActivity('OK. Ask me another question any time.');
      return Dialog.EndOfTurn;
    }
    if (clarifyIds) {
      const pick = /^\s*(\d)\s*[.)]?\s*$/.exec(text);
      const chosen = pick ? clarifyIds[Number(pick[1]) - 1] : clarifyIds.find((id) => this.deps.answers.title(id).toLowerCase() === text.toLowerCase());
      if (chosen) {
        noteEarlierTurn(innerDc.context, clarifyTurn, { picked: chosen });
        await this.showAnswer(innerDc, chosen);
        return Dialog.EndOfTurn;
      }
      if (NONE_OF_THESE.test(text)) {
        noteEarlierTurn(innerDc.context, clarifyTurn, { picked: PICKED_NONE });
        return this.noneOfThese(innerDc);
      }
    }
    return undefined;
  }

  private async startHandoff(innerDc: DialogContext, reason: HandoffReason): Promise<DialogTurnResult> {
    if (this.deps.handoff) {
      await innerDc.beginDialog(this.deps.handoff.id, { reason });
      return Dialog.EndOfTurn;
    }
    // Without the hand-off dialog, the contact answer itself.
    await this.showAnswer(innerDc, 'contact-sendiass');
    return Dialog.EndOfTurn;
  }

  private handoffActive(innerDc: DialogContext): boolean {
    const id = this.deps.handoff?.id;
    return !!id && innerDc.stack.some((d) => d.id === id);
  }

  private state(innerDc: DialogContext): RootState {
    const parent = innerDc.parent?.activeDialog;
    const holder = (parent?.state ?? {}) as Record<string, RootState>;
    holder[STATE] ??= {};
    return holder[STATE];
  }

  private clearState(innerDc: DialogContext): void {
    const s = this.state(innerDc);
    s.offeredGuide = s.clarifyIds = s.offeredHandoff = s.clarifyTurn = undefined;
  }

  private async area(context: TurnContext): Promise<string | undefined> {
    return (await this.deps.userProfile.get(context, {})).area;
  }
}
