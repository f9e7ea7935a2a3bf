/**
 * A series prepared for forecasting from many origins: models fitted once per origin and their
 * cumulative predictions, so a backtest (hundreds of forecasts, each calibrated on hundreds of
 * past forecasts) reuses the same numbers a single forecast computes. One forecast and a
 * backtest of the same day therefore agree exactly.
 */
import { fitDailyModel, predictUsage, type DailyModel } from './daily-model';
import { quantile } from '../timeseries/robust-stats';
import type { Values } from '../timeseries/weekly-season';

/** Origins need this much history to be worth calibrating on. */
export const MIN_CALIBRATION_ORIGIN = 28;
/** Fewer backtests than this and the interval falls back to a fixed-width guess. */
export const MIN_CALIBRATION_SAMPLES = 20;

export interface RatioInterval {
  low: number;
  high: number;
  samples: number;
}

export class ForecastWorkspace {
  private readonly models = new Map<number, DailyModel>();
  private readonly predicted = new Map<number, number[]>();
  private readonly actual: Float64Array;

  constructor(readonly values: Values, readonly firstDayNum: number) {
    this.actual = new Float64Array(values.length + 1);
    for (let t = 0; t < values.length; t++) this.actual[t + 1] = this.actual[t]! + values[t]!;
  }

  model(origin: number): DailyModel {
    let m = this.models.get(origin);
    if (!m) this.models.set(origin, (m = fitDailyModel(this.values, origin, this.firstDayNum)));
    return m;
  }

  /** Predicted usage over [origin + from, origin + to) from the model fitted at origin. */
  predictedSum(origin: number, from: number, to: number): number {
    let cum = this.predicted.get(origin);
    if (!cum) this.predicted.set(origin, (cum = [0]));
    const model = this.model(origin);
    while (cum.length <= to) cum.push(cum[cum.length - 1]! + predictUsage(model, this.values, origin + cum.length - 1));
    return cum[to]! - cum[from]!;
  }

  /** Actual usage over [from, to) (indices into the series). */
  actualSum(from: number, to: number): number {
    return this.actual[to]! - this.actual[from]!;
  }

  /**
   * Ratios actual / predicted of past forecasts of the same window relative to their origin,
   * [origin + from, origin + to), for origins whose window was complete before `limit` and that
   * lie within `lookback` days of it; their quantiles bound the coverage share of outcomes.
   */
  ratioInterval(limit: number, from: number, to: number, coverage: number, lookback: number, widening = 1): RatioInterval | undefined {
    const ratios: number[] = [];
    for (let o = Math.max(MIN_CALIBRATION_ORIGIN, limit - lookback); o + to <= limit; o++) {
      const predicted = this.predictedSum(o, from, to);
      if (predicted > 0) ratios.push(this.actualSum(o + from, o + to) / predicted);
    }
    if (ratios.length < MIN_CALIBRATION_SAMPLES) return undefined;
    const tail = (1 - coverage) / 2;
    const median = quantile(ratios, 0.5);
    // Widened in log space around the median: low / median and high / median raised to `widening`.
    const widen = (q: number) => (median > 0 && q > 0 ? median * (q / median) ** widening : q);
    return { low: widen(quantile(ratios, tail)), high: widen(quantile(ratios, 1 - tail)), samples: ratios.length };
  }
}
