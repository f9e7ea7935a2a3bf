/**
 * The architecture holds: no folder of src imports another in a loop, every import follows the
 * layer table (eslint.layers.cjs), and `npm run lint` fails on a wrong-way import.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative, resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAYERS } = require('../../../eslint.layers.cjs') as { LAYERS: Record<string, string[]> };

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** "slack" for src/slack/app.ts, "main" for src/main.ts (or `./main.js` in a dynamic import). */
function layerOf(path: string): string {
  const [first = ''] = relative(SRC, path).split('/');
  return first.replace(/\.(ts|js)$/, '');
}

/** Folder-level import edges, read from the source text (relative imports only). */
function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const spec = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const file of tsFiles(SRC)) {
    const from = layerOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(spec)) {
      const to = layerOf(normalize(join(dirname(file), m[1] ?? m[2]!)));
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the import graph of src', () => {
  const edges = folderEdges();

  it('reads real edges (the reader itself works)', () => {
    expect(edges.get('slack')?.has('commands')).toBe(true);
    expect(edges.get('composition')?.has('store')).toBe(true);
  });

  it('has no loop between folders', () => {
    expect(findCycle(edges)).toBeUndefined();
    // And the finder does find one when there is one.
    expect(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('follows the layer table: every folder imports only what it may', () => {
    const wrong: string[] = [];
    for (const [from, tos] of edges) {
      expect(LAYERS[from]).toBeDefined(); // a new folder needs a place in the table
      for (const to of tos) if (!LAYERS[from]!.includes(to)) wrong.push(`${from} -> ${to}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('npm run lint', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'penny-lint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Lints fixture files laid out like src/ with the project's own config; returns the rule hits per file. */
  function lint(files: Record<string, string>): Record<string, string[]> {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bin = join(ROOT, 'node_modules/.bin/eslint');
    let out: string;
    try {
      out = execFileSync(bin, ['-c', join(ROOT, 'eslint.config.mjs'), '--format', 'json', ...Object.keys(files)], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout: string }).stdout; // eslint exits 1 when it finds errors
    }
    const results = JSON.parse(out) as { filePath: string; messages: { ruleId: string | null }[] }[];
    return Object.fromEntries(results.map((r) => [relative(dir, r.filePath), r.messages.map((m) => m.ruleId ?? 'parse-error')]));
  }

  it('fails on a wrong-way import and passes the right way round', () => {
    const use = (spec: string, name: string) => `import { ${name} } from '${spec}';\nexport const used = ${name};\n`;
    const hits = lint({
      'src/services/bad-store.ts': use('../store/connection', 'connectMongo'),
      'src/domain/bad-port.ts': use('../ports/clock', 'systemClock'),
      'src/jobs/bad-slack.ts': use('../slack/blocks', 'digestMessage'),
      'src/slack/bad-store.ts': use('../store/mongo-cost-store', 'MongoCostStore'),
      'src/answers/bad-service.ts': use('../services/cost-answers', 'clipToData'),
      'src/console/bad-face.ts': use('../slack/blocks', 'answerMessage'),
      'src/services/bad-sdk.ts': use('mongoose', 'model'),
      'src/slack/good.ts': use('../services/cost-answers', 'clipToData'),
      'src/jobs/good.ts': use('../ports/scheduler', 'x'),
    });
    expect(Object.keys(hits).sort()).toHaveLength(9);
    for (const bad of Object.keys(hits).filter((f) => f.includes('bad-'))) expect([bad, hits[bad]]).toEqual([bad, ['no-restricted-imports']]);
    expect(hits['src/slack/good.ts']).toEqual([]);
    expect(hits['src/jobs/good.ts']).toEqual([]);
  });
});
