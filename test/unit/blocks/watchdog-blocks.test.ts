/** The watchdog's Slack builders: content, buttons, and Slack's limits with long inputs. */
import { alertMessage, budgetModal, budgetStatusMessage, forecastMessage, validateBudgetForm } from '../../../src/slack/blocks';
import { homeWatchdogBlocks, digestWatchdogBlocks } from '../../../src/slack/blocks/watchdog-sections';
import { messageProblems } from '../../fakes/fake-slack-api';
import { anomaly, anomalyAlert, budgetLine, D, forecast } from './watchdog-fixtures';

const text = (x: unknown) => JSON.stringify(x);

describe('alert message', () => {
  it('says what happened, shows the drivers, the buttons and who pressed what', () => {
    const m = alertMessage(anomalyAlert({ feedback: [{ user: 'U2', action: 'snooze', at: '2026-03-15T08:00:00Z', until: '2026-03-22' }] }));
    expect(m.text).toBe('Spike in AWS · Amazon EC2 · Mar 14: $950.00 against $150.00 expected: +$800.00 (+533%)');
    expect(text(m)).toContain('prod (account) +$800.00');
    expect(text(m)).toContain('<@U2> snoozed this series until Mar 22');
    const buttons = m.blocks.filter((b) => b.type === 'actions').flatMap((b) => ('elements' in b ? b.elements : []));
    expect(buttons.map((b) => ('action_id' in b ? [b.action_id, (b as { value?: string }).value] : []))).toEqual([
      ['penny_alert_expected', anomaly().id], ['penny_alert_unexpected', anomaly().id], ['penny_alert_snooze', anomaly().id],
    ]);
  });

  it('a retracted alert is struck through, without buttons', () => {
    const m = alertMessage(anomalyAlert({ status: 'retracted' }));
    expect(m.text.startsWith('Retracted: ')).toBe(true);
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('stays inside Slack limits with many drivers and much feedback', () => {
    const drivers = Array.from({ length: 200 }, (_, i) => ({ dimension: 'service', key: `s${i}`, label: `Service ${'x'.repeat(80)} ${i}`, actual: 2n * D, expected: D, impact: D }));
    const feedback = Array.from({ length: 40 }, (_, i) => ({ user: `U${i}`, action: 'expected' as const, at: '2026-03-15T08:00:00Z' }));
    const m = alertMessage(anomalyAlert({ drivers, feedback, scopeText: 'y'.repeat(400) }));
    expect(messageProblems(m as never)).toEqual([]);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
  });

  it("a project channel's copy names the project and mentions its owner, a user or a user group", () => {
    const plain = alertMessage(anomalyAlert());
    const one = alertMessage({ ...anomalyAlert(), owners: [{ project: 'data-platform', owner: 'U123' }] });
    expect(one.text).toBe(`<@U123> ${plain.text}`);
    expect(one.blocks[0]).toEqual(plain.blocks[0]);
    expect(one.blocks[1]).toMatchObject({ type: 'section', text: { text: ':dart: For project *data-platform*: <@U123>' } });
    expect(one.blocks.slice(2)).toEqual(plain.blocks.slice(1));
    const two = alertMessage({ ...anomalyAlert(), owners: [{ project: 'a<b', owner: 'U1' }, { project: 'ml', owner: 'S9' }] });
    expect(two.text.startsWith('<@U1> <!subteam^S9> ')).toBe(true);
    expect(text(two.blocks[1])).toContain('For projects *a&lt;b* (<@U1>), *ml* (<!subteam^S9>)');
    expect(text(plain)).not.toContain('For project');
    expect(messageProblems(two as never)).toEqual([]);
  });

  it('a budget alert names the threshold and the burn', () => {
    const m = alertMessage({ kind: 'alert', subject: 'budget', alertKey: 'budget:x', budget: budgetLine(), crossing: { kind: 'forecast', threshold: 100 }, currency: 'USD' });
    expect(m.text).toBe('Budget aws is forecast to reach 100% of its budget: $400.00 of $1,000.00 (40%) · forecast $1,240.00 · projected to run out Mar 25');
  });
});

describe('forecast and budget messages', () => {
  it('the forecast shows the range, the quarter and the backtest accuracy', () => {
    const m = forecastMessage(forecast());
    expect(m.text).toBe('March 2026 is forecast at $3,100.00 (80% range $2,900.00 – $3,400.00).');
    expect(text(m)).toContain('within ±3.9% in 4 of 5 cases over the last 3 months');
    expect(text(m)).toContain('Q1 2026 forecast');
  });

  it('budgets list with an Edit button each and the create button', () => {
    const m = budgetStatusMessage({ kind: 'budget-status', asOf: '2026-03-15', currency: 'USD', budgets: [budgetLine(), budgetLine({ name: 'Q1 total', breached: true, breachDay: '2026-03-02' })], actions: [] });
    expect(text(m)).toContain('$400.00 of $1,000.00 (40%) · forecast $1,240.00 · projected to run out Mar 25');
    expect(text(m)).toContain('exceeded on Mar 2');
    expect(text(m)).toContain('"action_id":"penny_budget_edit_q1_total","value":"Q1 total"');
    expect(text(m)).toContain('"action_id":"penny_budget_edit","value":""');
    expect(messageProblems(m as never)).toEqual([]);
  });
});

describe('budget modal', () => {
  const values = (over: Record<string, string> = {}) => {
    const v = { name: 'prod', amount: '1250.50', scope: 'provider aws', thresholds: '50, 90', forecast: '100', ...over };
    return {
      name: { name_input: { value: v.name } }, amount: { amount_input: { value: v.amount } }, scope: { scope_input: { value: v.scope } },
      thresholds: { thresholds_input: { value: v.thresholds } }, forecast: { forecast_input: { value: v.forecast } },
      period: { period_input: { selected_option: { value: 'quarter' } } },
    };
  };

  it('reads a valid form exactly', () => {
    expect(validateBudgetForm(values())).toEqual({ ok: true, budget: { name: 'prod', scope: { kind: 'provider', value: 'aws' }, period: 'quarter', amount: 1_250_500_000_000n, actualThresholds: [50, 90], forecastThresholds: [100] } });
  });

  it('puts each mistake on its field', () => {
    const result = validateBudgetForm(values({ name: ' ', amount: '12,5', scope: 'planet mars', thresholds: 'lots' }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(['amount', 'name', 'scope', 'thresholds']);
  });

  it('opens prefilled for an existing budget', () => {
    const view = budgetModal({ name: 'prod', scope: { kind: 'tag', key: 'team', value: 'data' }, period: 'year', amount: 10n * D, actualThresholds: [80], forecastThresholds: [] });
    expect(text(view)).toContain('"initial_value":"tag team=data"');
    expect(text(view)).toContain('"initial_value":"10"');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });
});

describe('Home and digest sections', () => {
  const summary = { asOf: '2026-03-15', currency: 'USD', forecast: { month: forecast().month, coverage: 0.8, accuracy: forecast().accuracy! }, budgets: [budgetLine()], anomalies: [anomaly()], moreAnomalies: 2 };

  it('the Home shows the forecast against budgets and recent anomalies, with buttons', () => {
    const blocks = text(homeWatchdogBlocks(summary));
    expect(blocks).toContain('*Forecast · March 2026*');
    expect(blocks).toContain('*aws* (provider aws): $400.00 of $1,000.00 (40%)');
    expect(blocks).toContain('Spike · AWS · Amazon EC2 · Mar 14 · +$800.00 (+533%) (high)');
    expect(blocks).toContain('…and 2 more');
    expect(blocks).toContain('penny_run_forecast');
  });

  it('the digest gains one section: forecast and open anomalies', () => {
    const blocks = digestWatchdogBlocks(summary);
    expect(blocks).toHaveLength(1);
    expect(text(blocks)).toContain('*3 open anomalies:*');
    expect(text(digestWatchdogBlocks({ ...summary, anomalies: [], moreAnomalies: 0 }))).toContain('No open anomalies.');
  });
});
