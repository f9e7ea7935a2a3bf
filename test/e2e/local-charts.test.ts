/**
 * CHART_RENDERER=local: charts are drawn in-process and uploaded to Slack, never sent to a
 * third-party chart service.
 */
import { blockText, useE2E } from './harness';

const app = useE2E({ env: { CHART_RENDERER: 'local' } });

it('uploads a PNG next to a public answer, and to the DM for a private one; no quickchart URLs', async () => {
  const pub = await app().cost('summary last month public', { channel: 'CPUB' });
  expect(blockText(pub.answer)).not.toMatch(/quickchart/);
  const publicUpload = await app().api.waitFor('files.completeUploadExternal', (c) => c.body.channel_id === 'CPUB', 20_000);
  expect(publicUpload).toBeDefined();
  const png = app().api.uploads.at(-1)!;
  expect(png.firstBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  const priv = await app().cost('daily 2024-09', { channel: 'CPRIV' });
  expect(blockText(priv.answer)).toMatch(/in your direct messages with Penny/);
  await app().api.waitFor('files.completeUploadExternal', (c) => c.body.channel_id === 'D2', 20_000);
});
