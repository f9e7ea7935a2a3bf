/**
 * Runs a `/cost` command: parse, ask the views service, render the chart, build blocks.
 * Slack listeners and the local console both call this and deliver the Reply their own way.
 */
import { AppError, isAppError, userMessage } from '../domain/errors';
import type { ChartRenderer, ChartSpec, RenderedChart } from '../ports/chart-renderer';
import type { Clock } from '../ports/clock';
import type { DigestSubscriptions } from '../ports/digests';
import type { Logger } from '../ports/logger';
import type { CostViews } from '../services/cost-views';
import { canonicalTimeZone, nextRun, parseDigestTime } from '../services/digest-schedule';
import {
  comingLaterMessage, compareMessage, dailyMessage, digestStatusMessage, errorMessage, helpMessage, reportMessage, summaryMessage, topMessage,
  type SlackMessage,
} from '../slack/blocks';
import { parseCommand, type CostIntent, type ParsedCommand } from './parse-command';
import type { Reply } from './reply';

export interface CommandContext {
  channelId: string;
  userId: string;
}

export interface RouterDeps {
  views: CostViews;
  charts: ChartRenderer;
  digests: DigestSubscriptions;
  clock: Clock;
  defaultTimeZone: string;
  defaultDigestTime: string;
  logger: Logger;
}

export class CommandRouter {
  constructor(private readonly deps: RouterDeps) {}

  /** Never throws: every failure becomes a short message for the person, details go to the log. */
  async run(text: string, ctx: CommandContext): Promise<Reply> {
    let parsed: ParsedCommand | undefined;
    try {
      parsed = parseCommand(text);
      return await this.runParsed(parsed, ctx);
    } catch (error) {
      if (isAppError(error)) this.deps.logger.info({ code: error.code, text, detail: error.detail }, 'command refused');
      else this.deps.logger.error({ err: error, text }, 'command failed');
      return { message: errorMessage(userMessage(error)), visibility: 'ephemeral' };
    }
  }

  private async runParsed(parsed: ParsedCommand, ctx: CommandContext): Promise<Reply> {
    const { intent, filters, visibility } = parsed;
    const { views } = this.deps;
    const withChart = async (spec: ChartSpec | undefined, build: (chart?: RenderedChart) => SlackMessage): Promise<Reply> => {
      const chart = await this.render(spec);
      const reply: Reply = { message: build(chart), visibility };
      if (chart?.type === 'png') reply.png = { filename: chart.filename, data: chart.png, title: chart.altText.slice(0, 250) };
      return reply;
    };
    switch (intent.kind) {
      case 'summary': {
        const v = await views.summary(intent.periodText, filters);
        return withChart(v.chart, (c) => summaryMessage(v, c));
      }
      case 'daily': {
        const v = await views.daily(intent.periodText, filters);
        return withChart(v.chart, (c) => dailyMessage(v, c));
      }
      case 'top': {
        const v = await views.top(intent.dim, intent.periodText, filters);
        return withChart(v.chart, (c) => topMessage(v, c));
      }
      case 'compare': {
        const v = await views.compare(intent.periodText, intent.vsText, filters);
        return withChart(v.chart, (c) => compareMessage(v, c));
      }
      case 'report': {
        const file = await views.report(intent.cadence, intent.format);
        return {
          message: reportMessage({ periodLabel: file.periodLabel, format: file.format, filename: file.filename, rows: file.rows }),
          visibility,
          file: { filename: file.filename, content: file.content, title: `Penny ${intent.cadence} report, ${file.periodLabel}`, filetype: file.format },
        };
      }
      case 'digest':
        return this.digest(intent, ctx, visibility);
      case 'help':
        return { message: helpMessage({ kind: 'help' }), visibility: 'ephemeral' };
      case 'later':
        return { message: comingLaterMessage(intent.feature), visibility: 'ephemeral' };
      case 'unknown':
        return this.unknown(intent, parsed, ctx);
    }
  }

  /** "/cost last month" is a summary; anything else gets help pointing at the closest command. */
  private async unknown(intent: Extract<CostIntent, { kind: 'unknown' }>, parsed: ParsedCommand, ctx: CommandContext): Promise<Reply> {
    try {
      this.deps.views.period(intent.text);
    } catch {
      return { message: helpMessage({ kind: 'help', unknownText: intent.text, closest: intent.closest }), visibility: 'ephemeral' };
    }
    return this.runParsed({ ...parsed, intent: { kind: 'summary', periodText: intent.text } }, ctx);
  }

  private async digest(intent: Extract<CostIntent, { kind: 'digest' }>, ctx: CommandContext, visibility: Reply['visibility']): Promise<Reply> {
    const { digests, clock } = this.deps;
    const reply = (message: SlackMessage): Reply => ({ message, visibility });
    switch (intent.action) {
      case 'on': {
        const existing = await digests.get(ctx.channelId);
        const time = parseDigestTime(intent.time ?? existing?.time ?? this.deps.defaultDigestTime);
        if (!time) throw new AppError('QUERY_INVALID', `"${intent.time}" is not a time of day. Use 24-hour HH:MM, like 09:00 or 17:30.`);
        const zoneText = intent.timeZone ?? existing?.timeZone ?? this.deps.defaultTimeZone;
        const timeZone = canonicalTimeZone(zoneText);
        if (!timeZone) throw new AppError('QUERY_INVALID', `"${zoneText}" is not a time zone I know. Use an IANA name like Europe/Berlin or America/New_York.`);
        const sub = { channel: ctx.channelId, time, timeZone, providers: existing?.providers ?? [], enabled: true, createdBy: ctx.userId, updatedAt: clock.now() };
        await digests.upsert(sub);
        return reply(digestStatusMessage({ channel: ctx.channelId, subscribed: true, time, timeZone, nextRun: nextRun(sub, clock.now()).toISOString() }));
      }
      case 'off':
        await digests.disable(ctx.channelId);
        return reply(digestStatusMessage({ channel: ctx.channelId, subscribed: false }));
      case 'show': {
        const sub = await digests.get(ctx.channelId);
        if (!sub?.enabled) return reply(digestStatusMessage({ channel: ctx.channelId, subscribed: false }));
        return reply(digestStatusMessage({ channel: ctx.channelId, subscribed: true, time: sub.time, timeZone: sub.timeZone, nextRun: nextRun(sub, clock.now()).toISOString() }));
      }
      case 'settings': {
        const sub = await digests.get(ctx.channelId);
        return { ...reply(digestStatusMessage({ channel: ctx.channelId, subscribed: Boolean(sub?.enabled), time: sub?.time, timeZone: sub?.timeZone })), openDigestSettings: true };
      }
    }
  }

  private async render(spec: ChartSpec | undefined): Promise<RenderedChart | undefined> {
    if (!spec) return undefined;
    try {
      return await this.deps.charts.render(spec);
    } catch (error) {
      // A chart is a nice-to-have: the numbers still go out without it.
      this.deps.logger.warn({ err: error }, 'chart rendering failed');
      return undefined;
    }
  }
}
