import type { KnowledgeProblem } from './Answer';
import type { Guide } from './Guide';
import { areaProblem, contactReference, groundingProblems, sourceRefProblems, wordCount, type GroundingInputs } from './KnowledgeChecker';

/** A block is one step of advice read on a phone: it stays short. */
export const MAX_BLOCK_WORDS = 120;

export interface GuideCheckInputs extends GroundingInputs {
  guides: readonly Guide[];
  /** Source files named in `knowledge/sources.yaml`; a cited file must be one of them. Empty to skip. */
  listedSources?: readonly string[];
}

/**
 * The checks the schema cannot make on the guides' wording, the same as for answers: each
 * block's quotes appear word for word in their source (KnowledgeChecker's own check), no
 * phone number, email or web address the sources do not give, blocks short enough to read on
 * a phone, and a local fact names its area ("In Buckinghamshire, …").
 */
export class GuideChecker {
  constructor(private readonly inputs: GuideCheckInputs) {}

  check(): KnowledgeProblem[] {
    const { guides, areaNames, listedSources, sources } = this.inputs;
    const problems: KnowledgeProblem[] = [];
    const reference = contactReference(this.inputs);
    const seen = new Map<string, string>();

    for (const g of guides) {
      const first = seen.get(g.id);
      if (first) problems.push({ file: g.file, field: 'id', message: `"${g.id}" is also the id of ${first}` });
      seen.set(g.id, g.file);

      for (const [key, block] of Object.entries(g.blocks)) {
        const at = (field: string, message: string) => problems.push({ file: g.file, field: `blocks.${key}.${field}`, message });
        for (const p of sourceRefProblems(block.sources, sources)) at(p.field, p.message);
        if (listedSources && listedSources.length > 0) {
          block.sources.forEach((s, i) => {
            if (!listedSources.includes(s.file)) at(`sources[${i}].file`, `"${s.file}" is not listed in sources.yaml`);
          });
        }
        for (const message of groundingProblems(block.text, block.sources, this.inputs, reference)) at('text', message);
        const words = wordCount(block.text);
        if (words > MAX_BLOCK_WORDS) at('text', `has ${words} words; at most ${MAX_BLOCK_WORDS}`);
        if (block.area !== undefined) {
          const wrongArea = areaProblem(block.area, areaNames);
          if (wrongArea) at('area', wrongArea);
          if (!block.text.toLowerCase().includes(block.area.toLowerCase())) at('text', `a local fact must say whose it is: name "${block.area}" in the text`);
        }
      }
    }
    return problems;
  }
}
