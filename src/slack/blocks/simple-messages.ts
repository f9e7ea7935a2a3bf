/** Short messages: help, features still to come, errors and the note that goes with a report file. */
import type { HelpView } from '../../views/view-models';
import { context, esc, header, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

export type LaterFeature = 'anomalies' | 'budget' | 'forecast' | 'recommend' | 'simulate' | 'sync';

/** The `/cost` grammar of commands/parse-command.ts, as people read it. */
export const HELP_LINES: readonly string[] = [
  '`/cost` or `/cost summary [period]` — total and top services (this month by default)',
  '`/cost daily [period]` — day by day, split by provider (last 30 days by default)',
  '`/cost top service|account|region|provider|tag:KEY [period]` — the biggest items',
  '`/cost compare [period] [vs period]` — what went up and down (last month by default)',
  '`/cost report weekly|monthly [csv|json]` — the breakdown as a file',
  '`/cost digest on [HH:MM] [Time/Zone]` · `off` · `show` · `settings` — a daily digest in this channel',
];

const FILTER_HELP = 'Narrow any answer with `provider:aws`, `account:prod`, `service:"Amazon EC2"`, `region:us-east-1` or `tag:team=data`. Add `public` to post the answer to the channel.';
const PERIOD_HELP = 'Periods: `today`, `yesterday`, `7d`, `30d`, `this week`, `last month`, `this quarter`, `last year`, `2026-09`, `Q3 2026`, `2026-09-01..2026-09-15`.';

function limited(text: string, blocks: KnownBlock[]): SlackMessage {
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

export function helpMessage(v: HelpView): SlackMessage {
  const blocks: KnownBlock[] = [];
  let text = 'Penny answers questions about your cloud costs.';
  if (v.unknownText !== undefined) {
    const guess = v.closest ? ` Did you mean \`${esc(v.closest)}\`?` : '';
    text = `I didn't understand “${v.unknownText}”.${v.closest ? ` Did you mean ${v.closest}?` : ''}`;
    blocks.push(section(`I didn't understand “${esc(v.unknownText)}”.${guess}`));
  } else {
    blocks.push(header('Penny · cloud cost answers'));
  }
  blocks.push(section(`*What you can ask*\n${HELP_LINES.join('\n')}`));
  blocks.push(context([FILTER_HELP]));
  blocks.push(context([PERIOD_HELP, 'Days are UTC calendar days; amounts are rounded only for display.']));
  return limited(text, blocks);
}

const LATER: Record<LaterFeature, { name: string; will: string }> = {
  anomalies: { name: 'Anomaly alerts', will: "will watch each service's daily cost against its usual range and tell this channel when something jumps." },
  budget: { name: 'Budgets', will: 'will let you set a monthly amount for a provider, account or team and warn you before it runs out.' },
  forecast: { name: 'Forecasts', will: "will project the month's final cost from the days so far, with a range rather than a single guess." },
  recommend: { name: 'Recommendations', will: 'will point out idle or oversized resources and commitments worth considering, with the cost data behind each one.' },
  simulate: { name: 'What-if simulations', will: 'will let you try a change, such as moving a workload or buying a commitment, and see how costs would shift.' },
  sync: { name: 'Syncing from cloud billing APIs', will: 'will pull costs from AWS, Google Cloud and Azure on a schedule. Until then, load costs with `penny import <file>` or `npm run demo`.' },
};

/** Honest about what is missing: no sample numbers, only what it will do. */
export function comingLaterMessage(feature: LaterFeature): SlackMessage {
  const { name, will } = LATER[feature];
  const notYet = `${name} ${feature === 'sync' ? 'is' : 'are'} not set up yet.`;
  return limited(notYet, [
    section(`*${notYet}*\nWhen ${feature === 'sync' ? 'it is' : 'they are'}, Penny ${will}`),
    context(['Meanwhile: `/cost summary`, `/cost top service`, `/cost daily`, `/cost compare`.']),
  ]);
}

/** A short sentence the person can act on; the details are in the log, never pasted here. */
export function errorMessage(userText: string): SlackMessage {
  return limited(userText, [section(`:warning: ${esc(userText)}`), context(['Type `/cost help` to see what Penny can answer.'])]);
}

export function reportMessage(info: { periodLabel: string; format: 'csv' | 'json'; filename: string; rows: number }): SlackMessage {
  const kind = info.format === 'csv' ? 'CSV' : 'JSON';
  const rows = info.rows === 0
    ? 'There were no costs in that period, so the file holds no rows.'
    : `${info.rows} ${info.rows === 1 ? 'row' : 'rows'}, one per service and currency; amounts are exact decimals, not rounded.`;
  const text = `Cost report for ${info.periodLabel} (${kind}): ${info.filename}`;
  return limited(text, [section(`:page_facing_up: Cost report for *${esc(info.periodLabel)}* as ${kind}: \`${esc(info.filename)}\``), context([rows])]);
}
