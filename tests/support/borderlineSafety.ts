import type { SafetyAssessment, SafetyCheck } from '../../src/safety/SafetyAssessment';

/** A question the tests treat as one the sentence model alone found urgent (a borderline false alarm). */
export const BORDERLINE = 'how long do I have to appeal to the SEND tribunal? I really cannot miss it';
/** One the tests treat as the sentence model alone hearing danger from another person. */
export const BORDERLINE_DANGER = 'his dad keeps turning up at the school gates, can the school stop him collecting our son';

/**
 * The real safety check, except that BORDERLINE is found urgent by the semantic layer: tests of
 * what follows such a finding then do not hang on the model's borderline scores.
 */
export class OneBorderlineMessage implements SafetyCheck {
  constructor(private readonly real: SafetyCheck) {}
  assess(text: string): Promise<SafetyAssessment> {
    if (text === BORDERLINE) return Promise.resolve({ outcome: 'urgent', kind: 'suicidal', layer: 'semantic', reason: 'semantic:suicidal:0.97' });
    if (text === BORDERLINE_DANGER) return Promise.resolve({ outcome: 'urgent', kind: 'danger-from-other', layer: 'semantic', reason: 'semantic:danger-from-other:0.96' });
    return this.real.assess(text);
  }
}
