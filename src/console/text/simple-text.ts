/** Help, features not set up yet, errors and report files as terminal text. */
import { FILTER_HELP, HELP_LINES, MEANWHILE, notReadyText, PERIOD_HELP, ROUNDING_NOTE } from '../../answers/help-text';
import type { HelpAnswer, NotReadyAnswer, ReportAnswer } from '../../answers/types';
import { list, notes, sections, title } from './layout';

export function helpText(a: HelpAnswer): string {
  const intro = a.unknownText !== undefined ? `I didn't understand “${a.unknownText}”.${a.closest ? ` Did you mean \`${a.closest}\`?` : ''}` : title('Penny · cloud cost answers');
  return sections([intro, list('What you can ask', HELP_LINES), notes([FILTER_HELP]), notes([PERIOD_HELP, ROUNDING_NOTE])]);
}

export function notReadyTextOf(a: NotReadyAnswer): string {
  const { headline, detail } = notReadyText(a.feature);
  return sections([`${headline}\n${detail}`, notes([MEANWHILE])]);
}

export function errorText(message: string): string {
  return sections([`⚠ ${message}`, notes(['Type `/cost help` to see what Penny can answer.'])]);
}

export function reportText(a: ReportAnswer, savedPath?: string): string {
  const kind = a.format === 'csv' ? 'CSV' : 'JSON';
  const rows = a.rows === 0 ? 'There were no costs in that period, so the file holds no rows.' : `${a.rows} ${a.rows === 1 ? 'row' : 'rows'}: the totals, then costs by provider, service and account (and project), each with the previous period; amounts are exact decimals, not rounded.`;
  return sections([`Cost report for ${a.periodLabel} as ${kind}${savedPath ? `: ${savedPath}` : `: ${a.filename}`}`, notes([rows])]);
}
