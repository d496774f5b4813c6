import { expect } from 'chai';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { AppServer } from '../../src/server/createServer';
import { SqliteAnalyticsStore } from '../../src/analytics/SqliteAnalyticsStore';
import type { TurnRecord } from '../../src/analytics/TurnRecord';
import { createTestApp, Transcript } from '../support/Transcript';

/**
 * Conversation state in memory where, when armed, "another instance" saves the conversation
 * just before this one does, so this one's save is refused (eTag conflict) and ConsistentTurns
 * runs the turn again.
 */
class OvertakenStorage implements Storage {
  private readonly inner = new MemoryStorage();
  private armed = 0;
  overtaken = 0;

  /** The next `times` saves of a conversation's state are overtaken. */
  arm(times = 1): void {
    this.armed = times;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    for (const key of Object.keys(changes)) {
      if (this.armed > 0 && key.includes('/conversations/')) {
        const current = (await this.inner.read([key]))[key] as Record<string, unknown> | undefined;
        if (current) {
          this.armed -= 1;
          this.overtaken += 1;
          await this.inner.write({ [key]: { ...current, eTag: '*' } });
        }
      }
    }
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

/** The SQLite store, counting every record it is asked to add (a second add of one id fails there, and is only logged). */
class CountingStore extends SqliteAnalyticsStore {
  added: string[] = [];
  override async add(r: TurnRecord): Promise<void> {
    this.added.push(r.id);
    return super.add(r);
  }
}

describe('Recording turns: a turn redone after an eTag conflict is recorded once', function () {
  this.timeout(30_000);
  let app: AppServer;
  let store: CountingStore;
  let storage: OvertakenStorage;

  before(async () => {
    store = new CountingStore(':memory:');
    storage = new OvertakenStorage();
    app = await createTestApp({ DEPLOYMENT_CONFIG: 'none' }, { analytics: store, storage });
  });
  after(async () => {
    await app.close();
    await store.close();
  });
  beforeEach(async () => {
    await store.purgeOlderThan(new Date(Date.now() + 60_000));
    store.added = [];
  });

  it('an answer whose first attempt was overtaken: recorded once, and "Was this helpful?" lands on it', async () => {
    const before = storage.overtaken;
    await new Transcript(app, 'webchat')
      .userSays('what is sen support')
      .botReplies(/What is SEN support/)
      .then(() => storage.arm(1))
      .userSays('what is the local offer')
      .botReplies(/Local Offer/i)
      .userPresses('No')
      .botReplies(/sorry that didn't help/)
      .run();
    expect(storage.overtaken - before, 'the local offer turn was run twice').to.equal(1);
    const rows = await store.list();
    expect(rows.map((r) => r.answerId)).to.deep.equal(['what-is-sen-support', 'local-offer']);
    expect(store.added, 'one record asked for per turn').to.deep.equal(rows.map((r) => r.id));
    expect(rows.map((r) => r.helpful)).to.deep.equal([undefined, false]);
  });

  it('"Did you mean" and the pick, each overtaken: each recorded once, the pick on the first', async () => {
    await new Transcript(app, 'webchat').userSays('review').botReplies(/Did you mean/).run();
    const offered = (await store.list())[0].candidates as string[];
    const title = app.services.kb.get(offered[0])?.title as string;
    await store.purgeOlderThan(new Date(Date.now() + 60_000));
    store.added = [];

    const before = storage.overtaken;
    await new Transcript(app, 'webchat')
      .userSays('what is sen support')
      .botReplies(/What is SEN support/)
      .then(() => storage.arm(1))
      .userSays('review')
      .botReplies(/Did you mean/)
      .then(() => storage.arm(1))
      .userPresses(title)
      .botReplies(title)
      .run();
    expect(storage.overtaken - before, 'both turns were run twice').to.equal(2);
    const rows = await store.list();
    expect(rows.map((r) => r.outcome)).to.deep.equal(['answer', 'clarify', 'answer']);
    expect(store.added).to.deep.equal(rows.map((r) => r.id));
    expect(rows[1].picked).to.equal(offered[0]);
  });
});
