import { budgetFromFields, parseBudgetScopeArg } from '../../../../src/domain/budget/budget-fields';

const NAMES = { amount: '"amount"', period: '"period"' };
const read = (fields: Partial<Parameters<typeof budgetFromFields>[0]>) => budgetFromFields({ name: 'b', amount: '1', ...fields }, NAMES);

describe('budgetFromFields', () => {
  it('reads the amount exactly, with the defaults filled in', () => {
    expect(read({ amount: '1250.123456789' })).toEqual({
      name: 'b', amount: 1_250_123_456_789n, period: 'month', scope: { kind: 'total' }, actualThresholds: [50, 80, 100], forecastThresholds: [100],
    });
    expect(read({ amount: ' 5000 ', period: 'Quarter', scope: 'service:Amazon Elastic Compute Cloud' })).toMatchObject({
      amount: 5_000_000_000_000n, period: 'quarter', scope: { kind: 'service', value: 'Amazon Elastic Compute Cloud' },
    });
  });

  it.each([
    [{ amount: 'lots' }, '"amount" takes a number such as 5000 or 1250.50, not "lots".'],
    [{ amount: '1e3' }, '"amount" takes a number such as 5000 or 1250.50, not "1e3".'],
    [{ amount: '5,000' }, '"amount" takes a number such as 5000 or 1250.50, not "5,000".'],
    [{ amount: '0.0000000001' }, "That budget doesn't work: the amount has more than 9 decimal places."],
    [{ amount: '-5' }, "That budget doesn't work: the amount must be more than zero."],
    [{ period: 'week' }, '"period" takes month, quarter or year, not "week".'],
    [{ scope: 'team data' }, 'I can\'t read the scope "team data"'],
    [{ actualThresholds: [0] }, 'a threshold must be a percentage above 0 and at most 1000, not 0'],
  ])('%j is refused: %s', (fields, message) => {
    expect(() => read(fields)).toThrow(message);
    try {
      read(fields);
    } catch (error) {
      expect((error as { code: string }).code).toBe('BUDGET_INVALID');
    }
  });
});

describe('parseBudgetScopeArg', () => {
  it.each([
    ['total', { kind: 'total' }],
    ['provider:aws', { kind: 'provider', value: 'aws' }],
    ['account:123456789012', { kind: 'account', value: '123456789012' }],
    ['tag:team=data', { kind: 'tag', key: 'team', value: 'data' }],
    ['provider gcp', { kind: 'provider', value: 'gcp' }],
  ])('reads %s', (text, scope) => {
    expect(parseBudgetScopeArg(text)).toEqual(scope);
  });
});
