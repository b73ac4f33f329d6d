import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * gitops/ is its own layer (issue 10): it reaches the core only through reconciler/index.ts, and its modules
 * import each other without cycles (type-only imports count too).
 */

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a file, resolved to repository paths (`gitops/x.ts`, `reconciler`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => {
    const target = normalize(join(dirname(file), m[1]));
    const candidates = [`${target}.ts`, join(target, 'index.ts')];
    const found = candidates.find((c) => existsSync(c));
    return relative(ROOT, found && !found.startsWith(join(ROOT, 'reconciler')) ? found : target);
  });
}

const files = sources(join(ROOT, 'gitops'));
const graph = new Map(files.map((f) => [relative(ROOT, f), importsOf(f)]));

describe('gitops/ layering', () => {
  it('imports the reconciler core only through its public index', () => {
    const outside = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !t.startsWith('gitops/') && t !== 'reconciler').map((t) => `${file} -> ${t}`),
    );
    expect(outside).toEqual([]);
    expect([...graph.values()].flat()).toContain('reconciler');
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (!state.has(next) && graph.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles).toEqual([]);
  });
});
