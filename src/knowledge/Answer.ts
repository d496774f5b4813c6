/** One cited passage an answer rests on. */
export interface SourceRef {
  /** File name in the sources folder, e.g. `002_a7facad9f6fbdc25.txt` or `national-facts.md`. */
  file: string;
  /** A heading or line of that file. */
  section: string;
  /** Words that appear word for word in that file. */
  quote: string;
}

export type Audience = 'parent' | 'young-person' | 'staff';

/** One answer of the knowledge base, as read from `knowledge/answers/<id>.md`. */
export interface Answer {
  id: string;
  title: string;
  audience: Audience[];
  questions: string[];
  keywords: string[];
  followUps: string[];
  sources: SourceRef[];
  /** The answer text (Markdown). */
  body: string;
  /** For a local variant: the id of the answer it replaces in its area. */
  variantOf?: string;
  /** For a local variant: the local authority it belongs to. */
  area?: string;
  /** Path of the file it came from, relative to the knowledge folder. */
  file: string;
  /** When the content owner means to check it again (YYYY-MM-DD); kb:check warns once it has passed. */
  reviewBy?: string;
  /** Imported without a cited source (kb:import); kb:check fails until it is cited. */
  draft?: true;
}

/** The id an answer is known by to people, buttons and counts: for a local variant, the answer it replaces. */
export function topicId(answer: Pick<Answer, 'id' | 'variantOf'>): string {
  return answer.variantOf ?? answer.id;
}

/** A subject the assistant does not answer: questions closest to it get a plain "I don't know". */
export interface OutOfScopeTopic {
  id: string;
  title: string;
  phrasings: string[];
}

/** A problem found in a knowledge file: which file, which field, what is wrong. */
export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
