/** Publishes the dashboard whenever someone opens Penny's Home tab. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';

export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await deps.limit(() => deps.home.publish(client, event.user));
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, 'could not publish the Home tab');
    }
  });
}
