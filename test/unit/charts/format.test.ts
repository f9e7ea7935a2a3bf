import {
  axisFractionDigits,
  compactNumberFormat,
  formatAxisLabels,
  formatCompactCurrency,
  formatCurrency,
  knownCurrency,
  labelUnit,
  shortenLabels,
  shortenText,
} from '../../../src/charts/format';

describe('axis labels', () => {
  it('shortens days to "Nov 3"', () => {
    expect(formatAxisLabels(['2026-11-03', '2026-11-04', '2026-12-31'])).toEqual(['Nov 3', 'Nov 4', 'Dec 31']);
  });

  it('adds a short year when days span years', () => {
    expect(formatAxisLabels(['2026-12-31', '2027-01-01'])).toEqual(["Dec 31 '26", "Jan 1 '27"]);
  });

  it('names months, with the year only when it changes across the range', () => {
    expect(formatAxisLabels(['2026-09', '2026-10', '2026-11'])).toEqual(['Sep', 'Oct', 'Nov']);
    expect(formatAxisLabels(['2026-12', '2027-01'])).toEqual(['Dec 2026', 'Jan 2027']);
  });

  it('leaves names and mixed or invalid labels alone', () => {
    expect(formatAxisLabels(['EC2', 'S3'])).toEqual(['EC2', 'S3']);
    expect(formatAxisLabels(['2026-11-03', 'total'])).toEqual(['2026-11-03', 'total']);
    expect(formatAxisLabels(['2026-13'])).toEqual(['2026-13']);
    expect(labelUnit([])).toBeUndefined();
  });
});

describe('currency', () => {
  it('formats compact currency for axis ticks', () => {
    expect(formatCompactCurrency(1234, 'USD')).toBe('$1.2K');
    expect(formatCompactCurrency(500, 'USD')).toBe('$500');
    expect(formatCompactCurrency(0, 'USD')).toBe('$0');
    expect(formatCompactCurrency(2_500_000, 'eur')).toBe('€2.5M');
    expect(formatCompactCurrency(0.25, 'USD', 2)).toBe('$0.25');
  });

  it('falls back gracefully for unknown or malformed codes', () => {
    expect(formatCompactCurrency(1234, 'XYZ')).toMatch(/^XYZ\s1\.2K$/);
    expect(knownCurrency('US$')).toBeUndefined();
    expect(formatCompactCurrency(1234, 'US$')).toBe('1.2K');
    expect(compactNumberFormat('US$', 1)).not.toHaveProperty('currency');
    expect(formatCurrency(1234.5, 'US$')).toBe('1,234.5 US$');
    expect(formatCurrency(1234.5, '')).toBe('1,234.5');
  });

  it('formats full amounts for prose', () => {
    expect(formatCurrency(12345.678, 'USD')).toBe('$12,345.68');
  });

  it('uses cents on the axis only when every value is below one unit', () => {
    expect(axisFractionDigits(0.8)).toBe(2);
    expect(axisFractionDigits(80)).toBe(1);
  });

  it('sets minimumFractionDigits so Chart.js cannot push it above the maximum', () => {
    const options = compactNumberFormat('USD', 1);
    // Chart.js merges its own digits first, then ours on top (Object.assign).
    const merged = { minimumFractionDigits: 3, maximumFractionDigits: 3, ...options };
    expect(() => new Intl.NumberFormat('en-US', merged).format(0.125)).not.toThrow();
  });
});

describe('shortened names', () => {
  it('cuts a long name at a word, with an ellipsis, and leaves short ones alone', () => {
    // 34 characters; the last space within 29 is after "Database".
    expect(shortenText('Amazon Relational Database Service', 30)).toBe('Amazon Relational Database…');
    expect(shortenText('Amazon Simple Storage Service', 30)).toBe('Amazon Simple Storage Service'); // 29
    expect(shortenText('x'.repeat(40), 10)).toBe('xxxxxxxxx…'); // no word boundary: the word is cut
    expect(shortenText('Billing: a very long explanation', 12)).toBe('Billing: a…');
  });

  it('keeps the ends of names that would shorten alike', () => {
    const labels = ['Amazon Elastic Compute Cloud - Linux Reserved Hosts', 'Amazon Elastic Compute Cloud - Windows Hosts', 'Other'];
    expect(shortenLabels(labels, 30)).toEqual(['Amazon Elastic…Reserved Hosts', 'Amazon Elastic…Windows Hosts', 'Other']);
  });

  it('keeps names whole when even their ends read alike', () => {
    const labels = ['Amazon Elastic Compute Cloud Linux instance hours', 'Amazon Elastic Compute Cloud Windows instance hours'];
    expect(shortenLabels(labels, 30)).toEqual(labels);
  });

  it('shortens the same name the same way when it repeats', () => {
    expect(shortenLabels(['Amazon Relational Database Service', 'Amazon Relational Database Service'], 30)).toEqual([
      'Amazon Relational Database…',
      'Amazon Relational Database…',
    ]);
  });
});
