/**
 * CHART_RENDERER=local: charts are drawn in-process and uploaded to Slack, never sent to a
 * third-party chart service.
 */
import { blockText, startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ env: { CHART_RENDERER: 'local' } });
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
});

it('uploads a PNG next to a public answer, and to the DM for a private one; no quickchart URLs', async () => {
  const pub = await e2e.cost('summary last month public', { channel: 'CPUB' });
  expect(blockText(pub.answer)).not.toMatch(/quickchart/);
  const publicUpload = await e2e.api.waitFor('files.completeUploadExternal', (c) => c.body.channel_id === 'CPUB', 20_000);
  expect(publicUpload).toBeDefined();
  const png = e2e.api.uploads.at(-1)!;
  expect(png.firstBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  const priv = await e2e.cost('daily 2024-09', { channel: 'CPRIV' });
  expect(blockText(priv.answer)).toMatch(/in your direct messages with Penny/);
  await e2e.api.waitFor('files.completeUploadExternal', (c) => c.body.channel_id === 'D2', 20_000);
});
