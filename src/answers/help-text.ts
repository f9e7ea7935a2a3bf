/** What Penny can answer, in words every face shows (backticks mark commands to type). */
import type { LaterFeature } from './types';

/** The `/cost` grammar of commands/parse-command.ts, as people read it. */
export const HELP_LINES: readonly string[] = [
  '`/cost` or `/cost summary [period]` — total and top services (this month by default)',
  '`/cost daily [period]` — day by day, split by provider (last 30 days by default)',
  '`/cost top service|account|region|provider|project|tag:KEY [period]` — the biggest items',
  '`/cost compare [period] [vs period]` — what went up and down (last month by default)',
  '`/cost report weekly|monthly [csv|json]` — the breakdown as a file',
  '`/cost digest on [HH:MM] [Time/Zone]` · `off` · `show` · `settings` — a daily digest in this channel',
  '`/cost project list` · `show NAME` · `add NAME [@owner] [#channel] account:ID tag:KEY=VALUE` · `remove NAME` — projects (admins change them)',
  '`/cost forecast [by provider|service]` — month-end and quarter-end forecast with a range',
  '`/cost budget` · `budget edit [name]` — budgets with their burn; finance users and admins create and edit them',
  '`/cost anomalies [period]` — unusual daily spend and what drove it (last 30 days by default)',
  '`/cost alerts on [filters]` · `off` — anomaly and budget alerts in this channel',
  '`/cost sync [aws|gcp|azure]` — sync the cloud sources now, with progress in this channel (admins)',
  '`/cost recommend [all]` — savings worth a look, each with its evidence; `dismiss|snooze|evidence <id>`',
  '`/cost simulate EC2 -20% from 2027-01; add 500/month for service:BigQuery` — what if, against today\'s forecast',
];

export const FILTER_HELP = 'Narrow any answer with `provider:aws`, `account:prod`, `service:"Amazon EC2"`, `region:us-east-1`, `tag:team=data` or `project:NAME`. Add `public` to post the answer to the channel.';
export const PERIOD_HELP = 'Periods: `today`, `yesterday`, `7d`, `30d`, `this week`, `last month`, `this quarter`, `last year`, `2026-09`, `Q3 2026`, `2026-09-01..2026-09-15`.';
export const ROUNDING_NOTE = 'Days are UTC calendar days; amounts are rounded only for display.';

const LATER: Record<LaterFeature, { name: string; will: string }> = {
  anomalies: { name: 'Anomaly alerts', will: "will watch each service's daily cost against its usual range and tell this channel when something jumps." },
  budget: { name: 'Budgets', will: 'will let you set a monthly amount for a provider, account or team and warn you before it runs out.' },
  forecast: { name: 'Forecasts', will: "will project the month's final cost from the days so far, with a range rather than a single guess." },
  recommend: { name: 'Recommendations', will: 'will point out idle or oversized resources and commitments worth considering, with the cost data behind each one.' },
  simulate: { name: 'What-if simulations', will: 'will let you try a change, such as moving a workload or buying a commitment, and see how costs would shift.' },
  sync: { name: 'Syncing from cloud billing APIs', will: 'will pull costs from AWS, Google Cloud and Azure on a schedule. Until then, load costs with `penny import <file>` or `npm run demo`.' },
};

export const MEANWHILE = 'Meanwhile: `/cost summary`, `/cost top service`, `/cost daily`, `/cost compare`.';

/** "Budgets are not set up yet." and what they will do, honest about what is missing. */
export function notReadyText(feature: LaterFeature): { headline: string; detail: string } {
  const { name, will } = LATER[feature];
  const singular = feature === 'sync';
  return { headline: `${name} ${singular ? 'is' : 'are'} not set up yet.`, detail: `When ${singular ? 'it is' : 'they are'}, Penny ${will}` };
}
