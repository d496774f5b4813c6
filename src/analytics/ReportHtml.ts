import fs from 'node:fs';
import path from 'node:path';
import type { ReportData } from './Report';
import { LOW_CONFIDENCE } from './Report';
import { TURN_OUTCOMES, type TurnOutcome } from './TurnRecord';

/** Chart.js's own UMD bundle from node_modules (pinned in package.json): inlined, never from a CDN. */
function chartJs(): string {
  const main = require.resolve('chart.js');
  return fs.readFileSync(path.join(path.dirname(main), 'chart.umd.min.js'), 'utf8');
}

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const LABEL: Record<TurnOutcome, string> = { answer: 'Answered', clarify: 'Did you mean', none: "Didn't know", urgent: 'Urgent help', support: 'Safeguarding', 'hand-off': 'Hand-off to SENDIASS' };
/** Colours with at least 3:1 contrast on white (WCAG 1.4.11); the tables carry every number as text. */
const COLOUR: Record<TurnOutcome, string> = { answer: '#00703c', clarify: '#1d70b8', none: '#d4351c', urgent: '#6f2c91', support: '#942514', 'hand-off': '#505a5f' };

function table(caption: string, head: string[], rows: Array<Array<string | number>>, id: string): string {
  if (rows.length === 0) return `<p id="${id}">None in this period.</p>`;
  return `<div class="scroll"><table id="${id}"><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

/**
 * The report as one self-contained HTML page, readable on a phone: headings, tables holding
 * every figure as text, and charts (Chart.js, inlined) beside them. `nonce` lets a server's CSP
 * allow its two inline scripts and its style.
 */
export function reportHtml(r: ReportData, options: { nonce?: string; keepsQuestions: boolean }): string {
  const n = options.nonce ? ` nonce="${esc(options.nonce)}"` : '';
  const chartData = {
    overTime: {
      labels: r.overTime.rows.map((p) => p.start),
      datasets: TURN_OUTCOMES.filter((o) => r.outcomeTotals[o] > 0).map((o) => ({ label: LABEL[o], data: r.overTime.rows.map((p) => p.counts[o]), backgroundColor: COLOUR[o] })),
    },
    topics: { labels: r.topTopics.map((t) => t.title), datasets: [{ label: 'Times shown', data: r.topTopics.map((t) => t.count), backgroundColor: '#1d70b8' }] },
    helpful: {
      labels: r.helpfulness.map((h) => h.title),
      datasets: [
        { label: 'Not helpful', data: r.helpfulness.map((h) => h.notHelpful), backgroundColor: '#d4351c' },
        { label: 'Helpful', data: r.helpfulness.map((h) => h.helpful), backgroundColor: '#00703c' },
      ],
    },
    handoffs: { labels: r.handoffsByArea.map((h) => h.area), datasets: [{ label: 'Hand-offs', data: r.handoffsByArea.map((h) => h.count), backgroundColor: '#505a5f' }] },
  };
  const canvas = (id: string, label: string, rows: number) =>
    rows === 0 ? '' : `<div class="chart" data-height="${Math.max(180, rows * 34 + 60)}"><canvas id="${id}" role="img" aria-label="${esc(label)} (the table below gives the same figures)"></canvas></div>`;
  const u = r.unanswered;
  const groupRows = u.groups.map((g) => [
    g.representative,
    g.count,
    `${g.none} / ${g.low}`,
    g.likely ? `${g.likely.title} (${g.likely.id}, ${g.likely.score.toFixed(2)})` : 'none found',
    g.members.slice(0, 4).map((m) => (m.count > 1 ? `${m.text} (×${m.count})` : m.text)).join(' · '),
  ]);
  const noText = !options.keepsQuestions && u.withText === 0 && u.none + u.low > 0;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>SEN support assistant: report</title>
<style${n}>
  body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0; color: #0b0c0c; background: #fff; line-height: 1.45; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; margin: 0.5rem 0; } h2 { font-size: 1.2rem; margin-top: 2rem; border-top: 2px solid #b1b4b6; padding-top: 1rem; }
  .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; padding: 0; list-style: none; }
  .summary li { border: 1px solid #b1b4b6; padding: 0.5rem; } .summary strong { display: block; font-size: 1.4rem; }
  .scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem; text-align: left; vertical-align: top; } td { min-width: 6.5rem; overflow-wrap: break-word; } th[scope="row"] { min-width: 10rem; }
  .chart { position: relative; width: 100%; margin: 0.5rem 0 1rem; }
  .note { background: #f3f2f1; padding: 0.75rem; border-left: 4px solid #1d70b8; }
</style>
</head>
<body>
<main>
<h1>SEN support assistant: what people asked</h1>
<p>${r.from ? `Turns from ${esc(r.from)} to ${esc(r.to as string)}` : 'No turns recorded yet'}. Made ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC. Records hold no names or messages${options.keepsQuestions ? '; questions are kept with personal details taken out' : ''}.</p>
<ul class="summary" aria-label="Totals">
  <li><strong id="total-turns">${r.turns}</strong>turns</li>
  ${TURN_OUTCOMES.map((o) => `<li><strong id="total-${o}">${r.outcomeTotals[o]}</strong>${esc(LABEL[o])}</li>`).join('\n  ')}
</ul>

<h2 id="over-time">Outcomes by ${r.overTime.period}</h2>
${canvas('chart-over-time', `Outcomes by ${r.overTime.period}`, Math.min(8, r.overTime.rows.length))}
${table(`Outcomes by ${r.overTime.period}`, [r.overTime.period === 'day' ? 'Day' : 'Week from', ...TURN_OUTCOMES.map((o) => LABEL[o])], r.overTime.rows.map((p) => [p.start, ...TURN_OUTCOMES.map((o) => p.counts[o])]), 'table-over-time')}

<h2 id="topics">Top topics</h2>
${canvas('chart-topics', 'Answers shown most', r.topTopics.length)}
${table('Answers shown most', ['Answer', 'Id', 'Times shown'], r.topTopics.map((t) => [t.title, t.id, t.count]), 'table-topics')}

<h2 id="helpful">"Was this helpful?" by topic</h2>
${canvas('chart-helpful', 'Helpful and not helpful by answer', r.helpfulness.length)}
${table('Not helpful first', ['Answer', 'Not helpful', 'Helpful', 'Share not helpful'], r.helpfulness.map((h) => [h.title, h.notHelpful, h.helpful, `${Math.round((100 * h.notHelpful) / (h.helpful + h.notHelpful))}%`]), 'table-helpful')}

<h2 id="clarify">"Did you mean" choices</h2>
${table('What people picked when offered a choice', ['Offered', 'Shown', 'Picked', 'None of these', 'No pick'], r.clarify.map((c) => [c.candidates.map((x) => x.title).join(' / '), c.shown, c.candidates.map((x) => `${x.title}: ${x.picked}`).join('; '), c.none, c.noPick]), 'table-clarify')}

<h2 id="unanswered">Questions it could not answer well</h2>
<p><strong id="count-none">${u.none}</strong> got "I don't know"; <strong id="count-low">${u.low}</strong> were answered with confidence below ${LOW_CONFIDENCE}. Grouped ${u.method === 'semantic' ? 'by meaning (sentence embeddings)' : 'by the words they share'}; each group shows the answer its questions most likely belonged to. <code>npm run kb:suggest</code> turns these into phrasings to review.</p>
${noText ? '<p class="note">Question text is not kept (LOG_QUESTIONS is off), so these cannot be grouped or shown.</p>' : table('Groups of similar questions, largest first', ['Question (typical)', 'Times asked', "Didn't know / low confidence", 'Most likely answer', 'Examples'], groupRows, 'table-unanswered')}

<h2 id="handoffs">Hand-offs to SENDIASS by area</h2>
${canvas('chart-handoffs', 'Hand-offs by area', r.handoffsByArea.length)}
${table('Contact details shown, by the council area given', ['Area', 'Hand-offs'], r.handoffsByArea.map((h) => [h.area, h.count]), 'table-handoffs')}
</main>
<script${n}>${chartJs()}</script>
<script${n}>
(function () {
  var data = ${JSON.stringify(chartData).replace(/</g, '\\u003c')};
  if (!window.Chart) return;
  Chart.defaults.font.size = 13; Chart.defaults.color = '#0b0c0c'; Chart.defaults.animation = false;
  function draw(id, d, opts) { var el = document.getElementById(id); if (!el) return; el.parentNode.style.height = el.parentNode.getAttribute('data-height') + 'px'; new Chart(el, { type: 'bar', data: d, options: Object.assign({ responsive: true, maintainAspectRatio: false }, opts) }); }
  draw('chart-over-time', data.overTime, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } });
  var horizontal = { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false, callback: function (v) { var l = this.getLabelForValue(v); var max = window.innerWidth < 600 ? 18 : 40; return l.length > max ? l.slice(0, max - 1) + '…' : l; } } } } };
  draw('chart-topics', data.topics, Object.assign({ plugins: { legend: { display: false } } }, horizontal));
  draw('chart-helpful', data.helpful, { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true, ticks: horizontal.scales.y.ticks } } });
  draw('chart-handoffs', data.handoffs, Object.assign({ plugins: { legend: { display: false } } }, horizontal));
  document.documentElement.setAttribute('data-charts', 'drawn');
})();
</script>
</body>
</html>
`;
}
