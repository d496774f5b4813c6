import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  WaterfallDialog,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { LIMITS, type CallbackRequest, type ContactKind } from '../src/callbacks/CallbackRequest';
import type { CallbackStore } from '../src/callbacks/CallbackStore';
import { shortReference } from '../src/callbacks/shortReference';
import type { AreaDirectory } from '../src/directory/AreaDirectory';
import type { AnswerService } from '../src/matching/AnswerService';
import { HandoffAction, REVIEW_CHOICES, type HandoffCards, type ReviewChoice } from '../src/bot/HandoffCards';
import type { TopicsSeen } from '../src/bot/TopicsSeen';
import { recognizeContact } from '../src/recognition/ContactRecognizer';
import { recognizeYesNo } from '../src/recognition/YesNoRecognizer';
import { answerText } from '../src/recognition/answerText';
import { questionActivity } from './guides/guideActivities';
import { ReplyPrompt, type Reply } from './handoff/ReplyPrompt';
import type { UserProfile } from './RootDialog';

export const CALLBACK_REQUEST_DIALOG_ID = 'callbackRequestDialog';
/** The prompt for the questions answered in the person's own words (name, best time, summary). */
export const CALLBACK_TEXT_PROMPT_ID = `${CALLBACK_REQUEST_DIALOG_ID}.text`;
const CHOICE_PROMPT_ID = `${CALLBACK_REQUEST_DIALOG_ID}.choice`;
const LOOP_ID = `${CALLBACK_REQUEST_DIALOG_ID}.loop`;

/** Where errors are reported: the error's name only, never what the person typed. */
export interface CallbackLog {
  error(obj: object, msg: string): void;
}

export interface CallbackRequestDeps {
  store: CallbackStore;
  areas: AreaDirectory;
  cards: HandoffCards;
  answers: AnswerService;
  userProfile: StatePropertyAccessor<UserProfile>;
  /** CALLBACK_RETENTION_DAYS, told to the person before they agree. */
  retentionDays: number;
  /** The answers shown in this conversation, offered (with consent) as the request's topics. */
  topics?: TopicsSeen;
  /** Tells the service's officers (a Teams channel) once the request is safely stored; not awaited. */
  notify?: (request: CallbackRequest) => Promise<void>;
  log?: CallbackLog;
}

type Field = 'consent' | 'name' | 'contact' | 'bestTime' | 'summary' | 'topics' | 'review';
/** The questions answered in the person's own words, asked with CALLBACK_TEXT_PROMPT_ID. */
const OWN_WORDS_FIELDS = ['name', 'bestTime', 'summary'] as const satisfies readonly Field[];
type OwnWordsField = (typeof OWN_WORDS_FIELDS)[number];

interface Draft {
  name?: string;
  contact?: string;
  contactKind?: ContactKind;
  bestTime?: string;
  summary?: string;
  /** Topic titles the person agreed to share; null when they said no. */
  topics?: string[] | null;
}

/**
 * The request in progress, kept in dialog state (conversation state) so it survives a restart.
 * It holds what the person typed for the request and nothing else; it goes when the dialog ends.
 */
interface LoopState {
  field: Field;
  draft: Draft;
  /** Every field has been given once: a changed field goes back to the review. */
  reviewing: boolean;
  /** Replies to this question it could not use, in a row. */
  retries: number;
  /** Titles of the answers shown before the request began. */
  topicTitles: string[];
  /** Why the question is asked again, in place of its usual wording. */
  retryMessage?: string;
}

