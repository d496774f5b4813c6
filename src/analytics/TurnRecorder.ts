import { randomUUID } from 'node:crypto';
import type { AnalyticsStore } from './AnalyticsStore';
import type { AnalyticsLog } from './AnalyticsRetention';
import type { Redactor } from './Redactor';
import { SENSITIVE_OUTCOMES, type TurnOutcome, type TurnRecord, type TurnUpdate } from './TurnRecord';

/** What the bot noted about one turn; the recorder decides what of it is kept. */
export interface TurnFacts {
  id?: string;
  channel: string;
  outcome: TurnOutcome;
  answerId?: string;
  confidence?: number;
  candidates?: string[];
  area?: string;
  /** The person's words: kept (redacted) only with LOG_QUESTIONS=true, never for urgent or support. */
  question?: string;
}

export interface TurnRecorderOptions {
  /** LOG_QUESTIONS: keep the question text, after redaction. */
  logQuestions: boolean;
  redactor: Redactor;
  log?: AnalyticsLog;
  now?: () => Date;
}

/** Longest question text kept (the bot's own limit on a message is higher; a report needs less). */
const MAX_QUESTION = 500;

/**
 * Turns what the bot noted into records and keeps them. The privacy rules live here, in one place:
 * no text unless LOG_QUESTIONS, redacted when kept; for urgent and safeguarding turns only the
 * time, channel and outcome. A failing store is logged (no text) and never fails the turn.
 */
export class TurnRecorder {
  private readonly now: () => Date;

  constructor(
    private readonly store: AnalyticsStore,
    private readonly options: TurnRecorderOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The record the recorder would keep for these facts. */
  toRecord(facts: TurnFacts): TurnRecord {
    const base: TurnRecord = { id: facts.id ?? randomUUID(), at: this.now().toISOString(), channel: facts.channel || 'unknown', outcome: facts.outcome };
    if (SENSITIVE_OUTCOMES.has(facts.outcome)) return base;
    const r: TurnRecord = { ...base };
    if (facts.answerId) r.answerId = facts.answerId;
    if (typeof facts.confidence === 'number' && Number.isFinite(facts.confidence)) r.confidence = Math.round(facts.confidence * 1000) / 1000;
    if (facts.candidates?.length) r.candidates = [...facts.candidates];
    if (facts.area) r.area = facts.area;
    if (this.options.logQuestions && facts.question?.trim()) r.question = this.options.redactor.redact(facts.question.slice(0, MAX_QUESTION));
    return r;
  }

  async record(facts: TurnFacts): Promise<TurnRecord | undefined> {
    const r = this.toRecord(facts);
    try {
      await this.store.add(r);
      return r;
    } catch (err) {
      this.fail(err, 'turn record not kept');
      return undefined;
    }
  }

  async update(id: string, update: TurnUpdate): Promise<boolean> {
    try {
      return await this.store.update(id, update);
    } catch (err) {
      this.fail(err, 'turn record not updated');
      return false;
    }
  }

  private fail(err: unknown, msg: string): void {
    this.options.log?.error({ err: { name: (err as Error).name, message: (err as Error).message } }, msg);
  }
}
