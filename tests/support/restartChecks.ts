import { expect } from 'chai';
import type { AppServer } from '../../src/server/createServer';
import { createTestApp, Transcript } from './Transcript';
import { submitActions } from './activityText';

/**
 * A "Did you mean" left unanswered, the server restarted, then "2" picks the second choice:
 * proves the conversation's state outlived the process with the given settings.
 * `whileStopped` runs between the two servers, to look at where the state was kept.
 */
export async function didYouMeanSurvivesRestart(
  env: Record<string, string>,
  ids: { user: string; conversation: string },
  whileStopped: () => Promise<void> = async () => undefined,
): Promise<void> {
  const first = await createTestApp(env);
  let offered: string[] = [];
  try {
    await new Transcript(first, 'webchat', ids.user, ids.conversation)
      .userSays('review')
      .botReplies(/Did you mean/)
      .then((reply) => {
        offered = submitActions(reply ?? {}).map((a) => a.title).filter((t) => t !== 'None of these');
      })
      .run();
  } finally {
    await first.close();
  }
  expect(offered.length).to.be.greaterThan(1);
  await whileStopped();

  const second = await createTestApp(env);
  try {
    await new Transcript(second, 'webchat', ids.user, ids.conversation)
      .userSays('2')
      .botReplies((_r, text) => expect(text).to.include(offered[1]))
      .run();
  } finally {
    await second.close();
  }
}

/** The hand-off up to the consent question, for a person in Trafford (the example deployment's area). */
export function toConsent(t: Transcript): Transcript {
  return t
    .userSays('can someone call me back')
    .botReplies(/can talk things through/)
    .botReplies(/Which council area/)
    .userSays('Trafford')
    .botReplies(/I'll remember Trafford/)
    .botReplies(/Your local SENDIASS: Trafford/)
    .botReplies(/Would you like Trafford SEND Information Advice and Support Service \(SENDIASS\) to contact you\?/)
    .userSays('yes please')
    .botReplies((_r, text) => {
      expect(text).to.match(/I can ask Trafford SEND Information Advice and Support Service \(SENDIASS\) to contact you/);
      expect(text).to.match(/your name/);
      expect(text).to.match(/a phone number or email address/);
      expect(text).to.match(/kept for 30 days and then deleted automatically/);
      expect(text).to.match(/Is that OK\?/);
    });
}

/**
 * A call-back request half-way through (name and email given), the server restarted, the
 * request finished and sent; then, after `whileStopped`, a third server's officers' API
 * (401 without the key) lists it with every field. `listedBy` looks further at that server.
 */
export async function callbackSurvivesRestart(
  env: Record<string, string>,
  ids: { user: string; conversation: string; officerKey: string },
  whileStopped: () => Promise<void> = async () => undefined,
  listedBy: (app: AppServer) => void = () => undefined,
): Promise<void> {
  const first = await createTestApp(env);
  try {
    await toConsent(new Transcript(first, 'webchat', ids.user, ids.conversation))
      .userSays('yes')
      .botReplies(/What name/)
      .userSays('Robin')
      .botReplies(/phone number or an email/)
      .userSays('robin@example.com')
      .botReplies(/best time/)
      .run();
  } finally {
    await first.close();
  }

  const second = await createTestApp(env);
  try {
    await new Transcript(second, 'webchat', ids.user, ids.conversation)
      .userSays('Tuesday afternoon')
      .botReplies(/In one line/)
      .userSays('Annual review coming up')
      .botReplies(/Your name: \nRobin/)
      .userSays('send')
      .botReplies(/has been sent/)
      .run();
  } finally {
    await second.close();
  }
  await whileStopped();

  const third = await createTestApp(env);
  try {
    const base = await third.listen(0);
    const unauthorised = await fetch(`${base}/api/requests`);
    expect(unauthorised.status).to.equal(401);
    const res = await fetch(`${base}/api/requests`, { headers: { Authorization: `Bearer ${ids.officerKey}` } });
    expect(res.status).to.equal(200);
    const { requests } = (await res.json()) as { requests: Array<Record<string, unknown>> };
    expect(requests).to.have.length(1);
    expect(requests[0]).to.include({ area: 'Trafford', name: 'Robin', contact: 'robin@example.com', contactKind: 'email', bestTime: 'Tuesday afternoon', summary: 'Annual review coming up', status: 'new' });
    listedBy(third);
  } finally {
    await third.close();
  }
}
