import type { SourceRef } from './Answer';

/**
 * The blocks of advice each guided conversation needs, by guide id (the file name in
 * `knowledge/guides/`, less `.yaml`). The loader refuses a guide file that lacks one of its
 * blocks or has one not listed here, so the dialogs can rely on every key.
 */
export const GUIDE_BLOCKS = {
  'sen-support': [
    'stage-early-years',
    'stage-primary',
    'stage-secondary',
    'stage-post-16',
    'need-areas',
    'next-ask-for-support',
    'next-review-the-plan',
    'next-young-person',
    'next-school-staff',
    'next-professional',
    'young-person-rights',
    'meeting-checklist',
    'meeting-checklist-staff',
  ],
  diagnosis: [
    'based-on-need',
    'told-diagnosis-first',
    'no-paying',
    'routes-general',
    'routes-lancashire',
    'routes-buckinghamshire',
    'right-to-choose',
    'while-waiting',
    'private-diagnosis',
    'ehc-does-not-speed-up',
    'share-results',
  ],
  'ehc-assessment-check': [
    'outcome-start-with-sen-support',
    'outcome-keep-reviewing',
    'outcome-consider-request',
    'support-is-young',
    'support-is-working',
    'you-can-ask-yourself',
    'who-can-request',
    'decision-in-6-weeks',
    'possible-outcomes',
    'no-promise',
    'gap-no-plan',
    'gap-no-specialist',
    'sign-part-time',
    'sign-excluded',
    'sign-no-progress-despite-help',
    'sign-cannot-keep-up',
    'sign-moving',
    'keep-evidence',
    'evidence-plans',
    'evidence-hours',
    'evidence-progress',
    'evidence-specialist',
    'evidence-incidents',
    'evidence-views',
    'sendiass',
    'high-needs',
    'ask-how-long',
    'ask-for-sen-support-too',
  ],
} as const;

export type GuideId = keyof typeof GUIDE_BLOCKS;
export type GuideBlockKey<G extends GuideId> = (typeof GUIDE_BLOCKS)[G][number];

export function isGuideId(id: string): id is GuideId {
  return Object.prototype.hasOwnProperty.call(GUIDE_BLOCKS, id);
}

/** One piece of a guide's advice, grounded like an answer. */
export interface GuideBlock {
  /** A heading, where the block is shown as a section of its own. */
  title?: string;
  /** The advice (Markdown: short paragraphs and lists). */
  text: string;
  /** For a fact that belongs to one area: the local authority, as in local-authorities.csv. The text names it. */
  area?: string;
  sources: SourceRef[];
}

/** One guide's wording, as read from `knowledge/guides/<id>.yaml`. */
export interface Guide {
  id: GuideId;
  title: string;
  blocks: Record<string, GuideBlock>;
  /** Path of the file it came from, relative to the knowledge folder. */
  file: string;
}
