/** Short messages: help, features still to come, errors and the note that goes with a report file. */
import { FILTER_HELP, HELP_LINES, MEANWHILE, notReadyText, PERIOD_HELP, ROUNDING_NOTE } from '../../answers/help-text';
import type { HelpAnswer, LaterFeature, ReportAnswer } from '../../answers/types';
import { context, esc, header, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

function limited(text: string, blocks: KnownBlock[]): SlackMessage {
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

export function helpMessage(v: HelpAnswer): SlackMessage {
  const blocks: KnownBlock[] = [];
  let text = 'Penny answers questions about your cloud costs.';
  if (v.unknownText !== undefined) {
    const guess = v.closest ? ` Did you mean \`${esc(v.closest)}\`?` : '';
    text = `I didn't understand “${v.unknownText}”.${v.closest ? ` Did you mean ${v.closest}?` : ''}`;
    blocks.push(section(`I didn't understand “${esc(v.unknownText)}”.${guess}`));
  } else {
    blocks.push(header('Penny · cloud cost answers'));
  }
  blocks.push(section(`*What you can ask*\n${HELP_LINES.join('\n')}`));
  blocks.push(context([FILTER_HELP]));
  blocks.push(context([PERIOD_HELP, ROUNDING_NOTE]));
  return limited(text, blocks);
}

/** Honest about what is missing: no sample numbers, only what it will do. */
export function comingLaterMessage(feature: LaterFeature): SlackMessage {
  const { headline, detail } = notReadyText(feature);
  return limited(headline, [section(`*${headline}*\n${detail}`), context([MEANWHILE])]);
}

/** A short sentence the person can act on; the details are in the log, never pasted here. */
export function errorMessage(userText: string): SlackMessage {
  return limited(userText, [section(`:warning: ${esc(userText)}`), context(['Type `/cost help` to see what Penny can answer.'])]);
}

export function reportMessage(info: Pick<ReportAnswer, 'periodLabel' | 'format' | 'filename' | 'rows'>): SlackMessage {
  const kind = info.format === 'csv' ? 'CSV' : 'JSON';
  const rows = info.rows === 0
    ? 'There were no costs in that period, so the file holds no rows.'
    : `${info.rows} ${info.rows === 1 ? 'row' : 'rows'}: the totals, then costs by provider, service and account (and project), each with the previous period; amounts are exact decimals, not rounded.`;
  const text = `Cost report for ${info.periodLabel} (${kind}): ${info.filename}`;
  return limited(text, [section(`:page_facing_up: Cost report for *${esc(info.periodLabel)}* as ${kind}: \`${esc(info.filename)}\``), context([rows])]);
}
