/**
 * `penny project list|show|add|set|remove`: the projects registry from the command line. Whoever
 * runs the CLI has the database itself, so it needs no role.
 */
import { Command } from 'commander';
import { projectJson, projectView } from '../../answers/project-view';
import type { ProjectsAnswer } from '../../answers/types';
import type { Project } from '../../domain/project';
import { projectsText } from '../../console/text/admin-text';
import type { Core } from '../../composition';
import { EXIT, withCore, type CliIo } from '../runtime';

interface RuleOptions {
  owner: string;
  channel: string;
  account: string[];
  tag: string[];
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const BY = 'cli';

function print(io: CliIo, json: boolean | undefined, answer: ProjectsAnswer, projects: Project[], notes: string[] = []): void {
  if (json) io.out(`${JSON.stringify(answer.change?.action === 'removed' ? { removed: answer.change.name } : { projects: projects.map(projectJson), notes })}\n`);
  else io.out(`${projectsText(answer)}\n`);
}

function withRules(command: Command): Command {
  return command
    .requiredOption('--owner <id>', 'Slack user (U…) or user group (S…) id that owns it')
    .requiredOption('--channel <id>', 'Slack channel id (C…) for its alerts and reports')
    .option('--account <id-or-name>', 'a sub-account it owns (AWS account, GCP project, Azure subscription); repeatable', collect, [])
    .option('--tag <KEY=VALUE>', 'costs with this tag are its own; repeatable', collect, [])
    .option('--json', 'print JSON');
}

export function projectCommand(io: CliIo): Command {
  const run = (work: (core: Core) => Promise<void>) => withCore(io, async (core) => {
    await work(core);
    return EXIT.ok;
  });
  const sub = (cmd: Command) => cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  const project = new Command('project').description('Projects: who owns which costs, and where their alerts go');
  project.addCommand(sub(new Command('list').description('List the projects').option('--json', 'print JSON').action(async (o: { json?: boolean }) => io.exit(await run(async (core) => {
    const all = await core.projects.list();
    print(io, o.json, { kind: 'projects', projects: all.map(projectView), notes: [] }, all);
  })))));
  project.addCommand(sub(new Command('show').argument('<name>').description('Show one project').option('--json', 'print JSON').action(async (name: string, o: { json?: boolean }) => io.exit(await run(async (core) => {
    const one = await core.projects.get(name);
    print(io, o.json, { kind: 'projects', projects: [projectView(one)], notes: [] }, [one]);
  })))));
  project.addCommand(sub(withRules(new Command('add').argument('<name>').description('Add a project')).action(async (name: string, o: RuleOptions) => io.exit(await run(async (core) => {
    const { project: p, notes } = await core.projects.create(name, { owner: o.owner, channel: o.channel, accounts: o.account, tags: o.tag }, BY);
    print(io, o.json, { kind: 'projects', projects: [projectView(p)], change: { action: 'added', name: p.name }, notes }, [p], notes);
  })))));
  project.addCommand(sub(withRules(new Command('set').argument('<name>').description("Replace a project's owner, channel and rules")).action(async (name: string, o: RuleOptions) => io.exit(await run(async (core) => {
    const { project: p, notes } = await core.projects.update(name, { owner: o.owner, channel: o.channel, accounts: o.account, tags: o.tag }, BY);
    print(io, o.json, { kind: 'projects', projects: [projectView(p)], change: { action: 'updated', name: p.name }, notes }, [p], notes);
  })))));
  project.addCommand(sub(new Command('remove').argument('<name>').description('Remove a project').option('--json', 'print JSON').action(async (name: string, o: { json?: boolean }) => io.exit(await run(async (core) => {
    const removed = await core.projects.remove(name);
    print(io, o.json, { kind: 'projects', projects: [], change: { action: 'removed', name: removed.name }, notes: [] }, []);
  })))));
  return project;
}
