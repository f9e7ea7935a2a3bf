/** The watchdog's Mongo repositories on one connection. */
import type { Connection } from 'mongoose';
import type { Clock } from '../ports/clock';
import { MongoAlertDeliveries } from './alert-deliveries';
import { MongoAlertSubscriptions } from './alert-subscriptions';
import { MongoAnomalyEvents } from './anomaly-events';
import { MongoBudgetFirings, MongoBudgets } from './budgets';
import { MongoSeriesTunings } from './series-tunings';

export function watchdogRepositories(conn: Connection, clock: Clock) {
  return {
    budgets: new MongoBudgets(conn),
    firings: new MongoBudgetFirings(conn),
    events: new MongoAnomalyEvents(conn),
    tunings: new MongoSeriesTunings(conn),
    subscriptions: new MongoAlertSubscriptions(conn),
    deliveries: new MongoAlertDeliveries(conn, { clock }),
  };
}
