import path from 'node:path';
import { DigestMemo } from '../matching/DigestMemo';
import type { Embedder } from '../matching/Embedder';
import { VectorCache } from '../matching/VectorCache';
import type { SafetyAssessment, SafetyCheck } from './SafetyAssessment';
import { NO_RISK } from './SafetyAssessment';
import { LexicalSafetyLayer, isSelfDisclosure } from './LexicalSafetyLayer';
import { SemanticSafetyLayer, readSafetyModel } from './SemanticSafetyLayer';
import { loadSafetyExemplars } from './SafetyExemplars';

/** "Urgent help", "urgent", "help now", "emergency": the person asks for the urgent card itself. */
export const URGENT_HELP_REQUEST = /^\s*(?:urgent(?: help)?(?: now)?|i need urgent help|get urgent help|help now|emergency|crisis(?: help)?|sos|999)\s*[.!]*\s*$/i;

/** The fitted model and thresholds, versioned beside the exemplars they were fitted on (npm run safety:fit writes it). */
export const MODEL_FILE = path.join('safety', 'safety-model.json');

/** Messages whose finding is kept by default (a finding is a few short strings and numbers). */
export const FINDINGS_KEPT = 512;

export interface SafetyDetectorOptions {
  lexical?: LexicalSafetyLayer;
  /** The semantic layer; without it the detector runs on words alone and leans urgent. */
  semantic?: SemanticSafetyLayer;
  /** Recent messages' findings kept, by a digest of the text (0: none; see assess). */
  memoEntries?: number;
}

/**
 * The safety check that runs first on every message, in every state of every dialog. Two layers:
 * a high-precision lexical layer (phrases of risk, with negation, time and idioms handled) and
 * a semantic layer (nearest exemplars over sentence vectors) that hears risk in words the
 * phrases do not know. The more serious outcome wins, with two exceptions in the person's
 * favour and against false alarms:
 *
 * - a risk the words explicitly deny or put in the past ("not suicidal", "two years ago, fine
 *   since") is not made urgent by the semantic layer alone: it gets the contacts (support);
 * - without the semantic layer (the model cannot load), a subject word of risk with nothing to
 *   say it is past or denied is urgent, not support: when unsure, urgent.
 */
export class SafetyDetector implements SafetyCheck {
  private readonly lexical: LexicalSafetyLayer;
  private readonly semantic?: SemanticSafetyLayer;
  private readonly findings: DigestMemo<SafetyAssessment>;

  constructor(options: SafetyDetectorOptions = {}) {
    this.lexical = options.lexical ?? new LexicalSafetyLayer();
    this.semantic = options.semantic;
    this.findings = new DigestMemo<SafetyAssessment>(options.memoEntries ?? FINDINGS_KEPT);
  }

  get hasSemanticLayer(): boolean {
    return !!this.semantic;
  }

  /**
   * Builds the detector with both layers over `embedder`; the exemplars' vectors are cached in
   * `cacheDir`. If the embedder or the exemplars cannot be used, returns the lexical layer
   * alone and says why in `warning` (the caller logs it).
   */
  static async create(knowledgeDir: string, embedder: Embedder | undefined, cacheDir?: string, memoEntries?: number): Promise<{ detector: SafetyDetector; warning?: string }> {
    if (!embedder) return { detector: new SafetyDetector(), warning: 'no sentence embedder: the safety check runs on its lexical layer alone' };
    try {
      const { exemplars, problems } = loadSafetyExemplars(knowledgeDir);
      if (problems.length) throw new Error(`${problems.length} problem(s) in the safety exemplars (run npm run kb:check)`);
      const fitted = readSafetyModel(path.join(knowledgeDir, MODEL_FILE));
      if (!fitted) throw new Error(`${path.basename(MODEL_FILE)} is missing or unreadable (run npm run safety:fit -- --write)`);
      const cache = cacheDir ? new VectorCache(cacheDir, embedder) : undefined;
      const { layer, stale } = await SemanticSafetyLayer.create(embedder, exemplars, fitted, cache);
      const warning = stale ? 'the safety exemplars changed since the model was fitted: trained again at start-up with the fitted thresholds (run npm run safety:fit -- --write)' : undefined;
      return { detector: new SafetyDetector({ semantic: layer, memoEntries }), warning };
    } catch (err) {
      return { detector: new SafetyDetector(), warning: `the safety check's semantic layer could not start (${(err as Error).message}); the lexical layer runs alone` };
    }
  }

  /**
   * With both layers, the finding is a pure function of the text (the phrases, the exemplars and
   * the model do not change while the server runs), so a message sent again (a common question,
   * a button's words) is given the finding it got before, as a copy, without either layer
   * reading it again. Kept by a digest of the text, never the text. A finding made while the
   * model failed is not kept: the next time, both layers read the message.
   */
  async assess(text: string): Promise<SafetyAssessment> {
    if (!text || !text.trim()) return NO_RISK;
    if (URGENT_HELP_REQUEST.test(text)) return { outcome: 'urgent', kind: 'asked', layer: 'command', reason: 'asked' };
    const semantic = this.semantic;
    if (!semantic) return this.fromWords(text);
    try {
      return { ...(await this.findings.get(DigestMemo.key(text), () => this.fromBoth(text, semantic))) };
    } catch {
      // The model failed on this message: the words decide, leaning urgent.
      return this.fromWords(text);
    }
  }

  private async fromBoth(text: string, semantic: SemanticSafetyLayer): Promise<SafetyAssessment> {
    const lex = this.lexical.assess(text);
    if (lex.outcome === 'urgent') {
      const { findings: _f, ...lexical } = lex;
      return lexical;
    }
    return combine(lex, await semantic.assess(text), text);
  }

  /** Words alone: a subject word of risk that nothing puts in the past or denies leans urgent. */
  private fromWords(text: string): SafetyAssessment {
    const { findings: _f, ...lexical } = this.lexical.assess(text);
    if (lexical.outcome === 'support' && lexical.reason === 'topic' && lexical.kind !== 'bereaved-by-suicide') {
      const kind = lexical.kind === 'abuse-topic' ? 'abuse-disclosure' : lexical.kind === 'self-harm-topic' ? 'self-harm' : 'suicidal';
      return { outcome: 'urgent', kind, layer: 'lexical', reason: 'topic-without-semantic', selfDisclosure: kind === 'abuse-disclosure' ? isSelfDisclosure(text) : undefined };
    }
    return lexical;
  }
}

/**
 * The two layers' findings as one outcome (lexical urgent has already won): a semantic urgent
 * stands unless the words deny the risk or put it in the past, which makes it support; otherwise
 * the more serious of the two.
 */
export function combine(lex: ReturnType<LexicalSafetyLayer['assess']>, semantic: SafetyAssessment, text: string): SafetyAssessment {
  const { findings, ...lexical } = lex;
  if (lexical.outcome === 'urgent') return lexical;
  if (semantic.outcome === 'urgent') {
    // The words say the risk is denied, over, managed, or asked about in general: support, not urgent.
    const deniedOrPast = (findings.length > 0 && findings.every((f) => f.denied || f.past)) || (lexical.outcome === 'support' && lexical.reason !== 'topic');
    if (deniedOrPast) return { ...lexical, outcome: 'support' };
    return { ...semantic, selfDisclosure: semantic.kind === 'abuse-disclosure' ? isSelfDisclosure(text) : undefined };
  }
  if (lexical.outcome === 'support') return lexical;
  return semantic;
}
