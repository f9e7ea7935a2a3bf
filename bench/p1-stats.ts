/**
 * How sure P1's ratio is. A p99 of a few hundred samples swings with one slow request, so P1 takes
 * many interleaved rounds and reports, next to the ratio, how much it moves when the rounds are
 * resampled (a bootstrap over rounds, seeded so two reports of the same samples agree) and the
 * ratio of each half of the rounds: two halves that agree are two runs that would.
 */
import { percentile } from './bench-server';

export interface RatioSpread {
  ratio: number;
  /** 5th and 95th percentile of the ratio over resampled rounds. */
  low: number;
  high: number;
  /** The ratio on the odd rounds and on the even ones. */
  halves: [number, number];
}

/** p99 of Penny's samples over p99 of the no-op's, with its spread. Rounds pair Penny's and the no-op's bursts. */
export function p99RatioSpread(penny: number[][], noop: number[][], resamples = 1000): RatioSpread {
  const ratioOf = (rounds: number[]) => percentile(rounds.flatMap((i) => penny[i]!), 99) / percentile(rounds.flatMap((i) => noop[i]!), 99);
  const all = penny.map((_, i) => i);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) ratios.push(ratioOf(all.map(() => Math.floor(random() * all.length))));
  return {
    ratio: ratioOf(all),
    low: percentile(ratios, 5),
    high: percentile(ratios, 95),
    halves: [ratioOf(all.filter((i) => i % 2 === 0)), ratioOf(all.filter((i) => i % 2 === 1))],
  };
}
