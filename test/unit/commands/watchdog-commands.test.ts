/** The watchdog's `/cost` commands outside a channel, and without a watchdog. */
import { watchdogCommand } from '../../../src/commands/watchdog-commands';
import type { Watchdog } from '../../../src/services/watchdog';

const none = { providers: [], accounts: [], services: [], regions: [], tags: [], projects: [] };
const watchdog = { today: () => '2026-03-15' } as unknown as Watchdog;

it('alerts on and off need a Slack channel: the console has none', async () => {
  await expect(watchdogCommand(watchdog, { kind: 'alerts', action: 'on' }, none, { channelId: 'console', userId: 'console' }, 'ephemeral')).rejects.toThrow(/Alerts go to Slack channels/);
  await expect(watchdogCommand(watchdog, { kind: 'alerts', action: 'off' }, none, { channelId: 'console', userId: 'console' }, 'ephemeral')).rejects.toThrow(/Alerts go to Slack channels/);
});

it('without a watchdog each command says it is not set up', async () => {
  const result = await watchdogCommand(undefined, { kind: 'forecast' }, none, { channelId: 'C1', userId: 'U1' }, 'in_channel');
  expect(result).toEqual({ answer: { kind: 'not-ready', feature: 'forecast' }, visibility: 'ephemeral' });
});
