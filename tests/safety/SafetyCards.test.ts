import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { AnswerService } from '../../src/matching/AnswerService';
import { AnswerCards } from '../../src/bot/AnswerCards';
import { SafetyDetector } from '../../src/safety/SafetyDetector';
import { supportContactsActivity, withTelLinks } from '../../src/bot/SafetyCards';
import { CRISIS_CONTACTS, SAFEGUARDING_CONTACTS } from '../../src/safety/crisisContacts';
import { SAFETY_LINE } from '../../src/safety/SafetyAssessment';
import { SHARED_DIR } from '../../src/knowledge/paths';
import { adaptiveCard } from '../support/activityText';

const kb = KnowledgeBase.fromFolder(path.resolve(__dirname, '../../knowledge'));
const answers = new AnswerService(kb, new AnswerMatcher(kb), new SafetyDetector());
const cards = new AnswerCards(answers);
const sources = fs.readdirSync(path.join(SHARED_DIR, 'sources')).map((f) => fs.readFileSync(path.join(SHARED_DIR, 'sources', f), 'utf8')).join('\n');

type El = Record<string, unknown>;
function elements(card: El): El[] {
  const out: El[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    out.push(n as El);
    for (const k of ['body', 'items', 'actions', 'columns']) if (k in (n as El)) walk((n as El)[k]);
  };
  walk(card.body);
  return out;
}

describe('The urgent card and the crisis contacts', () => {
  for (const id of ['urgent-help', 'worried-about-a-child', 'someone-is-hurting-me', 'medical-emergency']) {
    describe(id, () => {
      const answer = kb.get(id);
      it('exists in the knowledge base', () => expect(answer).to.not.equal(undefined));
      if (!answer) return;
      const activity = cards.urgent(answer, 'webchat');
      const card = adaptiveCard(activity) as El;
      const els = elements(card);

      it('is shown once: one card, no text beside it (Web Chat showed both)', () => {
        expect(activity.attachments).to.have.length(1);
        expect(activity.text ?? '').to.equal('');
      });

      it('puts 999 first, with a "Call 999" button straight under it', () => {
        const texts = els.filter((e) => e.type === 'TextBlock').map((e) => e.text as string);
        expect(texts[1]).to.match(/\[999\]\(tel:999\)/);
        const firstActionSet = els.find((e) => e.type === 'ActionSet') as El;
        expect(els.indexOf(firstActionSet), "the first thing after the 999 line").to.equal(2);
        expect((firstActionSet.actions as El[])[0]).to.include({ type: 'Action.OpenUrl', title: 'Call 999', url: 'tel:999' });
      });

      it('makes every phone number a tap-to-call tel: link', () => {
        for (const t of els.filter((e) => e.type === 'TextBlock').map((e) => e.text as string)) {
          const bare = t.replace(/\[[^\]]+\]\(tel:\d+\)/g, '');
          expect(bare, t).to.not.match(/\b(999|111|101|116 123|0\d{3} \d{3} \d{4}|0\d{3} \d{4})\b/);
        }
      });

      it('is short: 999 comes in the first two text lines, and the card is under 200 words', () => {
        const words = els.filter((e) => e.type === 'TextBlock').map((e) => e.text as string).join(' ').split(/\s+/).length;
        expect(words).to.be.below(200);
      });

      it('is plain text, with the numbers, where cards do not render', () => {
        const plain = cards.urgent(answer, 'sms');
        expect(plain.attachments ?? []).to.have.length(0);
        expect(plain.text).to.match(/999/);
      });
    });
  }

  it('offers Shout as a text message (sms:) on the urgent-help card', () => {
    const card = adaptiveCard(cards.urgent(kb.get('urgent-help') as never, 'msteams')) as El;
    const sms = elements(card).find((e) => e.type === 'Action.OpenUrl' && String(e.url).startsWith('sms:'));
    expect(sms).to.include({ url: 'sms:85258?body=SHOUT' });
    expect(JSON.stringify(card), 'the Shout line is the button, not text as well').to.not.include('**Shout**');
  });

  it('links numbers as written: tel: with the digits only', () => {
    expect(withTelLinks('call 0800 068 4141 or 999')).to.equal('call [0800 068 4141](tel:08000684141) or [999](tel:999)');
  });

  it('the support contacts: crisis lines for self-harm and suicide, safeguarding contacts for abuse, each number linked', () => {
    const crisis = JSON.stringify(adaptiveCard(supportContactsActivity({ kind: 'self-harm-topic' }, true)));
    expect(crisis).to.include('tel:116123').and.include('tel:999');
    const abuse = JSON.stringify(adaptiveCard(supportContactsActivity({ kind: 'abuse-topic' }, true)));
    expect(abuse).to.include('tel:08088005000').and.include('tel:08001111');
  });

  it('every number shown (contacts, the safety line, the urgent answers) is in the sources', () => {
    const shown = [...CRISIS_CONTACTS, ...SAFEGUARDING_CONTACTS].map((c) => c.text).join('\n') + SAFETY_LINE + ['urgent-help', 'worried-about-a-child', 'someone-is-hurting-me', 'medical-emergency'].map((id) => kb.get(id)?.body).join('\n');
    for (const n of shown.match(/\b(999|111|101|116 123|85258|0\d{3} \d{3} \d{4}|0\d{3} \d{4})\b/g) ?? []) expect(sources, n).to.include(n);
  });

  it('the "no checked answer" reply ends with the safety line, with cards and without', () => {
    expect(JSON.stringify(cards.none('webchat'))).to.include(SAFETY_LINE);
    expect(cards.none('sms').text?.trim().endsWith(SAFETY_LINE)).to.equal(true);
  });
});
