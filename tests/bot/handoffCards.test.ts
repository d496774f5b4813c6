import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { AnswerMatcher } from '../../src/matching/AnswerMatcher';
import { AnswerService } from '../../src/matching/AnswerService';
import { SafetyDetector } from '../../src/safety/SafetyDetector';
import { AreaDirectory } from '../../src/directory/AreaDirectory';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../../src/knowledge/paths';
import { HAVE_READY, HandoffCards, SERVICE_PROMISE } from '../../src/bot/HandoffCards';
import { activityText, adaptiveCard, submitActions } from '../support/activityText';

const kb = KnowledgeBase.fromFolder(DEFAULT_KNOWLEDGE_DIR);
const answers = new AnswerService(kb, new AnswerMatcher(kb), new SafetyDetector());
const cards = new HandoffCards(answers);
const directory = AreaDirectory.fromFolder(DEFAULT_KNOWLEDGE_DIR);
const area = (name: string) => directory.get(name) ?? expect.fail(`no area ${name}`);
const squash = (t: string) => t.replace(/\s+/g, ' ');

describe('HandoffCards: what the hand-off shows', () => {
  it('"what to have ready" rests on quotes that are in the source documents, word for word', () => {
    for (const s of HAVE_READY.sources) {
      const text = squash(fs.readFileSync(path.join(SHARED_DIR, 'sources', s.file), 'utf8'));
      expect(text, `${s.file}: "${s.quote}"`).to.include(squash(s.quote));
    }
  });

  it('"free, confidential and impartial" is what the sources say of the service', () => {
    const lancashire = squash(fs.readFileSync(path.join(SHARED_DIR, 'sources', '000_69e4d455b3c675f0.txt'), 'utf8'));
    expect(lancashire).to.include('free, confidential, impartial advice');
    expect(SERVICE_PROMISE).to.match(/free, confidential and impartial/);
  });

  it('shows every detail as plain text where a channel has no cards (SMS)', () => {
    const reply = cards.contact(directory.contactFor(area('East Riding of Yorkshire')), 'sms');
    expect(reply.attachments ?? []).to.have.length(0);
    const text = activityText(reply);
    expect(text).to.include('Phone: 01482 396469');
    expect(text).to.include('Email: sendiass@eastriding.gov.uk');
    expect(text).to.match(/Website: http:\/\/www\.eastridinglocaloffer\.org\.uk/);
    expect(text).to.not.match(/\]\(/);
  });

  it('shows the deployment\'s own details, opening hours and out-of-hours message for its area', () => {
    const deployed = new AreaDirectory(directory.areas, {
      area: 'Trafford',
      service: { name: 'Trafford SENDIASS', phone: '0161 496 0000', email: 'sendiass@example.org', openingHours: 'Monday to Friday, 9am to 5pm', outOfHoursMessage: 'Leave a message and we will call back.' },
    });
    const text = activityText(cards.contact(deployed.contactFor(deployed.get('Trafford')), 'webchat'));
    expect(text).to.include('Trafford SENDIASS');
    expect(text).to.include('Phone: [0161 496 0000](tel:+441614960000)');
    expect(text).to.include('Opening hours: Monday to Friday, 9am to 5pm');
    expect(text).to.include('When they are closed: Leave a message and we will call back.');
    expect(text).to.not.match(/IPSEA|IASS Network/);
  });

  it('offers more than three councils as card buttons, and three or fewer as suggested actions', () => {
    const four = ['Bedford', 'Central Bedfordshire', 'East Sussex', 'West Sussex'].map(area);
    const many = cards.areaOptions('Which do you mean?', four, 'webchat', 'personal');
    expect(many.suggestedActions).to.equal(undefined);
    expect(submitActions(many).map((s) => [s.title, s.data.action, s.data.area])).to.deep.equal(four.map((a) => [a.name, 'pickArea', a.name]));
    const two = cards.areaOptions('Which do you mean?', four.slice(0, 2), 'webchat', 'personal');
    expect(two.suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['Bedford', 'Central Bedfordshire']);
  });

  it('uses card buttons in a Teams channel or group chat, where suggested actions do not show', () => {
    const two = cards.areaOptions('Which do you mean?', ['Bedford', 'Central Bedfordshire'].map(area), 'msteams', 'channel');
    expect(two.suggestedActions).to.equal(undefined);
    expect(submitActions(two).map((s) => s.title)).to.deep.equal(['Bedford', 'Central Bedfordshire']);
  });

  it('the review card shows typed values as text, never as Markdown links', () => {
    const reply = cards.review(
      { area: 'Trafford', name: '[click](https://evil.example)', contact: 'a@example.com', contactKind: 'email', bestTime: '*any*', summary: 'x', topics: undefined },
      'webchat',
    );
    const json = JSON.stringify(adaptiveCard(reply));
    expect(json).to.include('"type":"TextRun","text":"[click](https://evil.example)"');
    expect(json).to.not.match(/"type":"TextBlock","text":"[^"]*evil/);
    expect(activityText(reply)).to.not.match(/Topics/);
  });
});
