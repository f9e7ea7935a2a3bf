/**
 * One change, one message: consecutive daily alerts about the same change are one event, which
 * the caller keys by series and the start day of its first alert, and updates rather than
 * posting again.
 */
import { addDays, type Day } from '../days';
import type { Anomaly } from './anomaly-types';

/**
 * Whether `next` continues the event whose latest alert was on `lastAlertDay` (so the caller
 * updates that message instead of posting a new one): its change began by the day after, or it
 * comes within `maxGapDays` ordinary days of it.
 */
export function continuesEvent(lastAlertDay: Day, next: Anomaly, maxGapDays = 2): boolean {
  if (next.day <= lastAlertDay) return true;
  return next.startDay <= addDays(lastAlertDay, 1) || next.day <= addDays(lastAlertDay, maxGapDays + 1);
}
