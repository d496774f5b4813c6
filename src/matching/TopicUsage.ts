/** Where usage counts are kept between restarts. */
export interface UsageStore {
  load(): Promise<Record<string, number>>;
  save(counts: Record<string, number>): Promise<void>;
}

/**
 * How often each answer has been shown, so an officer's empty search lists the most-used
 * topics first. Counts only (no text, no user), saved through a UsageStore.
 */
export class TopicUsage {
  private counts: Record<string, number> = {};
  private loaded: Promise<void> | undefined;

  constructor(private readonly store: UsageStore, private readonly fallbackOrder: readonly string[]) {}

  async record(id: string): Promise<void> {
    await this.ensureLoaded();
    this.counts[id] = (this.counts[id] ?? 0) + 1;
    await this.store.save(this.counts);
  }

  /** The `n` most-used answer ids; ties and unused topics follow the fallback order. */
  async top(n: number): Promise<string[]> {
    await this.ensureLoaded();
    const rank = new Map(this.fallbackOrder.map((id, i) => [id, i]));
    return [...this.fallbackOrder]
      .sort((a, b) => (this.counts[b] ?? 0) - (this.counts[a] ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
      .slice(0, n);
  }

  private ensureLoaded(): Promise<void> {
    this.loaded ??= this.store.load().then((c) => {
      this.counts = { ...c, ...this.counts };
    });
    return this.loaded;
  }
}
