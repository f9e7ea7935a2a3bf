/**
 * Alerts to channels: who subscribed (with filters), which channels an alert goes to (those
 * subscriptions, and the channels of the projects owning its scope, see alert-routing.ts), what an
 * anomaly event looks like as an alert, and feedback from the buttons on it, which tunes the
 * series (Expected raises its gates, Not expected lowers them again, Snooze mutes it 7 days).
 */
import { canonicalProvider } from '../../domain/cost-record';
import { matchDimension } from '../../domain/dimension-match';
import { parseTagFilter } from '../../domain/filter-syntax';
import { applyFeedback, snooze } from '../../domain/anomaly/series-tuning';
import type { SeriesScope } from '../../domain/anomaly/series-scope';
import type { BudgetScope } from '../../domain/budget/budget';
import { addDays, type Day } from '../../domain/days';
import type { AlertAnswer, AlertOwner, AlertsStatusAnswer, FeedbackAction, FeedbackNote } from '../../answers/watchdog';
import type { AlertDeliveries, AlertDelivery, AlertFilters, AlertSubscription, AlertSubscriptions, AnomalyEvent, AnomalyEvents, SeriesTunings } from '../../ports/alerts';
import type { Clock } from '../../ports/clock';
import type { AlertRouting } from './alert-routing';
import { viewOf } from './anomaly-service';

export const SNOOZE_DAYS = 7;

export interface AlertServiceDeps {
  subscriptions: AlertSubscriptions;
  deliveries: AlertDeliveries;
  events: AnomalyEvents;
  tunings: SeriesTunings;
  clock: Clock;
  today(): Day;
  /** Project routing; without it alerts go to subscribed channels only. */
  routing?: AlertRouting;
}

/** A channel an alert goes to, with the project owners to mention there (none for a plain subscription). */
export interface AlertRecipient {
  channel: string;
  owners: AlertOwner[];
}

export class AlertService {
  constructor(private readonly deps: AlertServiceDeps) {}

  get deliveries(): AlertDeliveries {
    return this.deps.deliveries;
  }

  async subscribe(channel: string, filters: AlertFilters, user: string): Promise<AlertsStatusAnswer> {
    await this.deps.subscriptions.upsert({ channel, filters, enabled: true, createdBy: user, since: this.deps.clock.now() });
    return statusOf(channel, filters, true);
  }

  async unsubscribe(channel: string): Promise<AlertsStatusAnswer> {
    await this.deps.subscriptions.disable(channel);
    return statusOf(channel, undefined, false);
  }

  async status(channel: string): Promise<AlertsStatusAnswer> {
    const sub = await this.deps.subscriptions.get(channel);
    return statusOf(channel, sub?.filters, Boolean(sub?.enabled));
  }

  /**
   * The channels an alert goes to, each once: those subscribed before `raisedAt` with filters it
   * matches, and the channels of the projects saved before it that own its scope (mentioning
   * their owners there, also when the channel is subscribed too).
   */
  async recipients(alert: AlertAnswer, raisedAt: Date): Promise<AlertRecipient[]> {
    const subs = await this.deps.subscriptions.listEnabled();
    const channels = new Map<string, AlertOwner[]>();
    for (const s of subs) if (s.since.getTime() <= raisedAt.getTime() && matches(s, alert)) channels.set(s.channel, []);
    for (const [channel, owners] of (await this.deps.routing?.ownersByChannel(alert, raisedAt)) ?? []) channels.set(channel, owners);
    return [...channels].map(([channel, owners]) => ({ channel, owners }));
  }

  /** The owners to mention in each project channel of the alert, for re-rendering its messages there. */
  async ownersByChannel(alert: AlertAnswer): Promise<Map<string, AlertOwner[]>> {
    return (await this.deps.routing?.ownersByChannel(alert)) ?? new Map();
  }

  anomalyAlert(event: AnomalyEvent): AlertAnswer {
    return { kind: 'alert', subject: 'anomaly', alertKey: anomalyAlertKey(event.id), anomaly: viewOf(event), revision: event.revision };
  }

  async event(id: string): Promise<AnomalyEvent | undefined> {
    return this.deps.events.get(id);
  }

  /** Records who pressed what, tunes the series, and returns the alert to re-render everywhere. */
  async feedback(eventId: string, user: string, action: FeedbackAction): Promise<{ alert: AlertAnswer; messages: AlertDelivery[] } | undefined> {
    const event = await this.deps.events.get(eventId);
    if (!event) return undefined;
    const tuning = (await this.deps.tunings.get(event.seriesKey)) ?? {};
    const note: FeedbackNote = { user, action, at: this.deps.clock.now().toISOString() };
    if (action === 'snooze') {
      note.until = addDays(this.deps.today(), SNOOZE_DAYS);
      await this.deps.tunings.set(event.seriesKey, snooze(tuning, note.until));
    } else {
      await this.deps.tunings.set(event.seriesKey, applyFeedback(tuning, action));
    }
    const updated = (await this.deps.events.addFeedback(eventId, note)) ?? event;
    const alert = this.anomalyAlert(updated);
    return { alert, messages: await this.deps.deliveries.sent(alert.alertKey) };
  }
}

export function anomalyAlertKey(eventId: string): string {
  return `anomaly:${eventId}`;
}

/** The event id inside an anomaly alert key. */
export function eventIdOf(alertKey: string): string | undefined {
  return alertKey.startsWith('anomaly:') ? alertKey.slice('anomaly:'.length) : undefined;
}

function statusOf(channel: string, filters: AlertFilters | undefined, subscribed: boolean): AlertsStatusAnswer {
  return { kind: 'alerts-status', channel, subscribed, filters: filters ? filterWords(filters) : [] };
}

export function filterWords(f: AlertFilters): string[] {
  const word = (dim: string, v: string) => (/\s/.test(v) ? `${dim}:"${v}"` : `${dim}:${v}`);
  return [...f.providers.map((v) => word('provider', v)), ...f.accounts.map((v) => word('account', v)), ...f.services.map((v) => word('service', v)), ...f.regions.map((v) => word('region', v)), ...f.tags.map((v) => word('tag', v))];
}

/** Every filter dimension given must match; a channel without filters gets everything. */
function matches(sub: AlertSubscription, alert: AlertAnswer): boolean {
  const scope = alert.subject === 'anomaly' ? alert.anomaly.scope : budgetAsSeries(alert.budget.scope);
  const f = sub.filters;
  const one = (inputs: string[], value: string | undefined, options: { aliases?: boolean } = {}) =>
    inputs.length === 0 || (value !== undefined && inputs.some((i) => matchDimension(i, [{ value, label: '' }], options).ok));
  return (
    (f.providers.length === 0 || (scope.provider !== undefined && f.providers.some((p) => canonicalProvider(p) === scope.provider))) &&
    one(f.accounts, scope.account) &&
    one(f.services, scope.service, { aliases: true }) &&
    f.regions.length === 0 &&
    (f.tags.length === 0 || (scope.tag !== undefined && f.tags.some((t) => sameTag(t, scope.tag!))))
  );
}

function sameTag(text: string, tag: { key: string; value: string }): boolean {
  const wanted = parseTagFilter(text);
  return wanted.key.toLowerCase() === tag.key.toLowerCase() && wanted.value === tag.value;
}

function budgetAsSeries(scope: BudgetScope): SeriesScope {
  switch (scope.kind) {
    case 'total':
      return {};
    case 'tag':
      return { tag: { key: scope.key, value: scope.value } };
    case 'provider':
      return { provider: canonicalProvider(scope.value) };
    default:
      return { [scope.kind]: scope.value };
  }
}
