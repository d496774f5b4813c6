import { InputHints, MessageFactory, type Activity } from 'botbuilder';
import type { Area } from '../directory/Area';
import type { ContactDetails } from '../directory/ContactDetails';
import type { NationalRoute } from '../directory/nationalRoute';
import type { AnswerService } from '../matching/AnswerService';
import type { ContactKind } from '../callbacks/CallbackRequest';
import { card, MAX_SUGGESTED_ACTIONS, supportsCards, type AdaptiveElement } from './AnswerCards';
import { submit } from './CardActions';

/** What a card button in the hand-off sends back as `activity.value.action`. */
export const HandoffAction = {
  /** A council picked from a list: `area` holds its name. */
  PickArea: 'pickArea',
  /** A button on the callback review card: `choice` is "send", "cancel" or the field to change. */
  ReviewCallback: 'reviewCallback',
} as const;

/**
 * What to have ready when calling the service. Each line rests on a source document: Trafford's
 * Local Offer ("Take a list of your concerns"; the SEN Support Plan and provision map: "Make sure
 * you have copies of both these documents") and Buckinghamshire SENDIAS (reviewed SEN Support
 * plans, "information about the total hours of support or cost of the support").
 * tests/bot/handoffCards.test.ts checks every quote is in its file.
 */
export const HAVE_READY = {
  items: [
    'a list of your concerns',
    "copies of your child's SEN support plan and provision map (the list of the support they get), if the school has written them",
    'anything you know about the hours or cost of the support your child gets (you can ask the school for this)',
  ],
  sources: [
    { file: '004_f496af77fd55d380.txt', quote: 'Take a list of your concerns.' },
    { file: '004_f496af77fd55d380.txt', quote: 'Make sure you have copies of both these documents.' },
    { file: '003_a9549bfb166fddc8.txt', quote: 'information about the total hours of support or cost of the support' },
  ],
} as const;

/** What every SENDIASS offers (Lancashire's guide; SEND Code of Practice 2.1 and 2.8 in national-facts.md). */
export const SERVICE_PROMISE = 'The service is free, confidential and impartial: it gives information, advice and support about special educational needs and disabilities (SEND).';

/** The fields of a callback request, as the review card shows them. */
export interface CallbackReview {
  area: string;
  serviceName?: string;
  name: string;
  contact: string;
  contactKind: ContactKind;
  bestTime: string;
  summary: string;
  /** Titles shared with consent; null when not shared; undefined when there were none to share. */
  topics?: string[] | null;
}

/** The review card's buttons: the choice each sends and its title. */
export const REVIEW_CHOICES = [
  ['send', 'Send request'],
  ['name', 'Change name'],
  ['contact', 'Change phone or email'],
  ['bestTime', 'Change best time'],
  ['summary', 'Change summary'],
  ['topics', 'Change topics'],
  ['cancel', 'Cancel request'],
] as const;
export type ReviewChoice = (typeof REVIEW_CHOICES)[number][0];

const text = (t: string, extra: AdaptiveElement = {}): AdaptiveElement => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
const heading = (t: string): AdaptiveElement => text(t, { weight: 'Bolder', size: 'Medium', style: 'heading' });
const openUrl = (title: string, url: string): AdaptiveElement => ({ type: 'Action.OpenUrl', title, url });
/** Markdown link text: brackets in the label would break it. */
const link = (label: string, url: string) => `[${label.replace(/[[\]]/g, '')}](${url})`;

/**
 * The activities of the hand-off to SENDIASS: the contact card, the choice of council, and
 * the callback request's review card. Adaptive Cards (1.5) where the channel renders them,
 * plain text with every detail written out elsewhere; links as tel:, mailto: and https:.
 */
export class HandoffCards {
  constructor(private readonly answers: AnswerService) {}

