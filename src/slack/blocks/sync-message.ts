/** The message a `/cost sync` posts and keeps updating: one line per source, then the result. */
import { syncDone, syncProgressLine, type SyncProgressAnswer } from '../../answers/sync-progress';
import { syncStatusLine } from '../../answers/sync-status';
import { context, esc, header, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

const MARK = { queued: ':hourglass_flowing_sand:', running: ':arrows_counterclockwise:', ok: ':white_check_mark:', partial: ':warning:', failed: ':x:' } as const;

export function syncProgressMessage(a: SyncProgressAnswer): SlackMessage {
  const done = syncDone(a);
  const blocks: KnownBlock[] = [header(done ? 'Cloud sync finished' : 'Syncing cloud costs…')];
  const lines = a.sources.map((s) => `${MARK[s.state]} ${esc(syncProgressLine(s))}${s.problems.map((p) => `\n    ${esc(p)}`).join('')}`);
  blocks.push(section(lines.join('\n')));
  const notes = [`Started by <@${a.requestedBy}>.`, ...(a.usage ?? []).filter((u) => u.requests).map((u) => esc(syncStatusLine(u)))];
  blocks.push(context(notes));
  const text = done ? `Cloud sync finished: ${a.sources.map((s) => `${s.source} ${s.state}`).join(', ')}.` : `Syncing ${a.sources.map((s) => s.source).join(', ')}…`;
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}
