import { allNumbersSupported, numbersInText, unsupportedNumbers } from '../../../../src/services/ask';

describe('numbersInText', () => {
  it('finds money, percentages, dates and plain numbers, but not digits inside names', () => {
    const found = numbersInText('EC2 in us-east-1 cost $1,234.50 on 2024-09-18, up 12.5% (USD 3.00) from -$2.61; eastus2 had 7 items.');
    expect(found.map((n) => [n.kind, n.value])).toEqual([
      ['plain', '2024-09-18'], ['plain', '1'], ['money', '1234.50'], ['percent', '12.5'], ['money', '3.00'], ['money', '2.61'], ['plain', '7'],
    ]);
  });
});

describe('allNumbersSupported', () => {
  const result = {
    currency: 'USD',
    total: 1_234_500_000_000n,
    previousTotal: 1_000_000_000_000n,
    changePercent: 23.45,
    shareOfTotal: 12.34,
    query: { period: { label: 'September 2024', start: '2024-09-01', end: '2024-10-01', last: '2024-09-30' }, filters: { regions: ['us-east-1'] }, top: 5 },
    groups: [{ key: 'a', label: 'Route 53', cost: 2_610_000_000n }],
  };

  it('accepts amounts as displayed, their sizes without sign, percentages and numbers found in the result', () => {
    expect(allNumbersSupported('Costs for September 2024 (2024-09-01 to 2024-09-30): $1,234.50, up $234.50 (12.3%) from $1,000.00.', { ...result, change: 234_500_000_000n })).toBe(true);
    expect(allNumbersSupported('Top 5 in us-east-1: Route 53 at -$2.61', result)).toBe(true);
  });

  it('rejects a number the result does not hold: a rounded amount, an invented percentage, a stray date', () => {
    expect(unsupportedNumbers('About $1,235 in total', result).map((n) => n.text)).toEqual(['$1,235']);
    expect(unsupportedNumbers('up 25% from last month', result).map((n) => n.text)).toEqual(['25%']);
    expect(unsupportedNumbers('as of 2024-10-02', result).map((n) => n.text)).toEqual(['2024-10-02']);
    expect(allNumbersSupported('Top 6 services', result)).toBe(false);
  });

  it('does not let the text vouch for itself', () => {
    expect(allNumbersSupported('$99.99', { currency: 'USD', text: '$99.99', total: 1n })).toBe(false);
  });
});
