import { KnowledgeLoader, type SourceInfo } from './KnowledgeLoader';
import { formatProblem, type Answer, type OutOfScopeTopic } from './Answer';

/** Thrown when the knowledge folder cannot be used: lists every problem found. */
export class KnowledgeError extends Error {}

/**
 * The answers the assistant may give, by id, with local variants by area.
 * Plain TypeScript: no Bot Framework here.
 */
export class KnowledgeBase {
  private readonly byId = new Map<string, Answer>();
  private readonly variants = new Map<string, Answer[]>();

  constructor(
    answers: readonly Answer[],
    /** What people type mapped to the words the answers use (`knowledge/synonyms.yaml`). */
    readonly rewrites: Readonly<Record<string, string>> = {},
    /** How each cited source file is named to a reader (`knowledge/sources.yaml`). */
    readonly sources: Readonly<Record<string, SourceInfo>> = {},
    /** Subjects it does not answer (`knowledge/out-of-scope.yaml`). */
    readonly outOfScope: readonly OutOfScopeTopic[] = [],
  ) {
    for (const a of answers) {
      if (a.variantOf) {
        const list = this.variants.get(a.variantOf) ?? [];
        list.push(a);
        this.variants.set(a.variantOf, list);
      } else {
        this.byId.set(a.id, a);
      }
    }
  }

  /** Loads and validates a knowledge folder; throws KnowledgeError naming every problem. */
  static fromFolder(knowledgeDir: string): KnowledgeBase {
    const { answers, rewrites, sources, outOfScope, problems } = new KnowledgeLoader(knowledgeDir).load();
    if (problems.length > 0) {
      throw new KnowledgeError(
        `The knowledge base in ${knowledgeDir} has ${problems.length} problem(s):\n` + problems.map(formatProblem).join('\n'),
      );
    }
    return new KnowledgeBase(answers, rewrites, sources, outOfScope);
  }

  /** The answers matching ranks: every base answer (local variants replace them by area). */
  get answers(): Answer[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Answer | undefined {
    return this.byId.get(id);
  }

  /** The answer to show for `id` in `area`: that area's variant if there is one, else the general answer. */
  forArea(id: string, area?: string): Answer | undefined {
    if (area) {
      const wanted = area.toLowerCase();
      const variant = this.variants.get(id)?.find((v) => v.area?.toLowerCase() === wanted);
      if (variant) return variant;
    }
    return this.byId.get(id);
  }

  /** "Publisher, Title" for a cited source file. */
  sourceLabel(file: string): string {
    const s = this.sources[file];
    return s ? `${s.publisher}, "${s.title}"` : file;
  }

  /** Every answer, local variants included. */
  get all(): Answer[] {
    return [...this.byId.values(), ...[...this.variants.values()].flat()];
  }

  /** The phrasings people use for `id`: its own and its local variants' ("what is sen support in trafford"). */
  phrasingsOf(id: string): string[] {
    const own = this.byId.get(id)?.questions ?? [];
    const local = (this.variants.get(id) ?? []).flatMap((v) => v.questions);
    return [...new Set([...own, ...local])];
  }

  /** Areas that have their own version of `id`. */
  variantAreas(id: string): string[] {
    return (this.variants.get(id) ?? []).map((v) => v.area as string);
  }
}
