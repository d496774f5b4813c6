import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a local Direct Line token grants: one conversation, for one user, until it expires. */
export interface DirectLineGrant {
  conversationId: string;
  userId: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresAt: number;
}

/** How long a token lasts (Azure's Direct Line tokens also last 30 minutes; Web Chat refreshes every 15). */
export const TOKEN_TTL_SECONDS = 1800;

const KEY_BYTES = 32;

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

/**
 * Issues and checks the tokens of the local Direct Line endpoint. A token is the grant, signed
 * with HMAC-SHA256: nothing needs to be remembered to check it, and with a key kept on disk a
 * token (and so the conversation and its saved dialog) still works after a restart.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer = crypto.randomBytes(KEY_BYTES),
    private readonly now: () => number = Date.now,
  ) {
    if (key.length < KEY_BYTES) throw new Error(`The Direct Line signing key must be at least ${KEY_BYTES} bytes`);
  }

  /** Uses the key in `file`, creating it (readable by the owner only) when missing. */
  static fromKeyFile(file: string, now: () => number = Date.now): DirectLineTokens {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      try {
        fs.writeFileSync(file, crypto.randomBytes(KEY_BYTES).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        // Another process made it first: use theirs.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64,}$/i.test(hex)) throw new Error(`${file} does not hold a Direct Line signing key; delete it to make a new one`);
    return new DirectLineTokens(Buffer.from(hex, 'hex'), now);
  }

  issue(conversationId: string, userId: string, ttlSeconds = TOKEN_TTL_SECONDS): { token: string; expiresIn: number } {
    const payload = b64url(Buffer.from(JSON.stringify({ c: conversationId, u: userId, e: this.now() + ttlSeconds * 1000 })));
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: ttlSeconds };
  }

  /** The grant a token carries, or undefined when it is malformed, forged or expired. */
  verify(token: string): DirectLineGrant | undefined {
    if (token.length > 1000) return undefined;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const { c, u, e } = (data ?? {}) as Record<string, unknown>;
    if (typeof c !== 'string' || typeof u !== 'string' || typeof e !== 'number') return undefined;
    if (e <= this.now()) return undefined;
    return { conversationId: c, userId: u, expiresAt: e };
  }

  private sign(payload: string): string {
    return b64url(crypto.createHmac('sha256', this.key).update(payload).digest());
  }
}
