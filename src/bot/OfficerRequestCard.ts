import { CardFactory, type Attachment } from 'botbuilder';
import type { CallbackRequest } from '../callbacks/CallbackRequest';
import { mailtoLink, telLink } from '../directory/ContactDetails';
import { factLines } from './HandoffCards';
import type { AdaptiveElement } from './AnswerCards';
import { shortReference } from '../callbacks/shortReference';

/** The verbs of the card's Action.Execute buttons, as the bot receives them in `adaptiveCard/action`. */
export const OfficerVerb = {
  MarkContacted: 'markContacted',
  MarkClosed: 'markClosed',
} as const;
export type OfficerVerbName = (typeof OfficerVerb)[keyof typeof OfficerVerb];

const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });

const STATUS_WORDS: Record<CallbackRequest['status'], string> = {
  new: 'New: nobody has marked it contacted yet',
  contacted: 'Contacted',
  closed: 'Closed',
};

function adaptive(body: AdaptiveElement[], actions: AdaptiveElement[], fallbackText: string): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', fallbackText, body, actions };
}

/**
 * The card the service's Teams channel gets for a callback request: every detail the person
 * gave (it is the service's own channel), its reference and status, and an Action.Execute
 * button to mark it contacted (then closed). What the person typed goes in TextRuns, never
 * read as Markdown. The same card, updated, is the answer to the button.
 */
export class OfficerRequestCard {
  constructor(private readonly retentionDays: number) {}

  /** The card's JSON (what an `adaptiveCard/action` response carries). */
  content(r: CallbackRequest, changedBy?: string): Record<string, unknown> {
    const heading = r.status === 'new' ? 'New call-back request' : `Call-back request: ${r.status}`;
    const facts: Array<[string, string]> = [
      ['Reference', shortReference(r.id)],
      ['Area', r.area],
      ['Name', r.name],
      [r.contactKind === 'phone' ? 'Phone' : 'Email', r.contact],
      ['Best time', r.bestTime],
      ['About', r.summary],
      ['Topics looked at', r.topics === null ? 'Not shared' : r.topics.length ? r.topics.join('; ') : 'None'],
      ['Received', when.format(new Date(r.createdAt))],
      ['Status', STATUS_WORDS[r.status] + (changedBy && r.status !== 'new' ? ` (by ${changedBy}, ${when.format(new Date(r.updatedAt))})` : '')],
    ];
    const body: AdaptiveElement[] = [
      { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      ...factLines(facts),
      {
        type: 'TextBlock',
        text: `Request id ${r.id}. Kept for ${this.retentionDays} days from when it was received, then deleted automatically. Officers can also list and update requests with npm run requests or the officers' API.`,
        wrap: true,
        isSubtle: true,
        size: 'Small',
        spacing: 'Medium',
      },
    ];
    const actions: AdaptiveElement[] = [];
    const link = r.contactKind === 'phone' ? telLink(r.contact) : mailtoLink(r.contact);
    if (link && r.status !== 'closed') actions.push({ type: 'Action.OpenUrl', title: r.contactKind === 'phone' ? 'Call' : 'Email', url: r.contactKind === 'phone' ? link : encodeURI(link) });
    if (r.status === 'new') actions.push({ type: 'Action.Execute', title: 'Mark contacted', verb: OfficerVerb.MarkContacted, data: { requestId: r.id } });
    if (r.status === 'contacted') actions.push({ type: 'Action.Execute', title: 'Mark closed', verb: OfficerVerb.MarkClosed, data: { requestId: r.id } });
    const fallback = `${heading}\n${facts.map(([k, v]) => `${k}: ${v}`).join('\n')}`;
    return adaptive(body, actions, fallback);
  }

  attachment(r: CallbackRequest): Attachment {
    return CardFactory.adaptiveCard(this.content(r));
  }

  /** The card for a request that is no longer stored (deleted on request or after the retention period). */
  gone(): Record<string, unknown> {
    const text = `This call-back request is no longer stored: it was deleted on request or after the ${this.retentionDays}-day retention period.`;
    return adaptive([{ type: 'TextBlock', text, wrap: true }], [], text);
  }
}
