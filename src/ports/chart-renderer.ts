/** Turns an answer's chart spec into something a face can show: an image URL or a PNG. */
import type { ChartSpec } from '../answers/chart-spec';

export type { ChartKind, ChartSeries, ChartSpec } from '../answers/chart-spec';

export type RenderedChart =
  | { type: 'url'; url: string; altText: string }
  | { type: 'png'; png: Buffer; filename: string; altText: string };

export interface ChartRenderer {
  /** Resolves undefined when no chart can be made (no data, or too big for the medium). */
  render(spec: ChartSpec): Promise<RenderedChart | undefined>;
}
