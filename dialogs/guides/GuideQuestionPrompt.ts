import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, Prompt, type DialogContext, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { AnswerService, AnswerResponse } from '../../src/matching/AnswerService';
import type { AnswerCards } from '../../src/bot/AnswerCards';
import type { GuideQuestion, GuideReply } from './GuideQuestion';
import { questionActivity } from './guideActivities';
import { answerText } from '../../src/recognition/answerText';
import { stripFiller } from '../../src/matching/QuestionFocus';
import { SAFETY_LINE, type SafetyAssessment } from '../../src/safety/SafetyAssessment';
import { SAFETY_TURN_KEY } from '../../src/bot/SafetyCards';
import { ANSWER_BOUNDS, boundedText, FREE_TEXT_BOUNDS } from '../../src/recognition/boundedText';

/** What the guide passes when it asks a question: the question, already worded. */
export interface GuidePromptOptions extends PromptOptions {
  questionId: string;
  text: string;
  suggestions: string[];
  example: string;
}

interface GuidePromptState {
  /** Answers it could not read, in a row. */
  failures: number;
  offeredSkip: boolean;
}

export interface GuidePromptDeps {
  answers: AnswerService;
  cards: AnswerCards;
  /** The person's area (local authority), for area versions of knowledge-base answers. */
  area?: (context: TurnContext) => Promise<string | undefined>;
  now?: () => Date;
}

/** An unreadable answer is asked again with an example this many times; then skipping is offered. */
export const MAX_REASKS = 2;

