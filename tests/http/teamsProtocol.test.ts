import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { listeningTestApp } from '../support/listeningApp';
import { activityText } from '../support/activityText';
import { SEARCH_ANSWERS_COMMAND_ID } from '../../src/teams/TeamsManifest';

describe('HTTP: Teams activities to /api/messages', () => {
  const server = listeningTestApp();

  // Teams sends invokes as plain requests and reads the invoke response from the HTTP body;
  // messages and conversation updates here ask for their replies in the body (expectReplies).
  const teams = (extra: Partial<Activity>): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    ...(extra.type === 'invoke' ? {} : { deliveryMode: 'expectReplies' }),
    from: { id: '29:officer', name: 'Officer', aadObjectId: '00000000-0000-0000-0000-00000000000a' },
    recipient: { id: '28:sen-bot', name: 'SEN assistant' },
    conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', isGroup: true } as Activity['conversation'],
    channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:channel@thread.tacv2' } },
    ...extra,
  });

  async function post(body: Partial<Activity>): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  it('answers a channel message once the @mention is stripped', async () => {
    const r = await post(
      teams({
        type: 'message',
        text: '<at>SEN assistant</at> what is element 3 funding',
        entities: [{ type: 'mention', mentioned: { id: '28:sen-bot', name: 'SEN assistant' }, text: '<at>SEN assistant</at>' }],
      }),
    );
    expect(r.status).to.equal(200);
    const replies = (r.json.activities as Array<Partial<Activity>>).filter((a) => a.type === 'message');
    expect(activityText(replies[0])).to.match(/Element 3|high needs/i);
  });

  it('welcomes the team when the app is added to a team', async () => {
    const r = await post(
      teams({
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:sen-bot', name: 'SEN assistant' }],
        channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2', name: 'SEND team' }, eventType: 'teamMemberAdded' },
      }),
    );
    expect(r.status).to.equal(200);
    const text = (r.json.activities as Array<Partial<Activity>>).map(activityText).join('\n');
    expect(text).to.match(/automated helper, not a person/);
  });

  it('lists matching answers for a composeExtension/query, as a compose-extension result with attachments', async () => {
    const started = Date.now();
    const r = await post(
      teams({
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId: SEARCH_ANSWERS_COMMAND_ID, parameters: [{ name: 'query', value: 'k code' }], queryOptions: { skip: 0, count: 25 } },
      }),
    );
    expect(Date.now() - started, 'well within Teams’ 5-second limit').to.be.below(1000);
    expect(r.status).to.equal(200);
    const result = (r.json as { composeExtension: { type: string; attachmentLayout: string; attachments: Array<{ contentType: string; content: unknown; preview: { content: { title: string; text: string } } }> } }).composeExtension;
    expect(result.type).to.equal('result');
    expect(result.attachments.length).to.be.greaterThan(0);
    expect(result.attachments[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(result.attachments[0].preview.content.title).to.match(/SEN register/i);
    expect(result.attachments[0].preview.content.text.length).to.be.greaterThan(10);
    expect(JSON.stringify(result.attachments[0].content)).to.match(/Source: /);
  });

  it('lists the most-used topics for an empty or too-short search', async () => {
    for (const value of ['', 'k']) {
      const r = await post(teams({ type: 'invoke', name: 'composeExtension/query', value: { commandId: SEARCH_ANSWERS_COMMAND_ID, parameters: [{ name: 'query', value }] } }));
      const result = (r.json as { composeExtension: { attachments: unknown[] } }).composeExtension;
      expect(result.attachments.length).to.be.within(1, 10);
    }
  });

  it('inserts the full answer card with its source for a composeExtension/selectItem', async () => {
    const r = await post(teams({ type: 'invoke', name: 'composeExtension/selectItem', value: { id: 'graduated-approach' } }));
    expect(r.status).to.equal(200);
    const result = (r.json as { composeExtension: { type: string; attachments: Array<{ content: unknown }> } }).composeExtension;
    expect(result.type).to.equal('result');
    const card = JSON.stringify(result.attachments[0].content);
    expect(card).to.match(/graduated approach/i);
    expect(card).to.match(/Source: /);
  });

  it('answers a selectItem for an unknown id with a message, not an error', async () => {
    const r = await post(teams({ type: 'invoke', name: 'composeExtension/selectItem', value: { id: 'no-such-answer' } }));
    expect(r.status).to.equal(200);
    expect((r.json as { composeExtension: { type: string } }).composeExtension.type).to.equal('message');
  });
});
