import { reportCsv, reportJson, reportRowCount } from '../../../src/services/present/presenters';
import { answer } from './answer-fixtures';

describe('reportCsv', () => {
  it('writes exact decimal amounts with RFC 4180 quoting and CRLF line ends', () => {
    const a = answer({ groupBy: 'service', rows: [['ec2', '1234.5678901', 'USD', 'Amazon EC2, "classic"'], ['tiny', '0.000000001', 'USD', 'Line\nbreak']] });
    expect(reportCsv(a)).toBe(
      'key,label,currency,cost\r\n' +
        'ec2,"Amazon EC2, ""classic""",USD,1234.5678901\r\n' +
        'tiny,"Line\nbreak",USD,0.000000001\r\n',
    );
  });

  it('adds previous cost and change, including services that vanished', () => {
    const a = answer({ groupBy: 'service', rows: [['ec2', '150'], ['new', '5']], previous: [['ec2', '100'], ['gone', '20']] });
    expect(reportCsv(a).split('\r\n')).toEqual([
      'key,label,currency,cost,previous_cost,change_pct',
      'ec2,ec2,USD,150,100,50.00',
      'new,new,USD,5,0,',
      'gone,gone,USD,0,20,-100.00',
      '',
    ]);
    expect(reportRowCount(a)).toBe(3);
  });

  it('keeps currencies on their own rows and neutralises spreadsheet formulas', () => {
    const a = answer({ groupBy: 'tag:team', rows: [['=cmd', '1', 'USD'], ['data', '2', 'EUR']] });
    expect(reportCsv(a)).toBe("key,label,currency,cost\r\ndata,data,EUR,2\r\n'=cmd,'=cmd,USD,1\r\n");
  });

  it('writes only the header when there are no costs', () => {
    expect(reportCsv(answer({ groupBy: 'service', rows: [] }))).toBe('key,label,currency,cost\r\n');
  });
});

describe('reportJson', () => {
  it('carries the same content with exact decimal strings', () => {
    const a = answer({
      groupBy: 'service',
      rows: [['ec2', '0.1'], ['ec2', '0.2']],
      previous: [['ec2', '0.3']],
      applied: [{ dim: 'provider', input: 'aws', matched: ['AWS'] }],
    });
    const json = JSON.parse(reportJson(a));
    expect(json).toEqual({
      period: 'October 2026',
      from: '2026-10-01',
      to: '2026-10-31',
      metric: 'billed',
      groupBy: 'service',
      totals: [{ currency: 'USD', total: '0.3' }],
      rows: [{ key: 'ec2', label: 'ec2', currency: 'USD', cost: '0.3', previousCost: '0.3', changePct: '0.00' }],
      previous: { period: 'previous month', from: '2026-09-01', to: '2026-09-30', totals: [{ currency: 'USD', total: '0.3' }] },
      filters: [{ dim: 'provider', input: 'aws', matched: ['AWS'] }],
    });
  });
});