const BACK = /^(back|go back|back please|previous|previous question|back one|undo|go back (one|a step|a question)|back a (step|question)|last question|wait,? go back|oops,? go back|change (my|that) answer)$/;
const RESTART = /^(start again|start this again|start (the )?(guide|questions|check) again|restart (this|the) (guide|questions|check)|begin again|from the (top|start)|start from scratch|let'?s start again)$/;
const SKIP = /^(skip|skip (it|this|that|this one|that one|this question|that question)|pass|next|next question|leave (it|that)( out)?|leave (this|that) one|rather not say|(i'?d )?prefer not to say|don'?t want to say)$/;
const QUESTION_WORDS = /^(what|what's|whats|how|why|when|where|who|which|can|could|does|do|is|are|should|will|would|must|has|have|am|if|tell me|explain)\b/;

type Classified = { kind: 'reply'; reply: GuideReply } | { kind: 'question'; response: AnswerResponse } | { kind: 'unreadable' } | { kind: 'risky' };

/**
 * Asks one question of a guide and reads the answer. Around every question it understands
 * "back", "start again" and "skip"; it answers a knowledge-base question asked mid-way and
 * then asks again ("Shall we carry on where we were?"); and it asks again with an example when
 * it cannot read an answer, twice at most, then offers to skip; every re-ask ends with the safety
 * line. It never takes an answer from a message the safety check found risky (urgent or support):
 * "he said tonight he wants to die" is not how long support has been in place. The root dialog
 * handles "help", "cancel", "start over", "talk to someone" and the safety check before this sees
 * a message, and leaves its finding in the turn state.
 */
export class GuideQuestionPrompt extends Prompt<GuideReply> {
  constructor(
    dialogId: string,
    private readonly lookup: (questionId: string) => GuideQuestion<never>,
    private readonly deps: GuidePromptDeps,
  ) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, _isRetry: boolean): Promise<void> {
    const o = options as GuidePromptOptions;
    await context.sendActivity(questionActivity(context.activity.channelId, o.text, o.suggestions));
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<GuideReply>> {
    const c = await this.classify(context, options as GuidePromptOptions);
    return c.kind === 'reply' ? { succeeded: true, value: c.reply } : { succeeded: false };
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const instance = dc.activeDialog as { state: { options: GuidePromptOptions; state: GuidePromptState } };
    const options = instance.state.options;
    const state = instance.state.state;
    state.failures ??= 0;

    const c = await this.classify(context, options);
    if (c.kind === 'reply') return dc.endDialog(c.reply);

    if (c.kind === 'risky') {
      // Nothing is taken from it, and it does not count as a missed answer. (The root shows the
      // contacts; an urgent message never reaches here.)
      await context.sendActivity(questionActivity(context.activity.channelId, `When you're ready, we can carry on. ${options.text}\n\n${SAFETY_LINE}`, options.suggestions));
      return Dialog.EndOfTurn;
    }

    if (c.kind === 'question') {
      await this.sendKnowledgeAnswer(context, c.response);
      await context.sendActivity('Shall we carry on where we were?');
      await this.onPrompt(context, state, options, false);
      return Dialog.EndOfTurn;
    }

    state.failures++;
    if (state.failures <= MAX_REASKS) {
      await context.sendActivity(questionActivity(context.activity.channelId, `Sorry, I didn't catch that. ${options.text}\n\n${options.example}\n\n${SAFETY_LINE}`, options.suggestions));
      return Dialog.EndOfTurn;
    }
    if (!state.offeredSkip) {
      state.offeredSkip = true;
      await context.sendActivity(
        questionActivity(
          context.activity.channelId,
          `I'm still not sure what you mean. You can say "skip" to leave this question out, or answer in your own words. ${options.example}\n\n${SAFETY_LINE}`,
          ['Skip this question', ...options.suggestions],
        ),
      );
      return Dialog.EndOfTurn;
    }
    await context.sendActivity("I'll leave that question out.");
    return dc.endDialog({ kind: 'skip', automatic: true } satisfies GuideReply);
  }

  private async classify(context: TurnContext, options: GuidePromptOptions): Promise<Classified> {
    const raw = context.activity.text ?? '';
    // Bounded: no answer costs the server more than a few milliseconds to read (README, "Hardening").
    const text = answerText(boundedText(raw, FREE_TEXT_BOUNDS));
    if (!text) return { kind: 'unreadable' };
    if (BACK.test(text)) return { kind: 'reply', reply: { kind: 'back' } };
    if (RESTART.test(text)) return { kind: 'reply', reply: { kind: 'restart' } };
    if (SKIP.test(text)) return { kind: 'reply', reply: { kind: 'skip' } };

    const question = this.lookup(options.questionId);
    // The safety check's finding for this message (the root's, or our own when used alone).
    const found = (context.turnState.get(SAFETY_TURN_KEY) as SafetyAssessment | undefined) ?? (await this.deps.answers.assess(raw));
    let asked: AnswerResponse | undefined;
    const ask = async () => (asked ??= await this.deps.answers.ask(raw, await this.deps.area?.(context), found));
    if (found.outcome !== 'none') {
      // A risky message is never an answer. A question in it is answered (urgent help when urgent).
      const r = await ask();
      return r.outcome === 'urgent' || (isAnswer(r) && /\?\s*$/.test(raw.trim())) ? { kind: 'question', response: r } : { kind: 'risky' };
    }
    // A question about something else ("what is a SENCO?", "sorry, quick question - what's an EP?")
    // is answered, not misread as an answer; greetings and apologies in front do not hide it.
    const core = answerText(stripFiller(raw)) || text;
    const words = core.split(' ').length;
    const asksSomething = /\?\s*$/.test(raw.trim());
    const looksLikeQuestion = asksSomething || (QUESTION_WORDS.test(core) && words >= 3);
    // Free text ("what worries you most?") is an answer unless it is plainly a question of its own.
    const mayInterrupt = question.freeText ? asksSomething && QUESTION_WORDS.test(core) && words >= 3 : looksLikeQuestion;
    if (mayInterrupt && isAnswer(await ask())) return { kind: 'question', response: asked as AnswerResponse };

    const value = question.recognize(boundedText(raw, question.freeText ? FREE_TEXT_BOUNDS : ANSWER_BOUNDS), (this.deps.now ?? (() => new Date()))());
    if (value !== undefined) return { kind: 'reply', reply: { kind: 'answer', value } };
    // An answer it cannot read is asked again with its choices, never sent to the knowledge
    // base: a story told as an answer ("school keep saying they can't do anything till he's
    // seen by CAMHS") is about this question, not a question of its own.
    return { kind: 'unreadable' };
  }

  private async sendKnowledgeAnswer(context: TurnContext, response: AnswerResponse): Promise<void> {
    const answer = response.results[0].answer;
    const channelId = context.activity.channelId;
    await context.sendActivity(response.outcome === 'urgent' ? this.deps.cards.urgent(answer, channelId) : this.deps.cards.answer(answer, channelId));
  }
}

function isAnswer(r: AnswerResponse): boolean {
  return (r.outcome === 'answer' || r.outcome === 'urgent') && r.results.length > 0;
}
