/**
 * The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP at /slack/events.
 * Collaborators come in through `deps`; nothing here builds its own clients.
 */
import { App, type CustomRoute, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Server } from 'node:http';
import type { SlackConfig } from '../config/slack-config';
import { AppError } from '../domain/errors';
import { registerListeners, type ListenerDeps } from './listeners';
import { createLimiter } from './work-limiter';

/** Answers computed at once per instance. */
const ANSWERS = { concurrency: 2, quietMs: 25, maxDelayMs: 300 };

export interface SlackApp {
  app: App;
  /** Starts listening; in HTTP mode resolves with the server (port 0 picks a free port). */
  start(host?: string): Promise<Server | undefined>;
  stop(): Promise<void>;
  client: WebClient;
}

export interface SlackAppOptions {
  /** Served beside /slack/events in HTTP mode (the REST API, /healthz). */
  customRoutes?: CustomRoute[];
}

export async function createSlackApp(config: SlackConfig, logger: BoltLogger, deps: Omit<ListenerDeps, 'limit'>, options: SlackAppOptions = {}): Promise<SlackApp> {
  // Bounded retries: a digest claim is taken over after 15 minutes, so a post must give up well before.
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), logger, retryConfig: { retries: 2 }, timeout: 30_000 };
  // Checking the token ourselves gives a clear error (Bolt's own check fails as an unhandled rejection).
  const identity = await new WebClient(config.botToken, clientOptions)
    .auth.test()
    .catch((error: { data?: { error?: string }; message?: string }) => {
      throw new AppError('CONFIG_INVALID', `Slack refused SLACK_BOT_TOKEN (${error.data?.error ?? error.message}). Check the token and SLACK_API_URL.`, { cause: error });
    });
  const app = new App({
    token: config.botToken,
    botId: identity.bot_id,
    botUserId: identity.user_id,
    logger,
    clientOptions,
    ...(config.mode === 'socket' ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret!, port: config.port, customRoutes: options.customRoutes ?? [] }),
  });
  registerListeners(app, { ...deps, limit: createLimiter(ANSWERS) });
  return {
    app,
    client: app.client,
    start: async (host) => {
      if (config.mode === 'socket') {
        await app.start();
        return undefined;
      }
      return (await app.start({ port: config.port, ...(host ? { host } : {}) })) as Server;
    },
    stop: () => app.stop().then(() => undefined),
  };
}
