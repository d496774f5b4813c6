import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AnswerService } from '../../src/matching/AnswerService';
import type { AnswerCards } from '../../src/bot/AnswerCards';
import type { GuideContent } from '../../src/knowledge/GuideContent';
import type { GuideBlockKey, GuideId } from '../../src/knowledge/Guide';
import { GuideQuestionPrompt, type GuidePromptOptions } from './GuideQuestionPrompt';
import type { GuideQuestion, GuideReply, GuideResult } from './GuideQuestion';
import { GuideCards, type AdviceSection } from './GuideCards';

/** What every guide is built from. */
export interface GuideDeps {
  answers: AnswerService;
  cards: AnswerCards;
  /** The wording of the guides (`knowledge/guides`). */
  content: GuideContent;
  /** The person's area (local authority), where the bot knows it. */
  area?: (context: TurnContext) => Promise<string | undefined>;
  /** The clock "since September" is read against. */
  now?: () => Date;
}

/**
 * A guide's progress, kept in the conversation's dialog state (so a conversation left half-way
 * carries on where it was): the answers so far (recognised values, never the person's words),
 * the questions left out, and the way back.
 */
export interface GuideState {
  answers: Record<string, unknown>;
  skipped: string[];
  /** Questions answered or skipped, in order: "back" returns to the last one. */
  history: string[];
  /** The question being asked. */
  current: string;
  /** The advice has been given (the closing question is being asked). */
  concluded?: boolean;
}

/**
 * The shared behaviour of the guided conversations: a loop (a WaterfallDialog that asks the
 * current question with GuideQuestionPrompt and replaces itself with the next) over the guide's
 * questions, each asked only when it applies; "back" to the previous question, "start again"
 * from the first; then the guide's advice; then, for a guide that has one, a closing question.
 */
export abstract class GuideDialog<S extends object, G extends GuideId = GuideId> extends ComponentDialog {
  protected readonly cardsOf: GuideCards;
  private readonly loopId: string;
  private readonly promptId: string;
  private readonly byId: Map<string, GuideQuestion<S>>;

  protected constructor(
    id: string,
    protected readonly guideId: G,
    protected readonly deps: GuideDeps,
    private readonly questions: ReadonlyArray<GuideQuestion<S>>,
    /** Asked after the advice; its answer decides the result (the EHC check's hand-off offer). */
    private readonly closing?: GuideQuestion<S>,
  ) {
    super(id);
    this.cardsOf = new GuideCards(deps.answers);
    this.loopId = `${id}.loop`;
    this.promptId = `${id}.question`;
    this.byId = new Map([...questions, ...(closing ? [closing] : [])].map((q) => [q.id, q]));
    this.addDialog(new GuideQuestionPrompt(this.promptId, (qid) => this.question(qid) as GuideQuestion<never>, deps));
    this.addDialog(new WaterfallDialog(this.loopId, [this.askStep.bind(this), this.answeredStep.bind(this)]));
    this.initialDialogId = this.loopId;
  }

  /** The opening line: what the guide does and how to move about in it. */
  protected abstract intro(): string;

  /** Sends the advice fitted to the answers. */
  protected abstract conclude(context: TurnContext, answers: Partial<S>): Promise<void>;

  /** The result for the closing question's answer (guides without one end with no hand-off). */
  protected closingResult(_answers: Partial<S>): GuideResult {
    return { handoff: false };
  }

  /** Said when the guide ends without a closing question, or after it. */
  protected async farewell(context: TurnContext, result: GuideResult): Promise<void> {
    if (!result.handoff) await context.sendActivity('You can ask me another question at any time, or say "talk to someone" to reach your local SENDIASS.');
  }

  protected block(key: GuideBlockKey<G>): AdviceSection {
    return this.deps.content.block(this.guideId, key);
  }

  private question(id: string): GuideQuestion<S> {
    const q = this.byId.get(id);
    if (!q) throw new Error(`guide ${this.id} has no question "${id}"`);
    return q;
  }

  private firstQuestion(answers: Partial<S>): string | undefined {
    return this.questions.find((q) => !q.when || q.when(answers))?.id;
  }

  private nextQuestion(after: string, answers: Partial<S>): string | undefined {
    const i = this.questions.findIndex((q) => q.id === after);
    return this.questions.slice(i + 1).find((q) => !q.when || q.when(answers))?.id;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    let state = step.options as GuideState | undefined;
    if (!state?.current) {
      const first = this.firstQuestion({});
      if (!first) throw new Error(`guide ${this.id} has no question to ask`);
      state = { answers: {}, skipped: [], history: [], current: first };
      await step.context.sendActivity(this.intro());
    }
    (step.values as { state?: GuideState }).state = state;
    const q = this.question(state.current);
    const answers = state.answers as Partial<S>;
    const options: GuidePromptOptions = { questionId: q.id, text: q.text(answers), suggestions: q.suggestions, example: q.example };
    return step.prompt(this.promptId, options);
  }

  private async answeredStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { state: GuideState }).state;
    const reply = step.result as GuideReply;
    const { context } = step;

    if (reply.kind === 'restart') {
      await context.sendActivity("OK, let's start again from the first question.");
      const first = this.firstQuestion({}) as string;
      return step.replaceDialog(this.loopId, { answers: {}, skipped: [], history: [], current: first } satisfies GuideState);
    }

    if (reply.kind === 'back') {
      const previous = state.history.pop();
      if (!previous) {
        await context.sendActivity('This is the first question.');
        return step.replaceDialog(this.loopId, state);
      }
      delete state.answers[previous];
      state.skipped = state.skipped.filter((id) => id !== previous);
      state.concluded = false;
      // Answers to later questions may no longer apply: they are asked again.
      for (const id of Object.keys(state.answers)) if (!state.history.includes(id)) delete state.answers[id];
      return step.replaceDialog(this.loopId, { ...state, current: previous });
    }

    if (reply.kind === 'answer') state.answers[state.current] = reply.value;
    else state.skipped.push(state.current);

    const answers = state.answers as Partial<S>;
    if (this.closing && state.current === this.closing.id) {
      const result = this.closingResult(answers);
      await this.farewell(context, result);
      return step.endDialog(result);
    }

    state.history.push(state.current);
    const next = this.nextQuestion(state.current, answers);
    if (next) return step.replaceDialog(this.loopId, { ...state, current: next });

    await this.conclude(context, answers);
    if (this.closing) return step.replaceDialog(this.loopId, { ...state, current: this.closing.id, concluded: true });
    const result: GuideResult = { handoff: false };
    await this.farewell(context, result);
    return step.endDialog(result);
  }
}
