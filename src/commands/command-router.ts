/**
 * Runs a `/cost` command: parse the text, ask the service, return a face-neutral answer.
 * Slack, the console and the CLI render the answer their own way.
 */
import { digestStatus } from '../answers/digest-status';
import type { Answer, DigestStatusAnswer } from '../answers/types';
import { AppError, isAppError, userMessage } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { DigestSubscriptions } from '../ports/digests';
import type { Logger } from '../ports/logger';
import type { RecommendationService } from '../services/advice/recommendation-service';
import type { CostAnswers } from '../services/cost-answers';
import type { SimulationService } from '../services/simulation/simulation-service';
import { recommendAnswer } from './advice-routes';
import { canonicalTimeZone, nextRun, parseDigestTime } from '../services/digest-schedule';
import type { CommandResult } from './command-result';
import { parseCommand, type CostIntent, type ParsedCommand } from './parse-command';

export interface CommandContext {
  channelId: string;
  userId: string;
}

export interface RouterDeps {
  answers: CostAnswers;
  digests: DigestSubscriptions;
  clock: Clock;
  defaultTimeZone: string;
  defaultDigestTime: string;
  logger: Logger;
  /** Recommendations; without them `/cost recommend` says they are not set up. */
  advice?: RecommendationService;
  /** What-if simulations; without them `/cost simulate` says they are not set up. */
  simulation?: SimulationService;
}

export class CommandRouter {
  constructor(private readonly deps: RouterDeps) {}

  /** Never throws: every failure becomes a short message for the person, details go to the log. */
  async run(text: string, ctx: CommandContext): Promise<CommandResult> {
    let parsed: ParsedCommand | undefined;
    try {
      parsed = parseCommand(text);
      return await this.runParsed(parsed, ctx);
    } catch (error) {
      if (isAppError(error)) this.deps.logger.info({ code: error.code, text, detail: error.detail }, 'command refused');
      else this.deps.logger.error({ err: error, text }, 'command failed');
      return { answer: { kind: 'error', message: userMessage(error) }, visibility: 'ephemeral' };
    }
  }

  private async runParsed(parsed: ParsedCommand, ctx: CommandContext): Promise<CommandResult> {
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
      case 'digest':
        return this.digest(intent, ctx, visibility);
      case 'help':
        return { answer: { kind: 'help' }, visibility: 'ephemeral' };
      case 'later':
        return { answer: { kind: 'not-ready', feature: intent.feature }, visibility: 'ephemeral' };
      case 'recommend':
        return answer(recommendAnswer(this.deps.advice, intent, filters, ctx.userId));
      case 'simulate':
        return answer(this.deps.simulation ? this.deps.simulation.simulate(intent.text) : { kind: 'not-ready', feature: 'simulate' });
      case 'unknown':
        return this.unknown(intent, parsed, ctx);
    }
  }

  /** "/cost last month" is a summary; anything else gets help pointing at the closest command. */
  private async unknown(intent: Extract<CostIntent, { kind: 'unknown' }>, parsed: ParsedCommand, ctx: CommandContext): Promise<CommandResult> {
    try {
      this.deps.answers.period(intent.text);
    } catch {
      return { answer: { kind: 'help', unknownText: intent.text, closest: intent.closest }, visibility: 'ephemeral' };
    }
    return this.runParsed({ ...parsed, intent: { kind: 'summary', periodText: intent.text } }, ctx);
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
