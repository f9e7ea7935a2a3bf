import { DemoCostSource } from '../../../src/sources/demo/demo-source';

async function currencies(source: DemoCostSource): Promise<Set<string>> {
  const seen = new Set<string>();
  for await (const batch of source.fetch({ start: '2026-11-01', end: '2026-11-03' })) for (const r of batch) seen.add(r.currency);
  return seen;
}

describe('DemoCostSource', () => {
  it('labels its made-up amounts in the currency it is given (PENNY_CURRENCY in the app)', async () => {
    expect(await currencies(new DemoCostSource('2026-11-20', {}, 'EUR'))).toEqual(new Set(['EUR']));
  });

  it('uses US dollars when given none, like an unset PENNY_CURRENCY', async () => {
    expect(await currencies(new DemoCostSource('2026-11-20'))).toEqual(new Set(['USD']));
  });
});
