import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, Prompt, type DialogContext, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { Area } from '../../src/directory/Area';
import type { AreaDirectory } from '../../src/directory/AreaDirectory';
import { normaliseAreaText } from '../../src/directory/areaNames';
import { HandoffAction, type HandoffCards } from '../../src/bot/HandoffCards';
import { readCardAction } from '../../src/bot/CardActions';
import { answerText } from '../../src/recognition/answerText';
import { questionActivity } from '../guides/guideActivities';

/** What the hand-off passes when it asks for the council area. */
export interface AreaPromptOptions extends PromptOptions {
  /** The question, already worded. */
  text: string;
  /** Replies offered as suggested actions (the deployment's own area, "Not sure"). */
  suggestions?: string[];
  /** Councils already offered as "which do you mean?" (names as in the directory). */
  choices?: string[];
  /** Asked again because the last answer was a place it did not know. */
  unknownFirst?: boolean;
}

/** What the person answered: a council, or that they are not sure. */
export type AreaReply = { kind: 'area'; name: string } | { kind: 'notSure' };

interface AreaPromptState {
  /** The councils offered by the last "which do you mean?". */
  choices?: string[];
  /** Answers it could not match, in a row. */
  failures: number;
}

/** Asked when a name fits several councils ("Bedford"). */
export const WHICH_COUNCIL_DO_YOU_MEAN = 'That name fits more than one council. Which do you mean?';

/** After this many places it cannot match, the person is shown how to find their service instead. */
export const MAX_AREA_TRIES = 3;

const NOT_SURE =
  /^(not sure|unsure|i'?m not sure|im not sure|not sure which|no idea|dunno|idk|i don'?t know|don'?t know|dont know|i do not know|skip|skip this|can'?t remember|i'?d rather not say|rather not say|prefer not to say|none of (these|them|those)|neither|somewhere else|other)$/;

/**
 * Asks which council area the person lives in and reads the answer with the area directory's
 * fuzzy matching: "I'm in Lancs" is Lancashire; "Bedford" asks Bedford or Central Bedfordshire
 * (suggested actions for up to three, card buttons for more); a place it does not know gets
 * "which council area?" with every council to choose from. "Not sure" is an answer too.
 */
export class AreaPrompt extends Prompt<AreaReply> {
  constructor(
    dialogId: string,
    private readonly areas: AreaDirectory,
    private readonly cards: HandoffCards,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options: PromptOptions): Promise<DialogTurnResult> {
    const result = await super.beginDialog(dc, options);
    const o = options as AreaPromptOptions | undefined;
    if (o?.choices?.length) (dc.activeDialog?.state as { state: AreaPromptState }).state.choices = o.choices;
    return result;
  }

  protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, _isRetry: boolean): Promise<void> {
    const o = options as AreaPromptOptions;
    const s = state as AreaPromptState;
    const choices = this.named(s.choices ?? o.choices);
    if (choices.length > 0) {
      await context.sendActivity(this.cards.areaOptions(o.text, choices, context.activity.channelId, context.activity.conversation?.conversationType));
    } else if (o.unknownFirst) {
      await context.sendActivity(this.cards.whichCouncil(o.text, this.areas.areas, context.activity.channelId));
    } else {
      await context.sendActivity(questionActivity(context.activity.channelId, o.text, o.suggestions ?? []));
    }
  }

  protected async onRecognize(context: TurnContext, state: object): Promise<PromptRecognizerResult<AreaReply>> {
    const r = this.read(context, state as AreaPromptState);
    return r.kind === 'reply' ? { succeeded: true, value: r.reply } : { succeeded: false };
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = (dc.activeDialog as { state: { state: AreaPromptState } }).state.state;
    state.failures ??= 0;
    const r = this.read(context, state);
    if (r.kind === 'reply') return dc.endDialog(r.reply);
    if (r.kind === 'ambiguous') {
      state.choices = r.options.map((a) => a.name);
      await context.sendActivity(this.cards.areaOptions(WHICH_COUNCIL_DO_YOU_MEAN, r.options, context.activity.channelId, context.activity.conversation?.conversationType));
      return Dialog.EndOfTurn;
    }
    state.failures++;
    state.choices = undefined;
    if (state.failures >= MAX_AREA_TRIES) {
      await context.sendActivity(MessageFactory.text("I still can't match that to a council area, so I'll show you how to find your local service.", undefined, InputHints.IgnoringInput));
      return dc.endDialog({ kind: 'notSure' } satisfies AreaReply);
    }
    await context.sendActivity(this.cards.whichCouncil("I couldn't match that to a council area in England. Which council area are you in?", this.areas.areas, context.activity.channelId));
    return Dialog.EndOfTurn;
  }

  private read(context: TurnContext, state: AreaPromptState): { kind: 'reply'; reply: AreaReply } | { kind: 'ambiguous'; options: Area[] } | { kind: 'unknown' } {
    const action = readCardAction(context.activity.value);
    if (action?.action === HandoffAction.PickArea && typeof action.area === 'string') {
      const picked = this.areas.get(action.area);
      if (picked) return { kind: 'reply', reply: { kind: 'area', name: picked.name } };
    }
    const raw = context.activity.text ?? '';
    const text = answerText(raw);
    if (!text) return { kind: 'unknown' };
    const choices = this.named(state.choices);
    if (choices.length > 0) {
      const n = /^(?:number |option |no\.? ?)?(\d{1,2})(?:st|nd|rd|th)?$/.exec(text);
      if (n && Number(n[1]) >= 1 && Number(n[1]) <= choices.length) return { kind: 'reply', reply: { kind: 'area', name: choices[Number(n[1]) - 1].name } };
      // The name of an option, as the suggested action sends it ("Bedford" is otherwise ambiguous).
      const same = choices.find((a) => normaliseAreaText(a.name) === normaliseAreaText(raw) || normaliseAreaText(a.officialName) === normaliseAreaText(raw));
      if (same) return { kind: 'reply', reply: { kind: 'area', name: same.name } };
    }
    if (NOT_SURE.test(text)) return choices.length > 0 && /^(none|neither|somewhere|other)/.test(text) ? { kind: 'unknown' } : { kind: 'reply', reply: { kind: 'notSure' } };
    const found = this.areas.find(raw);
    if (found.kind === 'match') return { kind: 'reply', reply: { kind: 'area', name: found.area.name } };
    if (found.kind === 'ambiguous') return { kind: 'ambiguous', options: found.options };
    return { kind: 'unknown' };
  }

  private named(names: string[] | undefined): Area[] {
    return (names ?? []).map((n) => this.areas.get(n)).filter((a): a is Area => !!a);
  }
}
