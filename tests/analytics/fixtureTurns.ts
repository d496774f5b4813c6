import type { TurnRecord } from '../../src/analytics/TurnRecord';

let n = 0;
const t = (at: string, over: Partial<TurnRecord>): TurnRecord => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, at, channel: 'webchat', outcome: 'answer', ...over });

/**
 * Recorded turns over two days, as the store would hold them with LOG_QUESTIONS=true. The report
 * test and the browser test check the figures below against them.
 *   20 Nov: 5 × what-is-sen-support (helpful: yes, yes, no), 2 × senco (no), 3 clarify on the same pair
 *           (picked annual-review, none, no pick), 1 urgent, 2 hand-offs (Trafford, Trafford)
 *   21 Nov: 1 × senco (yes), 6 none (3 about being sent home at lunchtime, 3 about a school ignoring the
 *           plan), 1 low-confidence answer (section F not delivered), 1 support, 2 hand-offs (Leeds, area
 *           not given), 1 answer in Teams
 * The questions are ones today's matcher really abstains on (or answers below 0.5).
 */
export function fixtureTurns(): TurnRecord[] {
  n = 0;
  const d1 = (h: number) => `2026-11-20T${String(h).padStart(2, '0')}:00:00.000Z`;
  const d2 = (h: number) => `2026-11-21T${String(h).padStart(2, '0')}:00:00.000Z`;
  return [
    t(d1(9), { answerId: 'what-is-sen-support', confidence: 0.91, helpful: true }),
    t(d1(9), { answerId: 'what-is-sen-support', confidence: 0.88, helpful: true }),
    t(d1(10), { answerId: 'what-is-sen-support', confidence: 0.93, helpful: false }),
    t(d1(10), { answerId: 'what-is-sen-support', confidence: 0.75 }),
    t(d1(11), { answerId: 'what-is-sen-support', confidence: 0.8 }),
    t(d1(11), { answerId: 'senco', confidence: 0.97, helpful: false }),
    t(d1(12), { answerId: 'senco', confidence: 0.95, helpful: false }),
    t(d1(12), { outcome: 'clarify', confidence: 0.5, candidates: ['annual-review', 'meetings-and-reviews'], picked: 'annual-review' }),
    t(d1(13), { outcome: 'clarify', confidence: 0.48, candidates: ['annual-review', 'meetings-and-reviews'], picked: 'none' }),
    t(d1(13), { outcome: 'clarify', confidence: 0.47, candidates: ['annual-review', 'meetings-and-reviews'] }),
    t(d1(14), { outcome: 'urgent' }),
    t(d1(15), { outcome: 'hand-off', area: 'Trafford' }),
    t(d1(16), { outcome: 'hand-off', area: 'Trafford' }),
    t(d2(9), { answerId: 'senco', confidence: 0.9, helpful: true }),
    t(d2(9), { outcome: 'none', confidence: 0.3, question: 'sent home every lunchtime' }),
    t(d2(10), { outcome: 'none', confidence: 0.3, question: 'sent home every lunchtime' }),
    t(d2(10), { outcome: 'none', confidence: 0.3, question: 'he is sent home every lunchtime' }),
    t(d2(11), { outcome: 'none', confidence: 0.25, question: 'school ignores the plan' }),
    t(d2(11), { outcome: 'none', confidence: 0.25, question: 'the school just ignores his plan' }),
    t(d2(12), { outcome: 'none', confidence: 0.25, question: 'school ignoring the plan again' }),
    t(d2(12), { answerId: 'ehc-plan-school-placement', confidence: 0.35, question: 'provision in section f not delivered' }),
    t(d2(13), { outcome: 'support' }),
    t(d2(14), { outcome: 'hand-off', area: 'Leeds' }),
    t(d2(15), { outcome: 'hand-off' }),
    t(d2(16), { channel: 'msteams', answerId: 'what-is-sen-support', confidence: 0.99 }),
  ];
}
