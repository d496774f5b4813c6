import { formatProblem } from './Answer';
import type { Guide, GuideBlock, GuideBlockKey, GuideId } from './Guide';
import { GuideLoader } from './GuideLoader';
import { KnowledgeError } from './KnowledgeBase';

/**
 * The wording of the guided conversations, by guide and block: what the dialogs say, each
 * block grounded in the sources. Plain TypeScript: no Bot Framework here.
 */
export class GuideContent {
  private readonly byId = new Map<GuideId, Guide>();

  constructor(guides: readonly Guide[]) {
    for (const g of guides) this.byId.set(g.id, g);
  }

  /** Loads and validates `knowledge/guides`; throws KnowledgeError naming every problem. */
  static fromFolder(knowledgeDir: string): GuideContent {
    const { guides, problems } = new GuideLoader(knowledgeDir).load();
    if (problems.length > 0) {
      throw new KnowledgeError(`The guides in ${knowledgeDir} have ${problems.length} problem(s):\n` + problems.map(formatProblem).join('\n'));
    }
    return new GuideContent(guides);
  }

  guide(id: GuideId): Guide {
    const g = this.byId.get(id);
    if (!g) throw new KnowledgeError(`no wording for guide "${id}"`);
    return g;
  }

  title(id: GuideId): string {
    return this.guide(id).title;
  }

  block<G extends GuideId>(id: G, key: GuideBlockKey<G>): GuideBlock {
    const b = this.guide(id).blocks[key];
    if (!b) throw new KnowledgeError(`guide "${id}" has no block "${key}"`);
    return b;
  }
}