  /** The service's details for an area (or the national route when it has none the bot can vouch for). */
  contact(details: ContactDetails, channelId: string | undefined): Partial<Activity> {
    const lines = this.contactLines(details);
    const plain = lines.map((l) => l.plain).join('\n');
    if (!supportsCards(channelId)) return MessageFactory.text(plain);
    const body: AdaptiveElement[] = [heading(details.areaName ? `Your local SENDIASS: ${details.areaName}` : 'Finding your local SENDIASS')];
    for (const l of lines.slice(1)) body.push(text(l.markdown, l.subtle ? { isSubtle: true, size: 'Small', spacing: 'Medium' } : l.strong ? { weight: 'Bolder', spacing: 'Medium' } : {}));
    const actions: AdaptiveElement[] = [];
    if (details.phone && !details.phone.note) actions.push(openUrl(`Call ${details.phone.display}`, details.phone.tel));
    if (details.email) actions.push(openUrl('Email the service', details.email.mailto));
    if (details.website) actions.push(openUrl('Open their website', details.website.url));
    if (details.national) {
      actions.push(openUrl('IASS Network list', details.national.iassNetwork.url));
      actions.push(openUrl('IPSEA legal advice', details.national.ipsea.url));
    }
    return MessageFactory.attachment(card(body, actions, plain));
  }

  private contactLines(d: ContactDetails): Array<{ plain: string; markdown: string; subtle?: boolean; strong?: boolean }> {
    const out: Array<{ plain: string; markdown: string; subtle?: boolean; strong?: boolean }> = [];
    const both = (t: string, extra: { subtle?: boolean; strong?: boolean } = {}) => out.push({ plain: t, markdown: t, ...extra });
    both(d.areaName ? `Your local SENDIASS: ${d.areaName}` : 'Finding your local SENDIASS');
    if (d.serviceName) both(`${d.serviceName}${d.nameConfirmed ? '' : ' (name not confirmed)'}`, { strong: true });
    both(SERVICE_PROMISE);
    if (d.phone) {
      const note = d.phone.note ? ` (${d.phone.note})` : '';
      out.push({ plain: `Phone: ${d.phone.display}${note}`, markdown: `Phone: ${link(d.phone.display, d.phone.tel)}${note}` });
    }
    if (d.email) out.push({ plain: `Email: ${d.email.address}`, markdown: `Email: ${link(d.email.address, d.email.mailto)}` });
    if (d.website) {
      const note = d.website.verified ? '' : ' (from an older or third-party page: check it is current)';
      out.push({ plain: `Website: ${d.website.url}${note}`, markdown: `Website: ${link(d.website.url, d.website.url)}${note}` });
    }
    if (d.openingHours) both(`Opening hours: ${d.openingHours}`);
    else if (d.website) both('Opening hours: see their website.');
    if (d.outOfHoursMessage) both(`When they are closed: ${d.outOfHoursMessage}`);
    if (d.national) this.nationalLines(d, d.national).forEach((l) => out.push(l));
    if (d.phone || d.email || d.website) {
      both('Before you get in touch, it helps to have ready:', { strong: true });
      const items = HAVE_READY.items.map((i) => `- ${i}`).join('\n');
      both(items);
      const labels = [...new Set(HAVE_READY.sources.map((s) => this.answers.sourceLabel(s.file)))];
      both(`Source: ${labels.join('; ')}`, { subtle: true });
    }
    return out;
  }

  private nationalLines(d: ContactDetails, n: NationalRoute): Array<{ plain: string; markdown: string; strong?: boolean }> {
    const intro = !d.areaName
      ? "I don't know your council area, so here is how to find your local service:"
      : d.serviceName
        ? "I don't have contact details I can vouch for, for this service. To find them:"
        : `I don't have details of ${d.areaName}'s service. To find them:`;
    const iass = `${n.iassNetwork.name} ${n.iassNetwork.description}`;
    const ipsea = `For legal advice: ${n.ipsea.name} gives ${n.ipsea.description}`;
    return [
      { plain: intro, markdown: intro, strong: true },
      {
        plain: `- ${iass}: ${n.iassNetwork.url}\n- Look at ${n.localOffer.description}.\n- ${ipsea}: ${n.ipsea.url}`,
        markdown: `- ${link(n.iassNetwork.name, n.iassNetwork.url)} ${n.iassNetwork.description}.\n- Look at ${n.localOffer.description}.\n- For legal advice: ${link(n.ipsea.name, n.ipsea.url)} gives ${n.ipsea.description}.`,
      },
    ];
  }

