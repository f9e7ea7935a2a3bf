/**
 * The ask evaluation's checks of forecast, budget, anomaly and recommendation answers, against the
 * oracle lines where an independent sum exists: a forecast's spend so far is the lines' sum from
 * the period's start to the day before today; an anomaly's actual is its scope's usage that day.
 * Budgets: the evaluation sets none, so the answer must say how to set one.
 */
import type { AnomalyView } from '../../src/answers/watchdog';
import type { AskAnswer } from '../../src/services/ask';
import { oracleTotal, type ExpectedFilters, type Line } from './ask-oracle';
import type { AmountsEqual, ExpectAnswer } from './ask-eval';

export function laterProblems(e: ExpectAnswer, reply: AskAnswer, asOf: string, lines: Line[], same: AmountsEqual): string[] {
  const d = reply.details;
  if (!reply.available || !d || d.kind !== e.kind) return [`no ${e.kind} answer: ${reply.text.split('\n')[0]}`];
  switch (d.kind) {
    case 'forecast': {
      const end = e.period[1] < asOf ? e.period[1] : asOf;
      const soFar = e.period[0] < end ? oracleTotal(lines, { range: [e.period[0], end], filters: e.filters ?? {}, metric: 'billed' }) : 0n;
      const f = d.forecast.estimate;
      const problems: string[] = [];
      if (!same(f.actualToDate, soFar)) problems.push(`spent so far: got ${f.actualToDate} nanos, oracle ${soFar}`);
      if (reply.total !== f.forecast || f.low > f.forecast || f.forecast > f.high) problems.push(`forecast ${f.forecast} outside its own range ${f.low}–${f.high}, or not the total`);
      return problems;
    }
    case 'budget':
      return d.status.budgets.length === 0 && reply.text.startsWith('No budgets are set yet') ? [] : [`expected the no-budget sentence: ${reply.text}`];
    case 'anomalies':
      return d.anomalies.anomalies.flatMap((x) => {
        const usage = oracleTotal(lines, { range: [x.day, nextDay(x.day)], filters: { ...scopeFilters(x), chargeCategories: ['usage'] }, metric: 'billed' });
        const problems: string[] = [];
        if (!same(x.actual, usage)) problems.push(`anomaly ${x.id} on ${x.day}: actual ${x.actual}, oracle usage ${usage}`);
        if (x.impact !== x.actual - x.expected) problems.push(`anomaly ${x.id}: impact is not actual − expected`);
        return problems;
      });
    case 'recommendations': {
      const f = e.filters ?? {};
      return d.recommendations.items.flatMap((r) => {
        const s = r.scope;
        const outside = (list: string[] | undefined, v: string) => (list?.length ?? 0) > 0 && !list!.includes(v);
        return outside(f.providers, s.provider) || outside(f.accounts, s.account) || outside(f.services, s.service) || outside(f.regions, s.region)
          ? [`recommendation ${r.id} is outside the filters asked`] : [];
      });
    }
  }
}

function scopeFilters(x: AnomalyView): ExpectedFilters {
  const s = x.scope;
  return {
    ...(s.provider ? { providers: [s.provider] } : {}), ...(s.account ? { accounts: [s.account] } : {}), ...(s.service ? { services: [s.service] } : {}),
    ...(s.tag ? { tags: [`${s.tag.key}=${s.tag.value}`] } : {}),
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
