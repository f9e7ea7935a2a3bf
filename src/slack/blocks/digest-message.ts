/** The daily digest a channel receives, and the answer to `/cost digest [on|off|show]`. */
import type { RenderedChart } from '../../ports/chart-renderer';
import { shortDay, weekdayDay } from '../../answers/dates';
import { heldBackNote } from '../../answers/comparison';
import { freshnessLine } from '../../answers/freshness';
import type { DigestAnswer, DigestStatusAnswer } from '../../answers/types';
import { chartBlocks, changeField, notes, otherCurrencyText } from './common';
import { followUpActions } from './commands';
import { changeText, esc, fields, header, listBlocks, money, rankedLine, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';
import { digestWatchdogBlocks } from './watchdog-sections';

/** "<#C123>" for channels; DMs and the console have no channel to link. */
export function channelMention(channel: string): string {
  return /^[CG][A-Z0-9]{2,}$/.test(channel) ? `<#${channel}>` : 'this conversation';
}

export function digestMessage(v: DigestAnswer, chart?: RenderedChart): SlackMessage {
  const { yesterday, mtd, currency } = v;
  const dayName = weekdayDay(yesterday.day);
  const noYesterday = v.top.length === 0 && yesterday.total === 0n;
  const blocks: KnownBlock[] = [header(`Daily cost digest · ${dayName}`)];
  const facts: string[] = [];
  if (noYesterday) {
    blocks.push(section(`No costs recorded for ${dayName} yet. Cloud providers often publish a day or two late.`));
  } else {
    facts.push(`*${esc(shortDay(yesterday.day))}*\n${money(yesterday.total, currency)}`);
    if (yesterday.change) facts.push(`*vs 7-day average*\n${changeText(yesterday.change, yesterday.total) || 'no change'} (average ${money(yesterday.avg7, currency)})`);
  }
  facts.push(`*Month to date*\n${money(mtd.total, currency)}`);
  const mtdChange = changeField(mtd.previousLabel, mtd.change, mtd.total, currency);
  if (mtdChange) facts.push(mtdChange);
  blocks.push(fields(facts));
  blocks.push(...notes([heldBackNote(mtd.coverage, [mtd.change])]));
  if (!noYesterday) {
    const lines = v.top.map((row, i) => rankedLine(i + 1, row, currency));
    blocks.push(...listBlocks('top', `Top services on ${shortDay(yesterday.day)}`, lines));
  }
  blocks.push(...digestWatchdogBlocks(v.watchdog));
  blocks.push(...chartBlocks(chart, 'Daily cost · last 14 days'));
  const shortcuts = followUpActions(v.actions, 'penny_digest_actions', 'run');
  if (shortcuts) blocks.push(shortcuts);
  const vsAverage = noYesterday || v.top.every((r) => !r.change) ? '' : "Service changes are vs each service's own 7-day average.";
  blocks.push(...notes([freshnessLine(v.freshness), vsAverage, otherCurrencyText(currency, v.otherCurrencies)]));
  const text = noYesterday
    ? `Daily cost digest: no costs recorded for ${dayName} yet; month to date ${money(mtd.total, currency)}.`
    : `Daily cost digest for ${dayName}: ${money(yesterday.total, currency)}; month to date ${money(mtd.total, currency)}.`;
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

function settingsButton(info: Pick<DigestStatusAnswer, 'actions'>): KnownBlock[] {
  const block = followUpActions(info.actions, 'penny_digest_status', 'run');
  return block ? [block] : [];
}

/** Slack shows `<!date^…>` in each reader's own time zone; the fallback is UTC. */
function whenText(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) return '';
  const fallback = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return ` Next one: <!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${fallback}>.`;
}

export function digestStatusMessage(info: Omit<DigestStatusAnswer, 'kind'>): SlackMessage {
  const where = channelMention(info.channel);
  const blocks: KnownBlock[] = [];
  let text: string;
  if (info.subscribed) {
    const at = info.time ? ` at *${esc(info.time)}*${info.timeZone ? ` (${esc(info.timeZone)})` : ''}` : '';
    text = `The daily cost digest is on for ${where}${at}.${whenText(info.nextRun)}`;
    blocks.push(section(`:white_check_mark: ${text}`));
    blocks.push(...settingsButton(info));
    blocks.push(...notes(['Turn it off with `/cost digest off`.']));
  } else {
    text = `There is no daily cost digest in ${where}.`;
    blocks.push(section(`${text} Turn it on with \`/cost digest on 09:00 Europe/Berlin\` (time and zone optional), or set it up here.`));
    blocks.push(...settingsButton(info));
  }
  return enforceLimits({ text: text.replace(/<!date\^[^|]*\|([^>]*)>/g, '$1').replace(/\*/g, ''), blocks }, { maxBlocks: LIMITS.messageBlocks });
}
