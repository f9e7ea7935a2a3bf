/**
 * Order statistics over the first `n` entries of a scratch buffer. The buffer is reordered
 * in place (quickselect), which is why callers pass a copy they own, never their data.
 */

/** Median of buf[0..n). NaN when n is 0. Even n: the mean of the two middle values. */
export function medianInPlace(buf: Float64Array, n: number): number {
  if (n <= 0) return NaN;
  const mid = n >> 1;
  const upper = select(buf, 0, n - 1, mid);
  if (n % 2 === 1) return upper;
  // After selecting `mid`, everything left of it is <= buf[mid]: the lower middle is their max.
  let lower = buf[0]!;
  for (let i = 1; i < mid; i++) if (buf[i]! > lower) lower = buf[i]!;
  return (lower + upper) / 2;
}

/** The value at rank `q` in [0, 1] with linear interpolation between neighbours (sorts a copy). */
export function quantile(values: ArrayLike<number>, q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Scale factor that makes the median absolute deviation estimate a normal distribution's sigma. */
export const MAD_TO_SIGMA = 1.4826;

/** Median absolute deviation around the median of buf[0..n) (reorders buf). */
export function madInPlace(buf: Float64Array, n: number): number {
  const m = medianInPlace(buf, n);
  for (let i = 0; i < n; i++) buf[i] = Math.abs(buf[i]! - m);
  return medianInPlace(buf, n);
}

/**
 * Standard deviation of buf[0..n) from its middle 80% (10% cut from each tail), scaled to be
 * unbiased for normal data. Far more efficient than the MAD on ~50–80 values, and still blind
 * to the few wild values a spike or a step leaves in a window. Sorts buf. NaN when n < 5.
 */
export function trimmedSigmaInPlace(buf: Float64Array, n: number): number {
  if (n < 5) return NaN;
  const sorted = buf.subarray(0, n).sort();
  const cut = Math.floor(n * 0.1);
  const m = n - 2 * cut;
  let mean = 0;
  for (let i = cut; i < n - cut; i++) mean += sorted[i]!;
  mean /= m;
  let squares = 0;
  for (let i = cut; i < n - cut; i++) squares += (sorted[i]! - mean) ** 2;
  // A normal cut at its 10% and 90% quantiles (±1.2816) keeps 0.6616 of its sigma; with the
  // cut rounded down the kept share is a little wider, which only errs towards a larger sigma.
  return Math.sqrt(squares / m) / TRIMMED_SIGMA_SHARE;
}

const TRIMMED_SIGMA_SHARE = 0.6616;

/** Mean of buf[0..n) without its smallest and largest value (plain mean below 3). */
export function trimmedMean(buf: Float64Array, n: number): number {
  if (n <= 0) return NaN;
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = buf[i]!;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return n < 3 ? sum / n : (sum - lo - hi) / (n - 2);
}

/**
 * Mean of the middle half of buf[0..n) (a quarter cut from each end, rounded down): robust to
 * a few wild values yet steadier than a median on a dozen values. Sorts buf.
 */
export function interquartileMeanInPlace(buf: Float64Array, n: number): number {
  if (n <= 0) return NaN;
  // Insertion sort: n is a dozen weeks, where it beats a general sort.
  for (let i = 1; i < n; i++) {
    const v = buf[i]!;
    let j = i - 1;
    while (j >= 0 && buf[j]! > v) {
      buf[j + 1] = buf[j]!;
      j--;
    }
    buf[j + 1] = v;
  }
  const cut = Math.floor(n / 4);
  let sum = 0;
  for (let i = cut; i < n - cut; i++) sum += buf[i]!;
  return sum / (n - 2 * cut);
}

/**
 * Hoare quickselect within buf[from..to]: puts the k-th smallest there at buf[k], smaller
 * ones left of it and larger ones right of it.
 */
function select(buf: Float64Array, from: number, to: number, k: number): number {
  let left = from;
  let right = to;
  while (right > left) {
    // Median-of-three pivot keeps sorted and reversed windows (common in cost series) linear.
    const mid = (left + right) >> 1;
    if (buf[mid]! < buf[left]!) swap(buf, mid, left);
    if (buf[right]! < buf[left]!) swap(buf, right, left);
    if (buf[right]! < buf[mid]!) swap(buf, right, mid);
    const pivot = buf[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (buf[i]! < pivot) i++;
      while (buf[j]! > pivot) j--;
      if (i <= j) {
        swap(buf, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return buf[k]!;
  }
  return buf[k]!;
}

function swap(buf: Float64Array, a: number, b: number): void {
  const t = buf[a]!;
  buf[a] = buf[b]!;
  buf[b] = t;
}
