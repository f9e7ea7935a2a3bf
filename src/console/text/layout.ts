/**
 * Plain terminal layout for answers: titles underlined, facts in two columns, lists, follow-ups
 * with the command each runs, notes indented. No ANSI colours: output is often piped or captured.
 */
import type { FollowUp } from '../../answers/follow-up';

export const WIDTH = 80;

export function title(text: string): string {
  return `${text}\n${'='.repeat(Math.min(Math.max(text.length, 1), WIDTH))}`;
}

/** Label over value, two facts a row (left, right, left, right), as Slack lays out fields. */
export function facts(cells: readonly (readonly [string, string])[]): string {
  const col = Math.floor((WIDTH - 2) / 2);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const left = cells[i]!;
    const right = cells[i + 1];
    rows.push(`${left[0].padEnd(col)}  ${right?.[0] ?? ''}`.trimEnd());
    rows.push(`${left[1].padEnd(col)}  ${right?.[1] ?? ''}`.trimEnd());
  }
  return rows.join('\n');
}

export function list(heading: string, lines: readonly string[], more?: string): string {
  return [heading, ...lines, ...(more ? [more] : [])].join('\n');
}

/** "Next:" and each follow-up with the /cost command it runs. */
export function followUps(actions: readonly FollowUp[]): string {
  if (actions.length === 0) return '';
  const width = Math.max(...actions.map((a) => a.label.length));
  return ['Next:', ...actions.map((a) => `  ${a.label.padEnd(width)}  /cost ${a.command}`)].join('\n');
}

export function notes(lines: readonly string[]): string {
  return lines.filter((l) => l !== '').map((l) => `  ${l}`).join('\n');
}

/** Sections separated by blank lines; empty sections are left out. */
export function sections(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');
}
