/**
 * Settings for the Slack app, validated when the app starts (the CLI does not need them).
 */
import { z } from 'zod';
import { configError } from './config';
import { presentSettings } from './settings';

const fields = z.object({
  SLACK_BOT_TOKEN: z.string().trim().regex(/^xoxb-/, 'must be a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token starting with xapp- (for Socket Mode)'),
  SLACK_SIGNING_SECRET: z.string().trim().optional(),
  SLACK_API_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/.+\/$/.test(v), 'must be a URL ending in /, such as https://slack.com/api/'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CHART_RENDERER: z.enum(['quickchart', 'local']).default('quickchart'),
  QUICKCHART_HOST: z.string().trim().optional(),
});

/** The variables this module reads. */
export const SLACK_VARIABLES = Object.keys(fields.shape);

const schema = fields.superRefine((c, ctx) => {
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)' });
  }
});

export interface SlackConfig {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
  port: number;
  mode: 'socket' | 'http';
  chartRenderer: 'quickchart' | 'local';
  quickchartHost?: string;
}

export function loadSlackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  const parsed = schema.safeParse(presentSettings(env));
  if (!parsed.success) throw configError(parsed.error);
  const c = parsed.data;
  return {
    botToken: c.SLACK_BOT_TOKEN,
    appToken: c.SLACK_APP_TOKEN,
    signingSecret: c.SLACK_SIGNING_SECRET,
    apiUrl: c.SLACK_API_URL,
    port: c.PORT,
    mode: c.SLACK_APP_TOKEN ? 'socket' : 'http',
    chartRenderer: c.CHART_RENDERER,
    quickchartHost: c.QUICKCHART_HOST,
  };
}
