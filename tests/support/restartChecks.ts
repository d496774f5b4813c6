import { expect } from 'chai';
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
