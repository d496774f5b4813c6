import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Area } from '../src/directory/Area';
import type { AreaDirectory, AreaMatch } from '../src/directory/AreaDirectory';
import type { HandoffCards } from '../src/bot/HandoffCards';
import { recognizeYesNo } from '../src/recognition/YesNoRecognizer';
import { answerText } from '../src/recognition/answerText';
import { questionActivity } from './guides/guideActivities';
import { AreaPrompt, WHICH_COUNCIL_DO_YOU_MEAN, type AreaPromptOptions, type AreaReply } from './handoff/AreaPrompt';
import { ReplyPrompt, type Reply } from './handoff/ReplyPrompt';
import { CALLBACK_REQUEST_DIALOG_ID, CALLBACK_TEXT_PROMPT_ID, type CallbackRequestDialog } from './CallbackRequestDialog';
import type { HandoffReason, UserProfile } from './RootDialog';
import { noteTurn } from '../src/bot/TurnNotes';

export const HANDOFF_DIALOG_ID = 'handoffDialog';
const MAIN_ID = `${HANDOFF_DIALOG_ID}.main`;
const AREA_PROMPT_ID = `${HANDOFF_DIALOG_ID}.area`;
const OFFER_PROMPT_ID = `${HANDOFF_DIALOG_ID}.offer`;

/** How the root begins the hand-off. */
export interface HandoffOptions {
  reason: HandoffReason;
  /** "I've moved to Trafford", said outside the hand-off: change the area, confirm it, and end. */
  changeArea?: string;
}

/** What the hand-off ends with: `passOn` when the last message was not for it (a new question for the root). */
export interface HandoffResult {
  passOn?: boolean;
}

export interface HandoffDeps {
  areas: AreaDirectory;
  cards: HandoffCards;
  userProfile: StatePropertyAccessor<UserProfile>;
  /** The callback request; without it no call back is offered. */
  callback?: CallbackRequestDialog;
}

interface MainOptions extends HandoffOptions {
  /** Go straight to this area's contact card (after a change of area). */
  area?: string;
  /** Ask the area this way, whatever is remembered (after "change area"). */
  ask?: AreaPromptOptions;
  /** The opening line has been said. */
  introduced?: boolean;
}

/** Asking outright to change the area: "change my area", "wrong council", "that's not my area". */
const CHANGE_AREA =
  /\b(change|update|switch|correct|set) (my|our) (area|council|local authority)\b|^(change|wrong|different) (area|council)$|\b(that'?s|that is|it'?s) (the )?wrong (area|council)\b|\bnot (my|our) (area|council)\b/;
