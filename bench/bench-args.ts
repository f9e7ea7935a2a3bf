/** The command line of `npm run bench`. */
export interface BenchArgs {
  only: Set<string>;
  rows: number;
  cePageGroups: number;
  watchdogSeries: number;
  watchdogAccounts: number;
}

const ALL = ['p1', 'p2', 'p3', 'api', 'recommend', 'p5', 'ask', 'watchdog'];

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { only: new Set(ALL), rows: 1_000_000, cePageGroups: 1000, watchdogSeries: 2000, watchdogAccounts: 150 };
  const whole = (flag: string, min: number, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be a whole number of at least ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--only') args.only = new Set(argv[++i]!.split(',').map((s) => s.trim()).filter(Boolean));
    else if (flag === '--rows') args.rows = whole(flag, 1000, argv[++i]);
    else if (flag === '--ce-page-groups') args.cePageGroups = whole(flag, 1, argv[++i]);
    else if (flag === '--watchdog-series') args.watchdogSeries = whole(flag, 100, argv[++i]);
    else if (flag === '--watchdog-accounts') args.watchdogAccounts = whole(flag, 10, argv[++i]);
    else throw new Error(`unknown option ${flag}`);
  }
  return args;
}
