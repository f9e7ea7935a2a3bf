/**
 * Counts a source's API requests per UTC day (persisted; a month is the sum of its days), and
 * stops them when a monthly cap is reached. Cost Explorer bills every request, so the bot's own
 * cost is this count; the cap is PENNY_AWS_CE_MONTHLY_REQUEST_CAP.
 */
import { addDays, firstDayOfMonth, fromDate, monthOf, nextMonth, type Day } from '../domain/days';
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { RequestCap, RequestCountRepository } from '../ports/request-counts';

export type { RequestCap };

export interface RequestUsage {
  today: number;
  month: number;
  cap?: number;
}

export class RequestBudget {
  private usedThisMonth = 0;
  taken = 0;

  constructor(
    private readonly counts: RequestCountRepository,
    private readonly source: string,
    private readonly clock: Clock,
    private readonly cap?: RequestCap,
  ) {}

  async open(): Promise<void> {
    const today = this.today();
    this.usedThisMonth = this.cap ? await this.counts.total(this.source, firstDayOfMonth(monthOf(today)), today) : 0;
  }

  /** Counts one request, or refuses it when the month's cap is used up. */
  async take(): Promise<void> {
    if (this.cap && this.usedThisMonth + this.taken >= this.cap.limit) {
      const resumes = firstDayOfMonth(nextMonth(monthOf(this.today())));
      throw new AppError(
        'SOURCE_REQUEST_CAP',
        `Stopped before the next ${this.cap.api} request: this month's cap of ${this.cap.limit.toLocaleString('en-US')} requests (${this.cap.setting}) is used up, so syncing resumes on ${resumes} or when the cap is raised.`,
      );
    }
    this.taken += 1;
    await this.counts.add(this.source, this.today(), 1);
  }

  private today(): Day {
    return fromDate(this.clock.now());
  }
}

export async function requestUsage(counts: RequestCountRepository, source: string, clock: Clock, cap?: number): Promise<RequestUsage> {
  const today = fromDate(clock.now());
  const [day, month] = await Promise.all([counts.total(source, today, today), counts.total(source, firstDayOfMonth(monthOf(today)), addDays(today, 0))]);
  return { today: day, month, ...(cap !== undefined ? { cap } : {}) };
}
