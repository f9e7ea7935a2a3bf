/** A cloud sync's progress or result as terminal text. */
import { syncProgressLine, type SyncProgressAnswer } from '../../answers/sync-progress';
import { list, notes, sections } from './layout';

export function syncText(a: SyncProgressAnswer): string {
  const lines = a.sources.map((s) => [`• ${syncProgressLine(s)}`, ...s.problems.map((p) => `    ${p}`)].join('\n'));
  return sections([list('Cloud sync', lines), notes(['In Slack this runs the sync and keeps this message up to date; from the shell, use `penny sync`.'])]);
}