/** Saying they live somewhere else now: "I've moved to Trafford", "my council is Kent", "we now live in Leeds". */
const MOVED =
  /\b(i|we)( have|'ve|ve)?( just| now| recently)? moved\b|^(just |recently )?moved (house )?(to|into)\b|\b(my|our) (area|council|local authority|la) is\b|\b(i|we)('re| are|'m| am) now (in|living in)\b|\b(i|we) now live in\b/;
/** A longer message that mentions moving is about something else ("we moved him to a new school in …"). */
const MAX_MOVED_WORDS = 12;

const INTRO: Record<HandoffReason, string> = {
  asked: 'Your local SENDIASS (SEND information, advice and support service) can talk things through with you.',
  none: 'Your local SENDIASS (SEND information, advice and support service) can help with this.',
  notHelpful: 'Your local SENDIASS (SEND information, advice and support service) can talk it through with you.',
  noneOfThese: 'Your local SENDIASS (SEND information, advice and support service) can help with questions I cannot answer.',
  guide: "Let's find your local SENDIASS (SEND information, advice and support service).",
};

const ASK_AREA = 'Which council area do you live in? For example Leeds, Kent or Lancashire.';

/** How to ask for the new area when a change of area did not name exactly one. */
function askNewArea(found: Exclude<AreaMatch, { kind: 'match' }>): AreaPromptOptions {
  return found.kind === 'ambiguous'
    ? { text: WHICH_COUNCIL_DO_YOU_MEAN, choices: found.options.map((a) => a.name) }
    : { text: 'Which council area are you in now?', unknownFirst: true };
}

/**
 * The hand-off to the person's local SENDIASS: asks their council area when it is not known
 * (AreaPrompt: fuzzy matching, "which do you mean?", "which council area?") and remembers it in
 * UserProfile.area; shows the service's contact card, or says it has none and gives the national
 * route; then offers a call back (CallbackRequestDialog) where this deployment can take one for
 * that area. "I've moved to Trafford" changes the area at any point, except while the person is
 * typing their own words for the request.
 */
export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: HandoffDeps) {
    super(HANDOFF_DIALOG_ID);
    this.addDialog(new AreaPrompt(AREA_PROMPT_ID, deps.areas, deps.cards));
    this.addDialog(new ReplyPrompt(OFFER_PROMPT_ID));
    if (deps.callback) this.addDialog(deps.callback);
    this.addDialog(new WaterfallDialog(MAIN_ID, [this.areaStep.bind(this), this.contactStep.bind(this), this.offerStep.bind(this), this.endStep.bind(this)]));
    this.initialDialogId = MAIN_ID;
  }

  /**
   * Does this message say the person's area has changed? Asking outright ("change my area"), or
   * saying they have moved and naming a place the directory knows ("I've moved to Trafford").
   * "We moved him to a new school" names no area, so it is not. For the root's registration too.
   */
  readonly changesArea = (input: string): boolean => {
    const text = answerText(input);
    if (CHANGE_AREA.test(text)) return true;
    return MOVED.test(text) && text.split(' ').length <= MAX_MOVED_WORDS && this.deps.areas.find(input).kind !== 'unknown';
  };

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    const text = activity.type === ActivityTypes.Message ? (activity.text ?? '') : '';
    if (text && this.changesArea(text) && !this.typingOwnWords(innerDc) && innerDc.activeDialog?.id !== AREA_PROMPT_ID) {
      return this.changeAreaHere(innerDc, text);
    }
    return super.onContinueDialog(innerDc);
  }

  /** A change of area during the hand-off: a new contact card (and the call back, if it goes on, to the new area). */
  private async changeAreaHere(innerDc: DialogContext, text: string): Promise<DialogTurnResult> {
    const found = this.deps.areas.find(text);
    // The reason the hand-off began with, from the main waterfall at the bottom of the inner stack.
    const main = innerDc.stack.find((d) => d.id === MAIN_ID);
    const options = ((main?.state as { options?: MainOptions } | undefined)?.options ?? {}) as Partial<MainOptions>;
    const reason = options.reason ?? 'asked';
    if (found.kind !== 'match') {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MAIN_ID, { reason, introduced: true, ask: askNewArea(found) } satisfies MainOptions);
    }
    const area = found.area;
    await this.remember(innerDc.context, area);
    const inCallback = innerDc.activeDialog?.id === CALLBACK_REQUEST_DIALOG_ID;
    if (inCallback && this.canCallBack(area)) {
      await innerDc.context.sendActivity(`OK, I've changed your area to ${area.name}. Your request will go to ${this.deps.areas.serviceName(area.name)}.`);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    await innerDc.context.sendActivity(`OK, I've changed your area to ${area.name}.`);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MAIN_ID, { reason, introduced: true, area: area.name } satisfies MainOptions);
  }

  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as MainOptions;
    const { context } = step;
    if (o.area) return step.next({ kind: 'area', name: o.area } satisfies AreaReply);
    if (o.changeArea) {
      const found = this.deps.areas.find(o.changeArea);
      if (found.kind === 'match') return step.next({ kind: 'area', name: found.area.name } satisfies AreaReply);
      return step.prompt(AREA_PROMPT_ID, askNewArea(found));
    }
    if (o.ask) return step.prompt(AREA_PROMPT_ID, o.ask);
    if (!o.introduced) await context.sendActivity(INTRO[o.reason] ?? INTRO.asked);
    const known = await this.knownArea(context);
    if (known) return step.next({ kind: 'area', name: known.name, remembered: true });
    const suggestions = [this.deps.areas.defaultArea?.name, 'Not sure'].filter((s): s is string => !!s);
    const ask: AreaPromptOptions = { text: ASK_AREA, suggestions };
    return step.prompt(AREA_PROMPT_ID, ask);
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as MainOptions;
    const reply = step.result as AreaReply & { remembered?: boolean };
    const { context } = step;
    const area = reply.kind === 'area' ? this.deps.areas.get(reply.name) : undefined;
    if (area && !reply.remembered) {
      await this.remember(context, area);
      if (o.changeArea) {
        await context.sendActivity(`OK, I'll use ${area.name} (${area.officialName}) as your area from now on.`);
        return step.endDialog({} satisfies HandoffResult);
      }
      if (!o.area) await context.sendActivity(`Thanks. I'll remember ${area.name} (${area.officialName}) as your area. If that's not right, say "change area".`);
    }
    if (o.changeArea && !area) {
      await context.sendActivity("OK, I haven't changed your area.");
      return step.endDialog({} satisfies HandoffResult);
    }
    const details = this.deps.areas.contactFor(area);
    noteTurn(context, { outcome: 'hand-off', area: area?.name });
    await context.sendActivity(this.deps.cards.contact(details, context.activity.channelId));
    if (area && reply.remembered) await context.sendActivity(`Not in ${area.name}? Say "change area".`);

    if (!area || !this.deps.callback) return this.finish(step);
    if (!this.canCallBack(area)) {
      const own = this.deps.areas.defaultArea;
      if (own) await context.sendActivity(`This assistant is run by ${this.deps.areas.serviceName(own.name)}, so it can only take call-back requests for families in ${own.name}. Please contact your own service with the details above.`);
      return this.finish(step);
    }
    const service = this.deps.areas.serviceName(area.name);
    const offer = questionActivity(context.activity.channelId, `Would you like ${service} to contact you? I can send them a call-back request.`, ['Yes please', 'No thanks']);
    return step.prompt(OFFER_PROMPT_ID, { prompt: offer, retryPrompt: offer });
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reply = step.result as Reply;
    const yn = recognizeYesNo(reply.text)?.value;
    if (yn === 'yes' && this.deps.callback) return step.beginDialog(CALLBACK_REQUEST_DIALOG_ID);
    if (yn === 'no' && answerText(reply.text).split(' ').length <= 4) {
      await step.context.sendActivity('OK. You can ask me another question at any time, or say "talk to someone" to see these details again.');
      return step.endDialog({} satisfies HandoffResult);
    }
    // Something else: most likely a new question. The root answers it.
    return step.endDialog({ passOn: true } satisfies HandoffResult);
  }

  private async endStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog({} satisfies HandoffResult);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity('You can ask me another question at any time.');
    return step.endDialog({} satisfies HandoffResult);
  }

  /**
   * Call-back requests go to the service that runs this assistant (the deployment), so they are
   * taken only for its own area. Without a deployment there is no service to send them to.
   */
  private canCallBack(area: Area): boolean {
    return !!this.deps.callback && this.deps.areas.defaultArea === area;
  }

  /** The person is typing their own words for the request (name, best time, summary): nothing there is a command. */
  private typingOwnWords(innerDc: DialogContext): boolean {
    let dc: DialogContext | undefined = innerDc;
    let id: string | undefined;
    while (dc?.activeDialog) {
      id = dc.activeDialog.id;
      dc = dc.child;
    }
    return id === CALLBACK_TEXT_PROMPT_ID;
  }

  private async knownArea(context: TurnContext): Promise<Area | undefined> {
    const name = (await this.deps.userProfile.get(context, {})).area;
    return name ? this.deps.areas.get(name) : undefined;
  }

  private async remember(context: TurnContext, area: Area): Promise<void> {
    const profile = await this.deps.userProfile.get(context, {});
    await this.deps.userProfile.set(context, { ...profile, area: area.name });
  }
}
