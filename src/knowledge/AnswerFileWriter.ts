import { Document, isMap, isScalar, isSeq, visit, type YAMLSeq } from 'yaml';
import type { Answer } from './Answer';

/** The fields of an answer file, in the order the shipped files use. */
const ORDER = ['id', 'variantOf', 'area', 'title', 'audience', 'questions', 'keywords', 'followUps', 'sources', 'reviewBy', 'draft'] as const;
/** Short lists written on one line, as the shipped files write them. */
const FLOW = new Set(['audience', 'keywords', 'followUps']);

/** An answer as the text of `answers/<id>.md`: YAML front matter in the shipped files' layout, then the body. */
export function answerFileText(a: Omit<Answer, 'file'>): string {
  const data: Record<string, unknown> = {};
  for (const k of ORDER) {
    const v = (a as unknown as Record<string, unknown>)[k];
    if (v !== undefined) data[k] = v;
  }
  const doc = new Document(data);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown }).value);
      if (FLOW.has(key) && isSeq(pair.value)) (pair.value as YAMLSeq).flow = true;
    }
  }
  // Quotes from the sources in double quotes, as the shipped files write them.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'quote' && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${a.body.trim()}\n`;
}
