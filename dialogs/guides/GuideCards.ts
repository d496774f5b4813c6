import { MessageFactory, type Activity } from 'botbuilder';
import type { SourceRef } from '../../src/knowledge/Answer';
import type { AnswerService } from '../../src/matching/AnswerService';
import { card, supportsCards, type AdaptiveElement } from '../../src/bot/AnswerCards';
import { markdownToPlain } from '../../src/matching/formatAnswerText';

/** One section of a guide's advice: its wording and the passages it rests on. */
export interface AdviceSection {
  title?: string;
  /** Markdown: short paragraphs and "- " lists. */
  text: string;
  sources: readonly SourceRef[];
}

/** What the person told a guide, for the summary: "On SEN support" → "Yes, since September 2026". */
export interface SummaryFact {
  label: string;
  value: string;
}

export interface SummaryItem {
  text: string;
  /** What the person said that bears on it ("you said: reviewed twice"). */
  note?: string;
}

export interface Summary {
  title: string;
  intro: string;
  facts: SummaryFact[];
  outcome: string;
  checklistTitle: string;
  checklist: SummaryItem[];
  note: string;
  sources: readonly SourceRef[];
}

/**
 * Builds what the guides send: their advice as an Adaptive Card with its sources (as answers
 * are cited), and the summary a person can copy into an email to the SENCO, as a card and as
 * plain text. Channels without cards get the plain text.
 */
export class GuideCards {
  constructor(private readonly answers: AnswerService) {}

  /** "Sources: Lancashire SEND IAS, "SEN support"; …" naming each cited document once. */
  sourceLine(sources: readonly SourceRef[]): string {
    const labels = [...new Set(sources.map((s) => this.answers.sourceLabel(s.file)))];
    return `${labels.length > 1 ? 'Sources' : 'Source'}: ${labels.join('; ')}`;
  }

  /** Plain text naming each document and section, for channels without cards and for copying. */
  sourceSections(sources: readonly SourceRef[]): string {
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const s of sources) {
      const key = `${s.file}#${s.section}`;
      if (seen.has(key)) continue;
      seen.add(key);
      parts.push(`${this.answers.sourceLabel(s.file)}, section "${s.section}"`);
    }
    return `${parts.length > 1 ? 'Sources' : 'Source'}: ${parts.join('; ')}`;
  }

  advicePlainText(heading: string, sections: readonly AdviceSection[]): string {
    const body = sections.map((s) => (s.title ? `${s.title}\n${markdownToPlain(s.text)}` : markdownToPlain(s.text))).join('\n\n');
    return `${heading}\n\n${body}\n\n${this.sourceSections(sections.flatMap((s) => s.sources))}`;
  }

  /** A guide's advice: a heading, its sections, and the sources they rest on. */
  advice(heading: string, sections: readonly AdviceSection[], channelId: string | undefined): Partial<Activity> {
    const text = this.advicePlainText(heading, sections);
    if (!supportsCards(channelId)) return MessageFactory.text(text);
    const body: AdaptiveElement[] = [{ type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }];
    for (const s of sections) {
      if (s.title) body.push({ type: 'TextBlock', text: s.title, weight: 'Bolder', wrap: true, spacing: 'Medium' });
      body.push({ type: 'TextBlock', text: s.text, wrap: true, spacing: s.title ? 'Small' : 'Medium' });
    }
    const sources = sections.flatMap((s) => s.sources);
    if (sources.length) body.push({ type: 'TextBlock', text: this.sourceLine(sources), wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' });
    return MessageFactory.attachment(card(body, [], text));
  }

  /** The summary as plain text, written to be pasted into an email. */
  summaryPlainText(s: Summary): string {
    const lines = [
      s.title,
      '',
      s.intro,
      '',
      ...s.facts.map((f) => `- ${f.label}: ${f.value}`),
      '',
      `Where this points: ${s.outcome}`,
      '',
      `${s.checklistTitle}:`,
      ...s.checklist.map((i) => `- ${i.text}${i.note ? ` (${i.note})` : ''}`),
      '',
      s.note,
      '',
      this.sourceSections(s.sources),
    ];
    return lines.join('\n');
  }

  /** The summary card; the plain text follows it as its own message so it can be copied whole. */
  summary(s: Summary, channelId: string | undefined): Array<Partial<Activity>> {
    const text = this.summaryPlainText(s);
    const plain: Partial<Activity> = { type: 'message', text, textFormat: 'plain' };
    if (!supportsCards(channelId)) return [plain];
    const body: AdaptiveElement[] = [
      { type: 'TextBlock', text: s.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: s.intro, wrap: true },
      { type: 'FactSet', facts: s.facts.map((f) => ({ title: f.label, value: f.value })) },
      { type: 'TextBlock', text: `Where this points: ${s.outcome}`, weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: s.checklistTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: s.checklist.map((i) => `- ${i.text}${i.note ? ` (${i.note})` : ''}`).join('\n'), wrap: true },
      { type: 'TextBlock', text: s.note, wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: this.sourceLine(s.sources), wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
    ];
    return [MessageFactory.attachment(card(body, [], text)), { ...plain, text: `The same summary as plain text, to copy into an email:\n\n${text}` }];
  }
}
