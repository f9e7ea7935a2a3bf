/**
 * Runs a `/cost` command: parse the text, ask the service, return a face-neutral answer.
 * Slack, the console and the CLI render the answer their own way.
 */
import { digestStatus } from '../answers/digest-status';
import { syncQueued } from '../answers/sync-progress';
import type { Answer, DigestStatusAnswer } from '../answers/types';
import { refusalText } from '../answers/refusal';
import { AppError, isAppError, userMessage } from '../domain/errors';
import { can, type Permission, type Role } from '../domain/roles';
import { parseChannel } from '../domain/project';
import type { Clock } from '../ports/clock';
import type { DigestSubscriptions } from '../ports/digests';
import type { Logger } from '../ports/logger';
import type { RecommendationService } from '../services/advice/recommendation-service';
import type { CostAnswers } from '../services/cost-answers';
import type { ProjectService } from '../services/projects';
import type { Watchdog } from '../services/watchdog';
import { watchdogCommand } from './watchdog-commands';
import type { SimulationService } from '../services/simulation/simulation-service';
import { recommendAnswer } from './advice-routes';
import { canonicalTimeZone, nextRun, parseDigestTime } from '../services/digest-schedule';
import { askQuestion, questionShape, shapeOf, threadWantsIt, type AskContext, type Questions } from './ask-route';
import type { CommandResult } from './command-result';
import { parseCommand, type CostIntent, type ParsedCommand } from './parse-command';
import { runProjectCommand } from './project-commands';
import { runReportSchedule } from './report-schedule-commands';
import type { ReportSchedules } from '../ports/report-schedules';

export interface CommandContext extends AskContext {
  channelId: string;
  userId: string;
  /** The asker's role, looked up only when a command needs it. Without it: viewer. */
  role?: () => Promise<Role>;
}

export interface RouterDeps {
  answers: CostAnswers;
  digests: DigestSubscriptions;
  clock: Clock;
  defaultTimeZone: string;
  defaultDigestTime: string;
  logger: Logger;
  /** The projects registry (absent: `/cost project` says it is not set up). */
  projects?: ProjectService;
  /** Scheduled reports (absent: scheduling says it is not set up). */
  reportSchedules?: ReportSchedules;
  /** Questions in people's words (absent: free text gets help). */
  questions?: Questions;
  /** Forecasts, budgets, anomalies and alerts; without it they answer "not set up yet". */
  watchdog?: Watchdog;
  /** Recommendations; without them `/cost recommend` says they are not set up. */
  advice?: RecommendationService;
  /** What-if simulations; without them `/cost simulate` says they are not set up. */
  simulation?: SimulationService;
  /** The cloud sources in PENNY_SOURCES, which `/cost sync` may run. */
  syncSources?: readonly string[];
}

export class CommandRouter {
  constructor(private readonly deps: RouterDeps) {}

  /** Never throws: every failure becomes a short message for the person, details go to the log. */
  async run(text: string, ctx: CommandContext): Promise<CommandResult> {
    let parsed: ParsedCommand | undefined;
    try {
      parsed = parseCommand(text);
      return await this.runParsed(parsed, ctx, text);
    } catch (error) {
      const { questions } = this.deps;
      const shape = questionShape(parsed, text, isAppError(error) ? error.code : undefined);
      if (questions && shape) {
        const asked = await askQuestion(questions, text, shape, ctx).catch(() => undefined);
        if (asked?.answer.kind === 'ask') return asked;
      }
      if (isAppError(error)) this.deps.logger.info({ code: error.code, text, detail: error.detail }, 'command refused');
      else this.deps.logger.error({ err: error, text }, 'command failed');
      return { answer: { kind: 'error', message: userMessage(error) }, visibility: 'ephemeral' };
    }
  }

  private async runParsed(parsed: ParsedCommand, ctx: CommandContext, text: string): Promise<CommandResult> {
    const { intent, filters, visibility } = parsed;
    const answer = async (a: Promise<Answer> | Answer): Promise<CommandResult> => ({ answer: await a, visibility });
    const { answers } = this.deps;
    switch (intent.kind) {
      case 'summary':
        return answer(answers.summary(intent.periodText, filters));
      case 'daily':
        return answer(answers.daily(intent.periodText, filters));
      case 'top':
        return answer(answers.top(intent.dim, intent.periodText, filters));
      case 'compare':
        return answer(answers.compare(intent.periodText, intent.vsText, filters));
      case 'report':
        return answer(answers.report(intent.cadence, intent.format));
      case 'digest': {
        const channel = 'channel' in intent && intent.channel ? parseChannel(intent.channel) : ctx.channelId;
        if (channel !== ctx.channelId && intent.action !== 'show' && !(await this.allowed(ctx, 'other-channels'))) return this.refused('other-channels');
        return this.digest(intent, { ...ctx, channelId: channel }, visibility);
      }
      case 'project': {
        const needs: Permission = intent.action === 'add' || intent.action === 'remove' ? 'projects' : 'read';
        if (!(await this.allowed(ctx, needs))) return this.refused(needs);
        if (!this.deps.projects) throw new AppError('NOT_AVAILABLE', 'Projects are not set up in this Penny.');
        return answer(runProjectCommand(intent, parsed.filters, ctx, this.deps.projects));
      }
      case 'report-schedule': {
        if (intent.action !== 'list' && !(await this.allowed(ctx, 'reports'))) return this.refused('reports');
        const schedules = this.deps.reportSchedules;
        if (!schedules) throw new AppError('NOT_AVAILABLE', 'Scheduled reports are not set up in this Penny.');
        const { clock, defaultDigestTime: time, defaultTimeZone: timeZone } = this.deps;
        return answer(runReportSchedule(intent, ctx, { schedules, clock, time, timeZone }));
      }
      case 'help':
        return { answer: { kind: 'help' }, visibility: 'ephemeral' };
      case 'anomalies':
      case 'budget':
      case 'forecast':
      case 'alerts':
        return watchdogCommand(this.deps.watchdog, intent, filters, ctx, visibility);
      case 'later':
        return { answer: { kind: 'not-ready', feature: intent.feature }, visibility: 'ephemeral' };
      case 'sync':
        return this.sync(intent, ctx);
      case 'recommend':
        return answer(recommendAnswer(this.deps.advice, intent, filters, ctx.userId));
      case 'simulate':
        return answer(this.deps.simulation ? this.deps.simulation.simulate(intent.text) : { kind: 'not-ready', feature: 'simulate' });
      case 'unknown':
        return this.unknown(intent, parsed, ctx, text);
    }
  }

