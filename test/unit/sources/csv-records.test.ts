import { csvRecords, splitRecord, type CsvProblem } from '../../../src/sources/focus/csv-records';

async function read(text: string): Promise<{ records: [number, string[]][]; problems: CsvProblem[] }> {
  const problems: CsvProblem[] = [];
  async function* lines() {
    for (const l of text.split('\n')) yield l;
  }
  const records: [number, string[]][] = [];
  for await (const r of csvRecords(lines(), (p) => problems.push(p))) records.push([r.line, r.fields]);
  return { records, problems };
}

describe('splitRecord', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c,', ['a', '', 'c', '']],
    ['"a,1",b', ['a,1', 'b']],
    ['"{""k"": ""v""}",x', ['{"k": "v"}', 'x']],
    ['"",""', ['', '']],
    ['x,"y"', ['x', 'y']],
    ['ab"c,d', ['ab"c', 'd']],
    ['"line1\nline2",z', ['line1\nline2', 'z']],
  ])('%j', (text, fields) => expect(splitRecord(text)).toEqual(fields));

  it('explains broken quotes', () => {
    expect(splitRecord('a,"5"x,6')).toBe('a quote is not followed by a comma or the end of the line');
    expect(splitRecord('a,"open')).toBe('a quoted field is never closed');
  });
});

describe('csvRecords', () => {
  it('joins quoted fields across lines and reports the first line of each record', async () => {
    const { records } = await read('h1,h2\r\n1,"two\nlines"\n3,4\n');
    expect(records).toEqual([[1, ['h1', 'h2']], [2, ['1', 'two\nlines']], [4, ['3', '4']]]);
  });

  it('loses only the broken line and keeps reading', async () => {
    const { records, problems } = await read('a,b,c\n1,2,3\n4,"5"x,6\n7,8,9\n10,"never closed,11\n12,13,14\n');
    expect(records.map((r) => r[0])).toEqual([1, 2, 4, 6]);
    expect(problems).toEqual([
      { line: 3, message: 'a quote is not followed by a comma or the end of the line' },
      { line: 5, message: 'a quoted field is never closed' },
    ]);
  });

  it('skips a BOM and blank lines', async () => {
    const { records } = await read('\ufeffa,b\n\n1,2\n\n');
    expect(records).toEqual([[1, ['a', 'b']], [3, ['1', '2']]]);
  });
});