const ORDER: Field[] = ['consent', 'name', 'contact', 'bestTime', 'summary', 'topics', 'review'];
const CANCEL_REQUEST = /^(cancel|don'?t send|do not send|discard|scrap|abandon)( (it|this|that|the request|my request|request|the call ?back|call ?back|the call back request))?$/;
const SEND = /^(send|send it|send (the|my) request|send request|yes|yes send( it)?|yes please|yep|yeah|ok|okay|confirm|that'?s (fine|right|correct|ok)|looks (good|fine|right)|all (good|correct|fine)|correct|go ahead)$/;
const CHANGE: Array<[Exclude<ReviewChoice, 'send' | 'cancel'>, RegExp]> = [
  ['contact', /\b(phone|number|mobile|email|e-mail|contact|reach)\b/],
  ['bestTime', /\b(time|when|day|days|morning|afternoon|evening)\b/],
  ['summary', /\b(summary|about|reason|description|line|message|help with)\b/],
  ['topics', /\btopics?\b/],
  ['name', /\bname\b/],
];

/**
 * Asks, with clear consent, for what the local SENDIASS needs to get in touch: the person's name,
 * a phone number or email (checked with recognizers-text, asked again until it reads), the best
 * time, a one-line summary and, only with a separate yes, the titles of the topics looked at in
 * this conversation (never the conversation itself). It shows everything for review, where any
 * field can be changed or the request cancelled; "cancel" works at every step. The request is
 * written to the CallbackStore before the person is told it was sent; then the reference and what
 * happens next. Begun by the hand-off dialog once the area is known.
 */
export class CallbackRequestDialog extends ComponentDialog {
  constructor(private readonly deps: CallbackRequestDeps) {
    super(CALLBACK_REQUEST_DIALOG_ID);
    this.addDialog(new ReplyPrompt(CALLBACK_TEXT_PROMPT_ID));
    this.addDialog(new ReplyPrompt(CHOICE_PROMPT_ID));
    this.addDialog(new WaterfallDialog(LOOP_ID, [this.askStep.bind(this), this.answeredStep.bind(this)]));
    this.initialDialogId = LOOP_ID;
  }

  /** Cancelled from outside ("cancel", "start over", a change of area): say that nothing was sent. */
  protected override async onEndDialog(context: TurnContext, _instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason === DialogReason.cancelCalled) {
      await context.sendActivity("Your call-back request has not been sent, and I haven't kept the details you gave for it.");
    }
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    let state = step.options as LoopState | undefined;
    if (!state?.field) {
      const ids = (await this.deps.topics?.list(step.context)) ?? [];
      state = { field: 'consent', draft: {}, reviewing: false, retries: 0, topicTitles: ids.map((id) => this.deps.answers.title(id)) };
    }
    (step.values as { state?: LoopState }).state = state;
    const question = await this.question(step.context, state);
    const promptId = (OWN_WORDS_FIELDS as readonly Field[]).includes(state.field) ? CALLBACK_TEXT_PROMPT_ID : CHOICE_PROMPT_ID;
    return step.prompt(promptId, { prompt: question as Activity, retryPrompt: question as Activity });
  }

  private async answeredStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { state: LoopState }).state;
    const reply = step.result as Reply;
    const text = answerText(reply.text);
    const { context } = step;

    if (CANCEL_REQUEST.test(text) || (reply.action?.action === HandoffAction.ReviewCallback && reply.action.choice === 'cancel')) {
      await context.sendActivity('OK, I\'ve cancelled your call-back request. Nothing was sent, and I haven\'t kept the details. You can ask me another question at any time.');
      return step.endDialog({ sent: false });
    }

    const retry = (message: string) =>
      step.replaceDialog(LOOP_ID, { ...state, retries: state.retries + 1, retryMessage: state.retries >= 1 ? `${message} Or say "cancel" if you'd rather not go on.` : message });
    const next = (draft: Draft): Promise<DialogTurnResult> => {
      const field = state.reviewing ? 'review' : this.after(state.field, state);
      return step.replaceDialog(LOOP_ID, { ...state, draft, field, retries: 0, retryMessage: undefined, reviewing: state.reviewing || field === 'review' });
    };
    const d = { ...state.draft };
    /** An answer in their own words: spaces squashed, not empty, not a button press, within the field's limit. */
    const ownWords = (field: OwnWordsField, missing: string, tooLong: string): Promise<DialogTurnResult> => {
      const value = reply.text.trim().replace(/\s+/g, ' ');
      if (!value || reply.action) return retry(missing);
      if (value.length > LIMITS[field]) return retry(tooLong);
      return next({ ...d, [field]: value });
    };

    switch (state.field) {
      case 'consent': {
        const yn = recognizeYesNo(reply.text)?.value;
        if (yn === 'yes') return next(d);
        if (yn === 'no') {
          await context.sendActivity("That's fine: I haven't sent anything. You can still contact the service yourself with the details above, or ask me another question.");
          return step.endDialog({ sent: false });
        }
        return retry('Please say "yes" if I can take your details for a call back, or "no" if not.');
      }
      case 'name':
        return ownWords('name', 'Please type the name the service should ask for.', `That's longer than I can take (${LIMITS.name} characters). Your first name is enough.`);
      case 'contact': {
        const found = recognizeContact(reply.text);
        if (!found) {
          return retry(
            "Sorry, that doesn't look like a phone number or an email address I can pass on. Please type a UK phone number (for example 07700 900123) or an email address (for example name@example.com).",
          );
        }
        return next({ ...d, contact: found.value, contactKind: found.kind });
      }
      case 'bestTime':
        return ownWords('bestTime', 'Please tell me when suits you best, for example "weekday mornings" or "any time".', `Please keep it shorter (up to ${LIMITS.bestTime} characters), for example "weekday mornings".`);
      case 'summary':
        return ownWords('summary', 'Please type a line about what you would like help with.', `Please keep it to a line or two (up to ${LIMITS.summary} characters): the service will ask you about the rest.`);
      case 'topics': {
        const yn = recognizeYesNo(reply.text)?.value;
        if (yn === 'yes') return next({ ...d, topics: state.topicTitles.slice(0, LIMITS.topics) });
        if (yn === 'no') return next({ ...d, topics: null });
        return retry('Please say "yes" to add the topic titles to your request, or "no" to leave them out.');
      }
      case 'review':
        return this.review(step, state, reply, text, retry);
    }
  }

  private async review(step: WaterfallStepContext, state: LoopState, reply: Reply, text: string, retry: (m: string) => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    const pressed = reply.action?.action === HandoffAction.ReviewCallback ? (reply.action.choice as ReviewChoice | undefined) : undefined;
    const valid = REVIEW_CHOICES.map(([c]) => c as string);
    const choice: ReviewChoice | undefined =
      pressed && valid.includes(pressed) ? pressed : SEND.test(text) ? 'send' : /\b(change|wrong|edit|fix|correct|update|not right|mistake)\b/.test(text) || text.split(' ').length <= 3 ? CHANGE.find(([, re]) => re.test(text))?.[0] : undefined;
    if (!choice || (choice === 'topics' && state.topicTitles.length === 0)) {
      return retry('Say "send" to send your request, "change" and what to change (for example "change phone"), or "cancel".');
    }
    if (choice === 'send') return this.send(step, state);
    if (choice === 'cancel') return step.endDialog({ sent: false });
    return step.replaceDialog(LOOP_ID, { ...state, field: choice, retries: 0, retryMessage: undefined });
  }

  private async send(step: WaterfallStepContext, state: LoopState): Promise<DialogTurnResult> {
    const { context } = step;
    const d = state.draft;
    const area = await this.area(context);
    if (!area || !d.name || !d.contact || !d.contactKind || !d.bestTime || !d.summary) {
      await context.sendActivity("Sorry, I've lost part of your request, so I haven't sent it. Please say \"talk to someone\" to start again.");
      return step.endDialog({ sent: false });
    }
    let saved: CallbackRequest;
    try {
      // Written (and durable) before the person is told it was sent.
      saved = await this.deps.store.create({
        area,
        name: d.name,
        contact: d.contact,
        contactKind: d.contactKind,
        bestTime: d.bestTime,
        summary: d.summary,
        ...(d.topics ? { topics: d.topics } : {}),
      });
    } catch (err) {
      this.deps.log?.error({ err: { name: (err as Error).name } }, 'callback request not stored');
      await context.sendActivity('Sorry, I couldn\'t save your request just now, so it has not been sent. Say "send" to try again, or contact the service with the details above.');
      return step.replaceDialog(LOOP_ID, { ...state, retries: 0, retryMessage: undefined });
    }
    const service = this.deps.areas.serviceName(area);
    const by = saved.contactKind === 'phone' ? 'phone' : 'email';
    await context.sendActivity(
      `Thank you: your request has been sent to ${service}. Your reference is ${shortReference(saved.id)}.\n\n` +
        `What happens next: someone from the service will contact you by ${by}, at the time you gave if they can. ` +
        `Your request is kept for ${this.deps.retentionDays} days and then deleted. To have it deleted sooner, or to ask about it, contact the service and quote your reference.\n\n` +
        'You can ask me another question at any time.',
    );
    // Officers are told in the background, after the person: a slow or failed post to Teams never
    // holds up the conversation or loses the request (it is stored, and listed for officers).
    this.deps.notify?.(saved).catch((err: unknown) => this.deps.log?.error({ requestId: saved.id, err: { name: (err as Error).name } }, 'officers not told of a callback request'));
    return step.endDialog({ sent: true });
  }

  /** The next question after `field`, skipping the topics question when there are none to share. */
  private after(field: Field, state: LoopState): Field {
    const i = ORDER.indexOf(field);
    const n = ORDER[i + 1] ?? 'review';
    return n === 'topics' && state.topicTitles.length === 0 ? 'review' : n;
  }

  private async question(context: TurnContext, state: LoopState): Promise<Partial<Activity>> {
    const channel = context.activity.channelId;
    const again = state.retryMessage;
    const ask = (t: string, suggestions: string[] = []) => questionActivity(channel, again ?? t, suggestions);
    switch (state.field) {
      case 'consent': {
        const area = await this.area(context);
        const service = area ? this.deps.areas.serviceName(area) : 'your local SENDIASS';
        const topics = state.topicTitles.length ? '\n- and, only if you agree, the titles of the topics we looked at (never our conversation)' : '';
        return questionActivity(
          channel,
          again ??
            `I can ask ${service} to contact you. To do that I'll send them:\n- your name\n- a phone number or email address\n- the best time to contact you\n- one line about what you'd like help with${topics}\n\n` +
              `Your request is kept for ${this.deps.retentionDays} days and then deleted automatically. Please don't include your child's name or details that identify them. You can say "cancel" at any point.\n\nIs that OK?`,
          ['Yes, go ahead', 'No thanks'],
        );
      }
      case 'name':
        return ask('What name should they ask for? Your first name is enough.');
      case 'contact':
        return ask('How should they contact you? Type a phone number or an email address.');
      case 'bestTime':
        return ask('When is the best time to contact you? For example "weekday mornings" or "after 3pm".', ['Weekday mornings', 'Weekday afternoons', 'Any time']);
      case 'summary':
        return ask("In one line, what would you like help with? Please don't include your child's name.");
      case 'topics':
        return questionActivity(
          channel,
          again ??
            `In this conversation we looked at:\n${state.topicTitles.map((t) => `- ${t}`).join('\n')}\n\nShall I add these topic titles to your request? Only the titles are sent, never what we said.`,
          ['Yes, add them', 'No, leave them out'],
        );
      case 'review': {
        const d = state.draft;
        const area = (await this.area(context)) ?? '';
        const card = this.deps.cards.review(
          {
            area,
            serviceName: area ? this.deps.areas.serviceName(area) : undefined,
            name: d.name ?? '',
            contact: d.contact ?? '',
            contactKind: d.contactKind ?? 'phone',
            bestTime: d.bestTime ?? '',
            summary: d.summary ?? '',
            topics: state.topicTitles.length ? (d.topics ?? null) : undefined,
          },
          channel,
        );
        if (!again) return card;
        return { ...card, text: [again, card.text].filter(Boolean).join('\n\n') };
      }
    }
  }

  private async area(context: TurnContext): Promise<string | undefined> {
    const name = (await this.deps.userProfile.get(context, {})).area;
    return name ? this.deps.areas.get(name)?.name : undefined;
  }
}
