import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DirectLineTokens, TOKEN_TTL_SECONDS } from '../../src/server/DirectLineTokens';

describe('DirectLineTokens: signed grants for the local Direct Line endpoint', () => {
  let clock = 5_000_000;
  const now = () => clock;

  it('issues a token that grants its conversation and user until it expires', () => {
    const tokens = new DirectLineTokens(undefined, now);
    const { token, expiresIn } = tokens.issue('conv-1', 'user_1');
    expect(expiresIn).to.equal(TOKEN_TTL_SECONDS);
    expect(tokens.verify(token)).to.deep.equal({ conversationId: 'conv-1', userId: 'user_1', expiresAt: clock + TOKEN_TTL_SECONDS * 1000 });
    clock += TOKEN_TTL_SECONDS * 1000;
    expect(tokens.verify(token), 'expired').to.equal(undefined);
  });

  it('refuses a token changed in any way, or signed with another key', () => {
    const tokens = new DirectLineTokens(undefined, now);
    const { token } = tokens.issue('conv-1', 'user_1');
    const [payload, signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ c: 'conv-2', u: 'user_1', e: clock + 1e6 })).toString('base64url');
    expect(tokens.verify(`${otherPayload}.${signature}`)).to.equal(undefined);
    expect(tokens.verify(`${payload}.${signature.slice(0, -2)}xx`)).to.equal(undefined);
    expect(tokens.verify(`${payload}.${signature}.extra`)).to.equal(undefined);
    expect(tokens.verify('')).to.equal(undefined);
    expect(tokens.verify('x'.repeat(5000))).to.equal(undefined);
    expect(new DirectLineTokens(undefined, now).verify(token), 'another key').to.equal(undefined);
  });

  it('keeps its key in a file readable by the owner only, so tokens outlive a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-key-'));
    try {
      const file = path.join(dir, 'sub', 'directline-signing.key');
      const { token } = DirectLineTokens.fromKeyFile(file, now).issue('conv-9', 'user_9');
      expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
      expect(DirectLineTokens.fromKeyFile(file, now).verify(token)?.conversationId).to.equal('conv-9');
      fs.writeFileSync(file, 'not a key');
      expect(() => DirectLineTokens.fromKeyFile(file, now)).to.throw(/does not hold a Direct Line signing key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
