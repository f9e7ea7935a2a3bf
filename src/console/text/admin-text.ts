/** Admin answers as terminal text: the projects registry, scheduled reports, refusals. */
import { ownsText } from '../../answers/project-view';
import type { ProjectsAnswer, ProjectView, ReportScheduleAnswer } from '../../answers/types';
import { notes, sections, title } from './layout';

function projectLine(p: ProjectView): string {
  return `${p.name}  owner ${p.owner}, alerts in ${p.channel}\n  ${ownsText(p)}`;
}

export function projectsText(a: ProjectsAnswer): string {
  if (a.change?.action === 'removed') return `Project ${a.change.name} removed.`;
  const body = a.projects.length === 0 ? 'No projects yet. Add one with `/cost project add NAME account:ID tag:KEY=VALUE`.' : a.projects.map(projectLine).join('\n');
  return sections([a.change ? `Project ${a.change.action}.` : title('Projects'), body, notes(a.notes)]);
}

export function reportScheduleText(a: ReportScheduleAnswer): string {
  const c = a.change;
  const head = c ? `The ${c.cadence} report ${c.action === 'scheduled' ? 'now goes' : 'no longer goes'} to ${c.channel}.` : title('Scheduled reports');
  const lines = a.schedules.map((s) => `${s.cadence === 'weekly' ? 'Weekly' : 'Monthly'} report to ${s.channel} as ${s.format.toUpperCase()}`);
  return sections([head, lines.length > 0 ? lines.join('\n') : c ? '' : 'No reports are scheduled.', notes([a.when])]);
}

export function refusedText(message: string): string {
  return `🔒 ${message}`;
}
