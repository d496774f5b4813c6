import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { AnalyticsStore } from '../analytics/AnalyticsStore';
import { buildOfficerReport, renderOfficerReport } from '../analytics/officerReport';
import type { AnswerRanker } from '../analytics/Report';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Embedder } from '../matching/Embedder';
import { bearerMatches } from './officerRoutes';

/** Where the officers' report is served. */
export const OFFICER_REPORT_PATH = '/officers/report';

export interface ReportRouteDeps {
  store: AnalyticsStore;
  kb: KnowledgeBase;
  matcher?: AnswerRanker;
  embedder?: Embedder;
  /** OFFICER_API_KEY; unset: the page says it is not configured (503). */
  apiKey?: string;
  logQuestions: boolean;
}

const KEY_FORM = (message: string) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>SEN support assistant: officers' report</title>
<style>body{font-family:system-ui,Arial,sans-serif;margin:0;padding:1rem;color:#0b0c0c;max-width:40rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{font-size:1rem;padding:.5rem;width:100%;max-width:24rem;border:2px solid #0b0c0c;box-sizing:border-box}button{margin-top:1rem;font-size:1rem;padding:.6rem 1.2rem;background:#00703c;color:#fff;border:0}
input:focus,button:focus{outline:3px solid #fd0;outline-offset:0}.error{color:#d4351c;font-weight:600}</style></head>
<body><main><h1>Officers' report</h1>${message ? `<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="/officers/report"><label for="key">Officers' key</label>
<input id="key" name="key" type="password" autocomplete="current-password" required>
<button type="submit">Show the report</button></form></main></body></html>`;

function sendHtml(res: restify.Response, status: number, html: string, csp: string): void {
  res.status(status);
  res.header('Content-Type', 'text/html; charset=utf-8');
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('Content-Security-Policy', csp);
  res.end(html);
}

const FORM_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The officers' report in a browser, behind OFFICER_API_KEY:
 *   GET  /officers/report   with "Authorization: Bearer <key>": the report; without: a form asking for the key
 *   POST /officers/report   the form (key=…): the report, or the form again saying the key was wrong
 * The key is never put in a URL or a cookie; the page is never cached. Its scripts (Chart.js and the
 * drawing code, inlined) run under a per-response nonce.
 */
export function registerReportRoutes(server: restify.Server, deps: ReportRouteDeps): void {
  const report = async (res: restify.Response) => {
    const nonce = randomBytes(16).toString('base64');
    const data = await buildOfficerReport({ store: deps.store, kb: deps.kb, ranker: deps.matcher, embedder: deps.embedder });
    const { html } = renderOfficerReport(data, { nonce, keepsQuestions: deps.logQuestions });
    sendHtml(res, 200, html, `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  };
  const notConfigured = (res: restify.Response) => sendHtml(res, 503, KEY_FORM("The officers' report is not configured: set OFFICER_API_KEY on the server."), FORM_CSP);

  server.get(OFFICER_REPORT_PATH, async (req: restify.Request, res: restify.Response) => {
    if (!deps.apiKey) return notConfigured(res);
    const header = req.header('authorization') || undefined;
    if (header && bearerMatches(header, deps.apiKey)) return report(res);
    sendHtml(res, header ? 401 : 200, KEY_FORM(header ? 'That key is not right.' : ''), FORM_CSP);
  });

  server.post(OFFICER_REPORT_PATH, async (req: restify.Request, res: restify.Response) => {
    if (!deps.apiKey) return notConfigured(res);
    // The form arrives url-encoded and unparsed (only JSON bodies are parsed server-wide).
    const body = req.body as unknown;
    const key = typeof body === 'string' ? (new URLSearchParams(body).get('key') ?? '') : body && typeof body === 'object' && typeof (body as { key?: unknown }).key === 'string' ? (body as { key: string }).key : '';
    if (key && bearerMatches(`Bearer ${key}`, deps.apiKey)) return report(res);
    sendHtml(res, 401, KEY_FORM(key ? 'That key is not right. Please try again.' : 'Please enter the officers\' key.'), FORM_CSP);
  });
}
