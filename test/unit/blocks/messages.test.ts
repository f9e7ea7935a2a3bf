import { digestStatus } from '../../../src/answers/digest-status';
import {
  comingLaterMessage, compareMessage, dailyMessage, digestMessage, digestStatusMessage, errorMessage, helpMessage, homeView, reportMessage,
  summaryMessage, topMessage, type KnownBlock, type SlackMessage,
} from '../../../src/slack/blocks';
import { presentSummary } from '../../../src/services/present/presenters';
import { blocksProblems, messageProblems, SLACK_LIMITS } from '../../fakes/fake-slack-api';
import { answer, NO_DATA } from '../present/answer-fixtures';
import * as views from './sample-views';

type Json = Record<string, unknown>;
const blocksOf = (m: { blocks: KnownBlock[] }) => m.blocks as unknown as Json[];
const ofType = (m: { blocks: KnownBlock[] }, type: string) => blocksOf(m).filter((b) => b.type === type);
const buttons = (m: { blocks: KnownBlock[] }) => ofType(m, 'actions').flatMap((b) => b.elements as Json[]);
const allText = (m: SlackMessage) => JSON.stringify(m.blocks);

function expectValid(message: SlackMessage): void {
  expect(messageProblems(message as unknown as Json)).toEqual([]);
  expect(message.text.length).toBeGreaterThan(0);
}

describe('cost answers', () => {
  const cases: [string, () => SlackMessage][] = [
    ['summary', () => summaryMessage(views.summary(), views.URL_CHART)],
    ['top', () => topMessage(views.top(), views.PNG_CHART)],
    ['compare', () => compareMessage(views.compare(), views.URL_CHART)],
    ['daily', () => dailyMessage(views.daily())],
    ['digest', () => digestMessage(views.digest(), views.URL_CHART)],
  ];

  it.each(cases)('%s is valid Block Kit and matches its snapshot', (_name, build) => {
    const message = build();
    expectValid(message);
    expect(message).toMatchSnapshot();
  });

  it('puts a URL chart in an image block with alt text', () => {
    const [image] = ofType(summaryMessage(views.summary(), views.URL_CHART), 'image');
    expect(image).toMatchObject({ image_url: views.URL_CHART.url, alt_text: views.URL_CHART.altText });
  });

  it('leaves a PNG chart to the caller, saying it is attached', () => {
    const message = summaryMessage(views.summary(), views.PNG_CHART);
    expect(ofType(message, 'image')).toEqual([]);
    expect(allText(message)).toContain('Chart attached below.');
    expect(allText(summaryMessage(views.summary()))).not.toContain('Chart attached');
  });

  it('offers drill-downs whose values are the commands to run, filters included', () => {
    const summary = summaryMessage(views.summary());
    const [drill] = ofType(summary, 'actions');
    const ids = (drill!.elements as Json[]).map((e) => e.action_id);
    expect(ids).toEqual(['penny_drill_service', 'penny_drill_account', 'penny_drill_region', 'penny_drill_previous']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buttons(summary).map((b) => b.value)).toEqual([
      'top service last month provider:aws account:"prod east"',
      'top account last month provider:aws account:"prod east"',
      'top region last month provider:aws account:"prod east"',
      'summary 2026-09-01..2026-09-30 provider:aws account:"prod east"',
    ]);
  });

  it('does not offer the dim a top list already shows', () => {
    const ids = buttons(topMessage(views.top())).map((b) => b.action_id);
    expect(ids).toEqual(['penny_drill_service', 'penny_drill_region', 'penny_drill_previous']);
    expect(buttons(dailyMessage(views.daily())).map((b) => b.value)).toContain('daily 2026-11-07..2026-11-13');
  });

  it('gives the digest one button, to the month summary', () => {
    expect(buttons(digestMessage(views.digest()))).toEqual([expect.objectContaining({ action_id: 'penny_run_summary', value: 'summary this month' })]);
  });

  it('says so when there are no costs, without a $0.00 total or a list', () => {
    const empty = summaryMessage(presentSummary(answer({ groupBy: 'service', rows: [] }), NO_DATA, 'last month'));
    expectValid(empty);
    expect(empty.text).toBe('No costs recorded for October 2026.');
    expect(allText(empty)).toContain('No cost data yet');
    expect(allText(empty)).not.toContain('$0.00');
    expect(blocksOf(empty).some((b) => String(b.block_id).startsWith('penny_list'))).toBe(false);
    const withPrevious = summaryMessage(presentSummary(answer({ groupBy: 'service', rows: [], previous: [['ec2', '5']] }), NO_DATA, 'last month'));
    expect(buttons(withPrevious).map((b) => b.action_id)).toEqual(['penny_drill_previous']);
    expect(allText(withPrevious)).toContain('had $5.00');
  });

  it('names left-out currencies instead of adding them', () => {
    const mixed = presentSummary(answer({ groupBy: 'service', rows: [['ec2', '10', 'USD'], ['vm', '99', 'EUR']] }), NO_DATA, 'x');
    expect(allText(summaryMessage(mixed))).toContain('Shown in EUR only: 1 other currency (USD) left out');
  });
});

