import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config/Config';
import { DirectLineTokens } from '../../src/server/DirectLineTokens';

describe('Config: DIRECT_LINE_TOKEN_KEY, the local Direct Line signing key every instance shares', () => {
  const key = 'a1'.repeat(32);

  it('is unset by default (a key file in DATA_DIR is used)', () => {
    expect(loadConfig({}).directLineTokenKey).to.equal(undefined);
  });

  it('takes 64 or more hex characters: two servers with the same key accept each other\'s tokens', () => {
    const parsed = loadConfig({ DIRECT_LINE_TOKEN_KEY: key }).directLineTokenKey as Buffer;
    expect(parsed.length).to.equal(32);
    const { token } = new DirectLineTokens(parsed).issue('conversation', 'user');
    expect(new DirectLineTokens(loadConfig({ DIRECT_LINE_TOKEN_KEY: key }).directLineTokenKey).verify(token)).to.include({ conversationId: 'conversation', userId: 'user' });
    expect(new DirectLineTokens().verify(token), 'another key refuses it').to.equal(undefined);
  });

  for (const [what, bad] of [
    ['too short', 'a1'.repeat(31)],
    ['not hex', 'zz'.repeat(32)],
    ['an odd number of characters', `${key}a`],
  ]) {
    it(`stops the server for a key ${what}, naming the setting but never showing the key`, () => {
      let err: unknown;
      try {
        loadConfig({ DIRECT_LINE_TOKEN_KEY: bad });
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(ConfigError);
      expect((err as Error).message).to.include('DIRECT_LINE_TOKEN_KEY').and.not.include(bad);
    });
  }
});
