import { expect } from 'chai';
import { listeningTestApp } from '../support/listeningApp';

describe('HTTP: Bot Framework authentication is on when MicrosoftAppId is set', () => {
  const server = listeningTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });

  it('refuses an activity without a Bot Framework token with 401', async () => {
    const res = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'what is sen support',
        channelId: 'webchat',
        serviceUrl: 'https://example.invalid',
        conversation: { id: 'c1' },
        from: { id: 'u1' },
        recipient: { id: 'b1' },
      }),
    });
    expect(res.status).to.equal(401);
  });

  it('refuses a forged token with 401', async () => {
    const res = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'webchat', serviceUrl: 'https://example.invalid', conversation: { id: 'c1' }, from: { id: 'u1' } }),
    });
    expect(res.status).to.equal(401);
  });
});