describe('home tab', () => {
  it('is a valid home view under 100 blocks, with the run buttons', () => {
    const view = homeView(views.home(), views.URL_CHART);
    expect(view.type).toBe('home');
    expect(blocksProblems('invalid_arguments', view.blocks, SLACK_LIMITS.viewBlocks, '/view/blocks')).toEqual([]);
    expect(buttons(view).map((b) => [b.action_id, b.value])).toEqual([
      ['penny_run_summary', 'summary this month'],
      ['penny_run_daily', 'daily 30d'],
      ['penny_run_top_service', 'top service this month'],
      ['penny_run_digest_settings', 'digest settings'],
    ]);
    expect(view).toMatchSnapshot();
  });

  it('welcomes an empty workspace with how to load data', () => {
    const empty = { ...views.home(), empty: true, freshness: NO_DATA };
    const text = JSON.stringify(homeView(empty).blocks);
    expect(text).toContain('No cost data yet');
    expect(text).toContain('npm run demo');
    expect(text).not.toContain('to date*');
  });
});

describe('short messages', () => {
  it('helps with the closest command when it did not understand', () => {
    const message = helpMessage({ kind: 'help', unknownText: 'tpo service', closest: '/cost top service' });
    expectValid(message);
    expect(message.text).toBe("I didn't understand “tpo service”. Did you mean /cost top service?");
    expect(message).toMatchSnapshot();
  });

  it.each(['anomalies', 'budget', 'forecast', 'recommend', 'simulate', 'sync'] as const)('says %s is not set up yet, with no numbers', (feature) => {
    const message = comingLaterMessage(feature);
    expectValid(message);
    expect(message.text).toMatch(/not set up yet\.$/);
    expect(allText(message)).not.toMatch(/[$€£]\s?\d|\d+\s?%/);
  });

  it('shows errors as a short sentence, escaped', () => {
    const message = errorMessage('I don\'t see any account called "<prod>".');
    expectValid(message);
    expect(allText(message)).toContain('&lt;prod&gt;');
  });

  it('describes a report file', () => {
    const message = reportMessage({ periodLabel: 'October 2026', format: 'csv', filename: 'penny-monthly.csv', rows: 42 });
    expectValid(message);
    expect(message).toMatchSnapshot();
    expect(allText(reportMessage({ periodLabel: 'x', format: 'json', filename: 'f.json', rows: 0 }))).toContain('no costs');
  });

  it('shows the digest status with the next run in the reader’s time zone', () => {
    const on = digestStatusMessage(digestStatus({ channel: 'C1ABC', subscribed: true, time: '09:00', timeZone: 'Europe/Berlin', nextRun: '2026-11-21T08:00:00.000Z' }));
    expectValid(on);
    expect(allText(on)).toContain('<!date^1795248000^{date_short_pretty} at {time}|2026-11-21 08:00 UTC>');
    expect(on.text).toBe('The daily cost digest is on for <#C1ABC> at 09:00 (Europe/Berlin). Next one: 2026-11-21 08:00 UTC.');
    const off = digestStatusMessage(digestStatus({ channel: 'D123', subscribed: false }));
    expect(off.text).toBe('There is no daily cost digest in this conversation.');
    expect(buttons(off)[0]).toMatchObject({ action_id: 'penny_run_digest_settings' });
  });
});
