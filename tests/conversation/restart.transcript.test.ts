import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, Transcript } from '../support/Transcript';

describe('Conversation: what the user entrusted survives a restart (SQLite state)', () => {
  it('a "Did you mean" left unanswered is still there after the server restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-'));
    const env = { STATE_STORE: 'sqlite', DATA_DIR: dataDir };
    const first = await createTestApp(env);
    let offered: string[] = [];
    await new Transcript(first, 'webchat', 'user-r', 'conv-restart')
      .userSays('review')
      .botReplies(/Did you mean/)
      .then((reply) => {
        offered = (reply?.attachments?.[0]?.content as { body: Array<{ actions?: Array<{ title: string }> }> }).body
          .flatMap((b) => b.actions ?? [])
          .map((a) => a.title)
          .filter((t) => t !== 'None of these');
      })
      .run();
    await first.close();
    expect(offered.length).to.be.greaterThan(1);

    const second = await createTestApp(env);
    await new Transcript(second, 'webchat', 'user-r', 'conv-restart')
      .userSays('2')
      .botReplies((_r, text) => expect(text).to.include(offered[1]))
      .run();
    await second.close();
  });
});
