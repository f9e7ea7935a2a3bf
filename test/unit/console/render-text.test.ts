import { renderMessageText, renderViewText, stripMrkdwn } from '../../../src/console/render-text';
import { digestSettingsModal, summaryMessage, type KnownBlock } from '../../../src/slack/blocks';
import * as views from '../blocks/sample-views';

const blocks: KnownBlock[] = [
  { type: 'header', text: { type: 'plain_text', text: 'Cloud costs' } },
  { type: 'section', fields: [{ type: 'mrkdwn', text: '*Total*\n$10.00' }, { type: 'mrkdwn', text: '*vs before*\n▲ 5.0%' }] },
  { type: 'divider' },
  { type: 'image', image_url: 'https://q/chart', alt_text: 'Bar chart of services' },
  { type: 'actions', elements: [
    { type: 'button', text: { type: 'plain_text', text: 'By service' }, action_id: 'penny_drill_service', value: 'top service last month' },
    { type: 'button', text: { type: 'plain_text', text: 'By account' }, action_id: 'penny_drill_account', value: 'top account last month' },
  ] },
  { type: 'context', elements: [{ type: 'mrkdwn', text: 'Billed cost' }, { type: 'mrkdwn', text: '_Costs up to Nov 19_' }] },
];

describe('stripMrkdwn', () => {
  it('drops emphasis markers but keeps snake_case, arithmetic and code', () => {
    expect(stripMrkdwn('*Total* is _about_ ~gone~ now')).toBe('Total is about gone now');
    expect(stripMrkdwn('penny_drill_service and 2*3*4')).toBe('penny_drill_service and 2*3*4');
    expect(stripMrkdwn('run `*not bold*` here')).toBe('run `*not bold*` here');
  });

  it('keeps link labels, mentions and date fallbacks, then unescapes entities', () => {
    expect(stripMrkdwn('See <https://x.io/a?b=1|the docs> and <https://plain.io>')).toBe('See the docs and https://plain.io');
    expect(stripMrkdwn('in <#C123> for <@U42> <!here>')).toBe('in #C123 for @U42 @here');
    expect(stripMrkdwn('Next: <!date^1795248000^{date_short_pretty}|2026-11-21 08:00 UTC>.')).toBe('Next: 2026-11-21 08:00 UTC.');
    expect(stripMrkdwn('R&amp;D &lt;prod&gt;')).toBe('R&D <prod>');
  });
});

describe('renderMessageText', () => {
  it('renders every block kind as plain text', () => {
    expect(renderMessageText({ blocks }, { width: 40 })).toBe([
      'Cloud costs',
      '===========',
      '',
      `${'Total'.padEnd(20)}  vs before`,
      `${'$10.00'.padEnd(20)}  ▲ 5.0%`,
      '',
      '─'.repeat(40),
      '',
      '[chart: Bar chart of services]',
      '',
      'Buttons: [By service] [By account]',
      '  By service → /cost top service last month',
      '  By account → /cost top account last month',
      '',
      '  Billed cost',
      '  Costs up to Nov 19',
    ].join('\n'));
  });

  it('points at a saved chart instead of the alt text or "attached below"', () => {
    expect(renderMessageText({ blocks }, { chartPath: '/tmp/c.png' })).toContain('[chart: /tmp/c.png]');
    const png = renderMessageText(summaryMessage(views.summary(), views.PNG_CHART), { chartPath: '/out/chart.png' });
    expect(png).toContain('[chart: /out/chart.png]');
    expect(png).not.toContain('Chart attached below.');
  });

  it('reads a real summary: ranked lines without mrkdwn, filters and freshness as notes', () => {
    const text = renderMessageText(summaryMessage(views.summary()));
    expect(text).toContain('1. Amazon Elastic Compute Cloud — $1,523.46 · 52% · ▲ 8.8%');
    expect(text).toContain('  Filtered: provider “aws” → AWS; account “prod east” → prod-east (123456789012)');
    expect(text).toContain('Previous period → /cost summary 2026-09-01..2026-09-30 provider:aws account:"prod east"');
    expect(text).not.toMatch(/\*\$|<|&gt;/);
  });

  it('falls back to the message text when there are no blocks', () => {
    expect(renderMessageText({ text: '*Hello* <#C1>', blocks: [] })).toBe('Hello #C1');
  });
});

describe('renderViewText', () => {
  it('shows a modal with its title, inputs and buttons', () => {
    const text = renderViewText(digestSettingsModal({ channel: 'C1ABC', time: '09:00', timeZone: 'Europe/Berlin', providers: [] }));
    expect(text.split('\n').slice(0, 2)).toEqual(['Daily cost digest', '=================']);
    expect(text).toContain('Time of day: [time: 09:00]');
    expect(text).toContain('Time zone: [choose one: Europe/Berlin]');
    expect(text).toContain('Providers (optional): [choose: All providers]');
    expect(text).toContain('to #C1ABC.');
    expect(text.endsWith('[Cancel] [Save]')).toBe(true);
  });

  it('shows the Home tab as its blocks', () => {
    expect(renderViewText({ type: 'home', blocks })).toBe(renderMessageText({ blocks }));
  });
});
