/** Options the watchdog commands share, checked before the database opens. */
import { isDay, type Day } from '../domain/days';
import { AppError } from '../domain/errors';

/** `--as-of YYYY-MM-DD`: answer as if today were that day, from the days before it. */
export function asOfOption(value: string | undefined, today: Day): Day {
  if (value === undefined) return today;
  if (!isDay(value)) throw new AppError('QUERY_INVALID', `--as-of takes a day as YYYY-MM-DD, not "${value}".`);
  return value;
}
