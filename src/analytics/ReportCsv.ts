import { stringify } from 'csv-stringify/sync';
import type { ReportData } from './Report';
import { TURN_OUTCOMES } from './TurnRecord';

/**
 * The report's figures as one CSV table: section, item, detail, value. Each HTML table's numbers
 * are here too, for a spreadsheet.
 */
export function reportCsv(r: ReportData): string {
  const rows: Array<[string, string, string, string | number]> = [];
  rows.push(['summary', 'turns', r.from && r.to ? `${r.from} to ${r.to}` : '', r.turns]);
  for (const o of TURN_OUTCOMES) rows.push(['outcomes', o, 'total', r.outcomeTotals[o]]);
  for (const p of r.overTime.rows) for (const o of TURN_OUTCOMES) rows.push([`outcomes by ${r.overTime.period}`, p.start, o, p.counts[o]]);
  for (const t of r.topTopics) rows.push(['top topics', t.id, t.title, t.count]);
  for (const h of r.helpfulness) {
    rows.push(['helpful by topic', h.id, 'helpful', h.helpful]);
    rows.push(['helpful by topic', h.id, 'not helpful', h.notHelpful]);
  }
  for (const c of r.clarify) {
    const set = c.candidates.map((x) => x.id).join(' | ');
    rows.push(['clarify choices', set, 'shown', c.shown]);
    for (const x of c.candidates) rows.push(['clarify choices', set, `picked ${x.id}`, x.picked]);
    rows.push(['clarify choices', set, 'none of these', c.none]);
    rows.push(['clarify choices', set, 'no pick', c.noPick]);
  }
  rows.push(['unanswered', 'none', 'abstentions', r.unanswered.none]);
  rows.push(['unanswered', 'low confidence', 'answered below confidence 0.5', r.unanswered.low]);
  for (const g of r.unanswered.groups) {
    rows.push(['unanswered groups', g.id, g.representative, g.count]);
    if (g.likely) rows.push(['unanswered groups', g.id, `likely answer ${g.likely.id}`, g.likely.score]);
  }
  for (const h of r.handoffsByArea) rows.push(['hand-offs by area', h.area, '', h.count]);
  return stringify(rows, { header: true, columns: ['section', 'item', 'detail', 'value'] });
}
