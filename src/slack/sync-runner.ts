/**
 * `/cost sync` in Slack: post one message to the channel, keep it up to date while the sync runs
 * (at most every few seconds: Slack rate-limits chat.update), and end it with the result. The sync
 * itself is the same service `penny sync` and the daily job use.
 */
import type { WebClient } from '@slack/web-api';
import type { SyncProgressAnswer, SyncSourceProgress } from '../answers/sync-progress';
import type { SourceSyncStatus } from '../answers/types';
import type { Logger } from '../ports/logger';
import type { SyncProgress, SyncReport } from '../services/cloud-sync';
import { syncProgressMessage } from './blocks';

/** What the Slack face needs of the cloud sync (main.ts binds it to the core's service and sources). */
export interface CloudSyncRunner {
  run(sources: readonly string[], onProgress: (p: SyncProgress) => void): Promise<SyncReport>;
  status(sources: readonly string[]): Promise<SourceSyncStatus[]>;
}

const UPDATE_EVERY_MS = 3_000;

export async function runSyncInSlack(
  client: WebClient,
  deps: { sync: CloudSyncRunner; logger: Logger },
  where: { channel: string },
  start: SyncProgressAnswer,
): Promise<SyncProgressAnswer> {
  const answer: SyncProgressAnswer = { ...start, sources: start.sources.map((s) => ({ ...s })) };
  const first = syncProgressMessage(answer);
  const posted = await client.chat.postMessage({ channel: where.channel, text: first.text, blocks: first.blocks });
  const update = async () => {
    if (!posted.ts) return;
    const message = syncProgressMessage(answer);
    await client.chat.update({ channel: where.channel, ts: posted.ts, text: message.text, blocks: message.blocks }).catch((error: unknown) => {
      deps.logger.warn({ err: error, channel: where.channel }, 'could not update the sync message');
    });
  };
  let last = Date.now();
  const sources = answer.sources.map((s) => s.source);
  try {
    const report = await deps.sync.run(sources, (p) => {
      Object.assign(find(answer, p.source), { state: 'running', from: p.from, to: p.to, daysDone: p.daysDone, daysTotal: p.daysTotal, rows: p.rows, requests: p.requests });
      if (Date.now() - last < UPDATE_EVERY_MS) return;
      last = Date.now();
      void update();
    });
    for (const run of report.runs) {
      Object.assign(find(answer, run.source), {
        state: run.status, from: run.from, to: run.to, rows: run.rows, requests: run.requests,
        problems: run.errors.filter((e) => !e.recovered).map((e) => e.message),
      });
    }
    answer.usage = await deps.sync.status(sources).catch(() => undefined);
  } catch (error) {
    deps.logger.error({ err: error, sources }, 'cloud sync from Slack failed');
    for (const s of answer.sources) if (s.state === 'queued' || s.state === 'running') Object.assign(s, { state: 'failed', problems: ['The sync stopped before it finished; the log has the details. Run it again in a minute.'] });
  }
  await update();
  return answer;
}

function find(answer: SyncProgressAnswer, source: string): SyncSourceProgress {
  return answer.sources.find((s) => s.source === source) ?? answer.sources[0]!;
}