  /** Admins start a sync; the face runs it and shows its progress to the channel. */
  private async sync(intent: Extract<CostIntent, { kind: 'sync' }>, ctx: CommandContext): Promise<CommandResult> {
    if (!(await this.allowed(ctx, 'sync'))) return this.refused('sync');
    const enabled = this.deps.syncSources ?? [];
    if (enabled.length === 0) throw new AppError('NOT_CONFIGURED', 'No cloud source is enabled. Set PENNY_SOURCES to a comma list of aws, gcp and azure (the README lists what each needs).');
    if (intent.source && !enabled.includes(intent.source)) throw new AppError('NOT_CONFIGURED', `${intent.source} is not in PENNY_SOURCES (${enabled.join(', ')}).`);
    const sources = intent.source ? [intent.source] : [...enabled];
    return { answer: syncQueued(ctx.userId, sources), visibility: 'in_channel', startSync: { sources } };
  }

  private async allowed(ctx: CommandContext, permission: Permission): Promise<boolean> {
    if (permission === 'read') return true;
    return can(ctx.role ? await ctx.role() : 'viewer', permission);
  }

  /** Refusals are always private, whatever the command asked. */
  private refused(permission: Permission): CommandResult {
    return { answer: { kind: 'refused', message: refusalText(permission) }, visibility: 'ephemeral' };
  }

  /**
   * "/cost last month" is a summary (in a thread with a question, a refinement of it); other words
   * go to the plain-language answerer, or get help pointing at the closest command without one.
   */
  private async unknown(intent: Extract<CostIntent, { kind: 'unknown' }>, parsed: ParsedCommand, ctx: CommandContext, text: string): Promise<CommandResult> {
    const { questions } = this.deps;
    let period = true;
    try {
      this.deps.answers.period(intent.text);
    } catch {
      period = false;
    }
    if (questions && (!period || (await threadWantsIt(questions, ctx)))) return askQuestion(questions, text, shapeOf(parsed), ctx);
    if (!period) return { answer: { kind: 'help', unknownText: intent.text, closest: intent.closest }, visibility: 'ephemeral' };
    return this.runParsed({ ...parsed, intent: { kind: 'summary', periodText: intent.text } }, ctx, text);
  }

  /** A reply in a thread without a mention: answered only where Penny answered a question before. */
  async followUp(text: string, ctx: CommandContext): Promise<CommandResult | undefined> {
    const { questions } = this.deps;
    if (!questions || !ctx.thread) return undefined;
    const known = await threadWantsIt(questions, ctx).catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'could not read a thread context');
      return false;
    });
    return known ? this.run(text, ctx) : undefined;
  }

  private async digest(intent: Extract<CostIntent, { kind: 'digest' }>, ctx: CommandContext, visibility: CommandResult['visibility']): Promise<CommandResult> {
    const { digests, clock } = this.deps;
    const status = (fields: Omit<DigestStatusAnswer, 'kind' | 'channel' | 'actions'>) => digestStatus({ channel: ctx.channelId, ...fields });
    const reply = (answer: DigestStatusAnswer): CommandResult => ({ answer, visibility });
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
        return reply(status({ subscribed: true, time, timeZone, nextRun: nextRun(sub, clock.now()).toISOString() }));
      }
      case 'off':
        await digests.disable(ctx.channelId);
        return reply(status({ subscribed: false }));
      case 'show': {
        const sub = await digests.get(ctx.channelId);
        if (!sub?.enabled) return reply(status({ subscribed: false }));
        return reply(status({ subscribed: true, time: sub.time, timeZone: sub.timeZone, nextRun: nextRun(sub, clock.now()).toISOString() }));
      }
      case 'settings': {
        const sub = await digests.get(ctx.channelId);
        return { ...reply(status({ subscribed: Boolean(sub?.enabled), time: sub?.time, timeZone: sub?.timeZone })), openDigestSettings: true };
      }
    }
  }
}
