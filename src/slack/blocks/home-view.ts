/** The App Home dashboard: month to date, movers, providers, accounts, a 30-day chart and shortcuts. */
import type { RenderedChart } from '../../ports/chart-renderer';
import { shortDay } from '../../answers/dates';
import { heldBackNote } from '../../answers/comparison';
import { freshnessLine } from '../../answers/freshness';
import { syncStatusLine } from '../../answers/sync-status';
import type { HomeAnswer } from '../../answers/types';
import { chartBlocks, changeField, notes, otherCurrencyText } from './common';
import { followUpActions } from './commands';
import { changeLine, divider, esc, fields, header, listBlocks, money, rankedLine, section } from './format';
import { channelMention } from './digest-message';
import { adviceBlocks } from './advice-home';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackHomeView } from './types';
import { homeWatchdogBlocks } from './watchdog-sections';

function digestBlocks(v: HomeAnswer): KnownBlock[] {
  if (!v.digest) return [];
  if (v.digest.length === 0) return notes(['No daily digest yet. Set one up with *Digest settings* or `/cost digest on` in a channel.']);
  const lines = v.digest.map((d) => `• ${channelMention(d.channel)} at ${esc(d.time)} (${esc(d.timeZone)})`);
  return listBlocks('digests', 'Daily digests', lines);
}

/**
 * The Home tab. Only URL charts can appear here (there is no message to attach a PNG to), so a
 * PNG chart is left out rather than announced.
 */
export function homeView(v: HomeAnswer, chart?: RenderedChart): SlackHomeView {
  const month = new Date(`${v.today}T00:00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const blocks: KnownBlock[] = [header('Penny · cloud costs')];
  if (v.empty) {
    const intro = v.freshness.lastDay
      ? `No costs recorded this month or in the last 30 days. The latest data is from ${shortDay(v.freshness.lastDay, v.today)}.`
      : 'No cost data yet. Import a FOCUS CSV with `penny import <file>`, or load demo data with `npm run demo`, then come back here.';
    blocks.push(section(intro));
  } else {
    blocks.push(fields([`*${esc(month)} to date*\n${money(v.mtd.total, v.currency)}`, changeField(v.mtd.previousLabel, v.mtd.change, v.mtd.total, v.currency)].filter((t) => t !== '')));
    blocks.push(...notes([heldBackNote(v.mtd.coverage, [v.mtd.change, ...v.movers.map((r) => r.change)])]));
    blocks.push(...chartBlocks(chart?.type === 'url' ? chart : undefined, 'Daily cost · last 30 days'));
    blocks.push(divider());
    if (v.movers.length > 0) blocks.push(...listBlocks('movers', `Biggest changes vs ${v.mtd.previousLabel}`, v.movers.map((r, i) => changeLine(i + 1, r, v.currency))));
    if (v.byProvider.length > 0) blocks.push(...listBlocks('providers', 'By provider, month to date', v.byProvider.map((r, i) => rankedLine(i + 1, r, v.currency))));
    if (v.byAccount.length > 0) blocks.push(...listBlocks('accounts', 'Top accounts, month to date', v.byAccount.map((r, i) => rankedLine(i + 1, r, v.currency, { detail: r.key !== r.label ? r.key : undefined }))));
  }
  blocks.push(...homeWatchdogBlocks(v.watchdog));
  if (v.advice) blocks.push(...adviceBlocks(v.advice));
  const shortcuts = followUpActions(v.actions, 'penny_home_actions', 'run');
  if (shortcuts) blocks.push(shortcuts);
  blocks.push(...digestBlocks(v));
  if (v.sources?.length) blocks.push(...listBlocks('sources', 'Cloud sync', v.sources.map((s) => `• ${esc(syncStatusLine(s))}`)));
  blocks.push(...notes([freshnessLine(v.freshness), otherCurrencyText(v.currency, v.otherCurrencies)]));
  return enforceLimits({ type: 'home' as const, blocks }, { maxBlocks: LIMITS.viewBlocks });
}
