import type { Activity, Attachment } from 'botbuilder';

function cardText(node: unknown, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => cardText(n, out));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.text === 'string' && (o.type === 'TextBlock' || o.type === 'TextRun')) out.push(o.text);
  if (typeof o.title === 'string' && typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(`[${o.title}]`);
  for (const k of ['body', 'items', 'columns', 'actions', 'inlines', 'card']) if (k in o) cardText(o[k], out);
}

/** Everything a person would read in an activity: its text, its cards' text and button labels, suggested actions. */
export function activityText(activity: Partial<Activity>): string {
  const out: string[] = [];
  if (activity.text) out.push(activity.text);
  for (const a of (activity.attachments ?? []) as Attachment[]) cardText(a.content, out);
  for (const s of activity.suggestedActions?.actions ?? []) out.push(`[${s.title}]`);
  return out.join('\n');
}

/** The Adaptive Card of an activity, if it carries one. */
export function adaptiveCard(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const a = activity.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  return a?.content as Record<string, unknown> | undefined;
}

/** Every Action.Submit's data in a card, in order. */
export function submitActions(activity: Partial<Activity>): Array<{ title: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Submit') found.push({ title: o.title as string, data: o.data as Record<string, unknown> });
    for (const k of ['body', 'items', 'columns', 'actions']) if (k in o) walk(o[k]);
  };
  walk(adaptiveCard(activity));
  return found;
}
