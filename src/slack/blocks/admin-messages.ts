/** Admin answers as Slack messages: the projects registry, scheduled reports, polite refusals. */
import { ownsText } from '../../answers/project-view';
import type { ProjectsAnswer, ProjectView, ReportScheduleAnswer } from '../../answers/types';
import { context, esc, header, ownerMention, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

function projectLine(p: ProjectView): string {
  return `*${esc(p.name)}* · owner ${ownerMention(p.owner)} · alerts in <#${p.channel}>\n${esc(ownsText(p))}`;
}

const EMPTY = 'No projects yet. Admins add one with `/cost project add NAME account:ID tag:KEY=VALUE`; it then works as a filter (`project:NAME`) and a grouping (`/cost top project`).';

export function projectsMessage(a: ProjectsAnswer): SlackMessage {
  const blocks: KnownBlock[] = [];
  let text: string;
  if (a.change?.action === 'removed') {
    text = `Project ${a.change.name} removed.`;
    blocks.push(section(`:wastebasket: Project *${esc(a.change.name)}* removed. Its costs count as "(no project)" now.`));
  } else if (a.change) {
    text = `Project ${a.change.name} ${a.change.action}.`;
    blocks.push(section(`:white_check_mark: Project ${a.change.action}.`));
    for (const p of a.projects) blocks.push(section(projectLine(p)));
  } else {
    text = a.projects.length === 0 ? 'No projects yet.' : `${a.projects.length} ${a.projects.length === 1 ? 'project' : 'projects'}`;
    blocks.push(header('Projects'));
    if (a.projects.length === 0) blocks.push(section(EMPTY));
    for (const p of a.projects.slice(0, LIMITS.messageBlocks - 3)) blocks.push(section(projectLine(p)));
    if (a.projects.length > LIMITS.messageBlocks - 3) blocks.push(context([`…and ${a.projects.length - (LIMITS.messageBlocks - 3)} more.`]));
  }
  if (a.notes.length > 0) blocks.push(context(a.notes.map(esc)));
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

export function reportScheduleMessage(a: ReportScheduleAnswer): SlackMessage {
  const blocks: KnownBlock[] = [];
  const c = a.change;
  const text = c ? `The ${c.cadence} report ${c.action === 'scheduled' ? 'now goes' : 'no longer goes'} to #${c.channel}.` : `${a.schedules.length} scheduled ${a.schedules.length === 1 ? 'report' : 'reports'}`;
  if (c) blocks.push(section(`:calendar: The ${c.cadence} report ${c.action === 'scheduled' ? 'now goes' : 'no longer goes'} to <#${c.channel}>.`));
  else blocks.push(header('Scheduled reports'));
  const lines = a.schedules.map((s) => `• ${s.cadence === 'weekly' ? 'Weekly' : 'Monthly'} report to <#${s.channel}> as ${s.format.toUpperCase()}`);
  if (!c || lines.length > 0) blocks.push(section(lines.length > 0 ? lines.join('\n') : 'No reports are scheduled. Finance users and admins add one with `/cost report weekly schedule`.'));
  blocks.push(context([a.when]));
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

export function refusedMessage(message: string): SlackMessage {
  return enforceLimits({ text: message, blocks: [section(`:lock: ${esc(message)}`)] }, { maxBlocks: LIMITS.messageBlocks });
}
