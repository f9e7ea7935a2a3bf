import { enforceLimits, homeView, summaryMessage, topMessage, type KnownBlock, type SlackMessage } from '../../../src/slack/blocks';
import { presentSummary, presentTop } from '../../../src/services/present/presenters';
import { blocksProblems, messageProblems, SLACK_LIMITS } from '../../fakes/fake-slack-api';
import { answer, FRESH, type Row } from '../present/answer-fixtures';
import * as views from './sample-views';

type Json = Record<string, unknown>;

const longName = (i: number) => `${String(i).padStart(3, '0')} ${'Very long service name with region and SKU details '.repeat(3)}`.slice(0, 100);
const manyServices: Row[] = Array.from({ length: 500 }, (_, i) => [`svc-${i}`, String(1000 - i), 'USD', longName(i)]);

function shownAndMore(message: SlackMessage): { shown: number; more: number } {
  const lines = (message.blocks as unknown as Json[])
    .filter((b) => String(b.block_id).startsWith('penny_list'))
    .flatMap((b) => String((b.text as Json).text).split('\n'));
  const more = lines.map((l) => /^_…and (\d+) more/.exec(l)?.[1]).find((x) => x !== undefined);
  return { shown: lines.filter((l) => /^\d+\. /.test(l)).length, more: Number(more ?? 0) };
}

describe('enforceLimits in the builders', () => {
  it('trims a 500-item list of 100-character names to fit, counting what it left out', () => {
    const view = presentTop(answer({ groupBy: 'service', rows: manyServices }), 'service', FRESH, 'last month', 500);
    const message = topMessage(view, views.URL_CHART);
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    const { shown, more } = shownAndMore(message);
    expect(shown).toBeGreaterThan(10);
    expect(shown + more).toBe(500);
  });

  it('keeps the summary short with 500 services', () => {
    const message = summaryMessage(presentSummary(answer({ groupBy: 'service', rows: manyServices }), FRESH, 'last month'));
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    expect(shownAndMore(message)).toEqual({ shown: 5, more: 495 });
  });

  it('survives long filters: notes are cut, buttons whose command would not fit are left out', () => {
    const applied = Array.from({ length: 40 }, (_, i) => ({ dim: 'service', input: `service ${i} ${'x'.repeat(300)}`, matched: ['y'.repeat(300)] }));
    const message = summaryMessage(presentSummary(answer({ groupBy: 'service', rows: manyServices.slice(0, 20), applied }), FRESH, 'last month'));
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    const actions = (message.blocks as unknown as Json[]).filter((b) => b.type === 'actions');
    for (const block of actions) for (const el of block.elements as Json[]) expect(String(el.value).length).toBeLessThanOrEqual(2000);
  });

  it('keeps a huge Home tab under 100 blocks', () => {
    const home = { ...views.home(), digest: Array.from({ length: 400 }, (_, i) => ({ channel: `C${1000 + i}`, time: '09:00', timeZone: 'Europe/Berlin' })) };
    const view = homeView(home);
    expect(blocksProblems('invalid_arguments', view.blocks, SLACK_LIMITS.viewBlocks, '/view/blocks')).toEqual([]);
  });
});

describe('enforceLimits', () => {
  const section = (text: string, blockId?: string): KnownBlock => ({ type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text } });

  it('drops blocks past the maximum, keeping the header and the final actions', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } },
      ...Array.from({ length: 80 }, (_, i) => section(`para ${i}`)),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(100) }, action_id: 'a', value: 'v' }] },
    ];
    const out = enforceLimits({ text: 't'.repeat(5000), blocks }, { maxBlocks: 50 });
    expect(out.blocks).toHaveLength(50);
    expect(out.blocks[0]!.type).toBe('header');
    expect(out.blocks.at(-1)!.type).toBe('actions');
    expect(out.text.length).toBeLessThanOrEqual(3000);
    expect(messageProblems(out as unknown as Json)).toEqual([]);
    expect(blocks).toHaveLength(82); // the input is left alone
  });

  it('folds a list split over many sections into "…and N more" instead of cutting blocks blindly', () => {
    const items = Array.from({ length: 60 }, (_, i) => section(`${i + 1}. item ${i}`, `penny_list_x_${i}`));
    const out = enforceLimits({ text: 'x', blocks: items }, { maxBlocks: 10 });
    expect(out.blocks).toHaveLength(10);
    expect(shownAndMore(out)).toEqual({ shown: 10, more: 50 });
  });

  it('trims an over-long list section line by line', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. ${'n'.repeat(40)}`);
    const out = enforceLimits({ text: 'x', blocks: [section(['*Top*', ...lines].join('\n'), 'penny_list_top_0')] }, { maxBlocks: 50 });
    const text = String(((out.blocks[0] as unknown as Json).text as Json).text);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.startsWith('*Top*\n1. ')).toBe(true);
    const { shown, more } = shownAndMore(out);
    expect(shown + more).toBe(200);
  });

  it('replaces an image whose URL Slack would refuse', () => {
    const out = enforceLimits({ text: 'x', blocks: [{ type: 'image', image_url: `https://x/${'a'.repeat(3100)}`, alt_text: 'chart' }] }, { maxBlocks: 50 });
    expect(out.blocks[0]!.type).toBe('context');
  });
});