  /** "Which do you mean?" for a name that fits several councils: suggested actions for up to three, buttons on a card for more. */
  areaOptions(intro: string, options: Area[], channelId: string | undefined, conversationType?: string): Partial<Activity> {
    const list = options.map((a, i) => `${i + 1}. ${a.name} (${a.officialName})`).join('\n');
    const plain = `${intro}\n${list}\n\nYou can type the number or the name.`;
    const suggested = channelId !== 'msteams' || conversationType === 'personal' || conversationType === undefined;
    let activity: Partial<Activity>;
    if (options.length <= MAX_SUGGESTED_ACTIONS && suggested) {
      activity = MessageFactory.suggestedActions(options.map((a) => a.name), plain);
    } else if (supportsCards(channelId)) {
      const actions = options.map((a) => submit(a.name, { action: HandoffAction.PickArea, area: a.name }));
      activity = MessageFactory.attachment(card([text(intro, { weight: 'Bolder' }), { type: 'ActionSet', actions }], [], plain));
    } else {
      activity = MessageFactory.text(plain);
    }
    activity.inputHint = InputHints.ExpectingInput;
    return activity;
  }

  /** "Which council area are you in?", with every council in a drop-down where the channel shows cards. */
  whichCouncil(intro: string, areas: readonly Area[], channelId: string | undefined): Partial<Activity> {
    const ask = `${intro}\n\nType your council's name (for example Leeds, Kent or Lancashire)${supportsCards(channelId) ? ', or choose it from the list' : ''}. If you're not sure, say "not sure" and I'll show you how to find your local service.`;
    if (!supportsCards(channelId)) return { ...MessageFactory.text(ask), inputHint: InputHints.ExpectingInput };
    const body: AdaptiveElement[] = [
      text(ask),
      {
        type: 'Input.ChoiceSet',
        id: 'area',
        label: 'Your council area',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose a council area.',
        placeholder: 'Choose a council',
        choices: areas.map((a) => ({ title: a.name, value: a.name })),
      },
    ];
    // A plain Action.Submit: Teams and Web Chat both send the chosen value with the data.
    const actions = [{ type: 'Action.Submit', title: 'Use this council', data: { action: HandoffAction.PickArea } }];
    const activity = MessageFactory.attachment(card(body, actions, ask));
    activity.inputHint = InputHints.ExpectingInput;
    return activity;
  }

  /** Everything a callback request will send, with a button to send it, change any field, or cancel. */
  review(r: CallbackReview, channelId: string | undefined): Partial<Activity> {
    const to = r.serviceName ?? `the SENDIASS for ${r.area}`;
    const topics = r.topics === undefined ? undefined : r.topics === null || r.topics.length === 0 ? 'Not shared' : r.topics.join('; ');
    const facts: Array<[string, string]> = [
      ['To', to],
      ['Your name', r.name],
      [r.contactKind === 'phone' ? 'Phone' : 'Email', r.contact],
      ['Best time', r.bestTime],
      ['About', r.summary],
    ];
    if (topics !== undefined) facts.push(['Topics', topics]);
    const intro = 'Please check your request before I send it.';
    const choices = REVIEW_CHOICES.filter(([c]) => c !== 'topics' || topics !== undefined);
    const plain = `${intro}\n${facts.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\nSay "send" to send it, "change" and what to change (for example "change phone"), or "cancel".`;
    if (!supportsCards(channelId)) {
      return { ...MessageFactory.suggestedActions(['Send request', 'Cancel request'], plain), inputHint: InputHints.ExpectingInput };
    }
    const body: AdaptiveElement[] = [
      text(intro, { weight: 'Bolder' }),
      ...factLines(facts),
      text('You can change anything before it is sent.', { isSubtle: true }),
    ];
    const actions = choices.map(([choice, title]) => submit(title, { action: HandoffAction.ReviewCallback, choice }));
    const activity = MessageFactory.attachment(card(body, actions, plain));
    activity.inputHint = InputHints.ExpectingInput;
    return activity;
  }
}

/**
 * "Label: value" lines for a card. Values someone typed go in TextRuns, which Adaptive Cards
 * never read as Markdown: "[x](https://…)" stays text, not a link.
 */
export function factLines(facts: ReadonlyArray<readonly [string, string]>): AdaptiveElement[] {
  return facts.map(([label, value]) => ({
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${label}: `, weight: 'Bolder' },
      { type: 'TextRun', text: value },
    ],
  }));
}
