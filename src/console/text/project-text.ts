/** The projects registry and refusals as terminal text. */
import { ownsText } from '../../answers/project-view';
import type { ProjectsAnswer, ProjectView } from '../../answers/types';
import { notes, sections, title } from './layout';

function projectLine(p: ProjectView): string {
  return `${p.name}  owner ${p.owner}, alerts in ${p.channel}\n  ${ownsText(p)}`;
}

export function projectsText(a: ProjectsAnswer): string {
  if (a.change?.action === 'removed') return `Project ${a.change.name} removed.`;
  const body = a.projects.length === 0 ? 'No projects yet. Add one with `/cost project add NAME account:ID tag:KEY=VALUE`.' : a.projects.map(projectLine).join('\n');
  return sections([a.change ? `Project ${a.change.action}.` : title('Projects'), body, notes(a.notes)]);
}

export function refusedText(message: string): string {
  return `🔒 ${message}`;
}
