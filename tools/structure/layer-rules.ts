/**
 * Rules over the import graph: no import cycles inside a layer, `reconciler/` is entered only through its
 * public index, and the emulator (a stand-in for the real platform) knows nothing of the reconciler.
 */
import type { ImportEdge } from './imports';
import { isTestPath, isTestSupport } from './source-files';

export interface Violation {
  rule: string;
  file: string;
  line: number;
  message: string;
  fix: string;
}

export const CYCLE_FOLDERS = ['reconciler', 'provider', 'gitops', 'emulator'];
export const RECONCILER = 'reconciler/';
export const RECONCILER_INDEX = 'reconciler/index.ts';
/**
 * The second public entry: the subset of the index the Terraform provider's resources load, so that a
 * provider start does not load the whole reconciler (issue 15). Only provider/ may import it.
 */
export const RECONCILER_PROVIDER_API = 'reconciler/provider-api.ts';

const under = (path: string, folder: string): boolean => path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);

/**
 * Import cycles between files of each folder (a folder absent from the graph has none). Every reference
 * counts, type-only ones included (they are marked), because a cycle of types is still two modules that
 * cannot be understood one without the other.
 */
export function importCycles(edges: readonly ImportEdge[], folders = CYCLE_FOLDERS): Violation[] {
  const out: Violation[] = [];
  for (const folder of folders) {
    const inside = edges.filter((e) => under(e.from, folder) && under(e.to, folder));
    for (const cycle of findCycles(inside)) {
      const first = cycle[0]!;
      const chain = cycle.map((e) => `${e.from}:${e.line}${e.typeOnly ? ' (type-only)' : ''}`).join(' → ');
      out.push({
        rule: 'import-cycle',
        file: first.from,
        line: first.line,
        message: `import cycle in ${folder}/: ${chain} → ${first.from}`,
        fix:
          'make the dependency point one way: move what both files need into a third module (types into a ' +
          'types file), or pass it in as a parameter',
      });
    }
  }
  return out;
}

/**
 * Cycles between the sub-folders of each folder (`reconciler/desired` ↔ `reconciler/plan`), from the
 * references of non-test files: the layers of a folder must point one way even when no two files form a cycle.
 */
export function folderCycles(edges: readonly ImportEdge[], folders = CYCLE_FOLDERS): Violation[] {
  const out: Violation[] = [];
  for (const folder of folders) {
    const layer = (path: string): string => path.split('/').slice(0, 2).join('/');
    const lifted = edges
      .filter((e) => under(e.from, folder) && under(e.to, folder) && !isTestPath(e.from) && !isTestSupport(e.from))
      .filter((e) => layer(e.from) !== layer(e.to))
      .map((e) => ({ ...e, file: e.from, from: layer(e.from), to: layer(e.to) }));
    for (const cycle of findCycles(lifted)) {
      const chain = cycle.map((e) => `${e.from}/ (${e.file}:${e.line}${e.typeOnly ? ', type-only' : ''})`);
      out.push({
        rule: 'folder-cycle',
        file: cycle[0]!.file,
        line: cycle[0]!.line,
        message: `folders import each other: ${chain.join(' → ')} → ${cycle[0]!.from}/`,
        fix:
          'decide which folder is the lower layer and move the code the lower one needs from the upper one ' +
          'down into it (or into a shared types module)',
      });
    }
  }
  return out;
}

/** One concrete cycle per strongly connected component of the graph (including self-imports). */
export function findCycles<E extends ImportEdge>(edges: readonly E[]): E[][] {
  const adjacency = new Map<string, E[]>();
  for (const e of edges) adjacency.set(e.from, [...(adjacency.get(e.from) ?? []), e]);
  const cycles: E[][] = [];
  for (const component of stronglyConnected(adjacency)) {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const selfLoop = (adjacency.get(start) ?? []).find((e) => e.to === start);
    if (component.length === 1 && !selfLoop) continue;
    cycles.push(selfLoop ? [selfLoop] : shortestCycle(start, adjacency, members));
  }
  return cycles.sort((a, b) => (a[0]!.from < b[0]!.from ? -1 : 1));
}

/** Tarjan's algorithm, iterative so a deep graph cannot overflow the stack. */
function stronglyConnected(adjacency: Map<string, ImportEdge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const nodes = new Set<string>();
  for (const [from, out] of adjacency) {
    nodes.add(from);
    for (const e of out) nodes.add(e.to);
  }
  for (const root of [...nodes].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = adjacency.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest path of edges from `start` back to itself, staying inside `members` (breadth-first). */
function shortestCycle<E extends ImportEdge>(start: string, adjacency: Map<string, E[]>, members: Set<string>): E[] {
  const via = new Map<string, E>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const e of adjacency.get(queue[i]!) ?? []) {
      if (!members.has(e.to) || via.has(e.to)) continue;
      via.set(e.to, e);
      if (e.to === start) {
        const path: E[] = [];
        for (let at: E | undefined = e; at; at = at.from === start ? undefined : via.get(at.from)) {
          path.unshift(at);
        }
        return path;
      }
      queue.push(e.to);
    }
  }
  return [];
}

/**
 * Files outside reconciler/ reach reconciler/ only through reconciler/index.ts, or (provider/ only) through
 * reconciler/provider-api.ts.
 */
export function reconcilerIndexOnly(edges: readonly ImportEdge[]): Violation[] {
  const sanctioned = (e: ImportEdge): boolean =>
    e.to === RECONCILER_INDEX || (e.to === RECONCILER_PROVIDER_API && under(e.from, 'provider'));
  const outside = edges
    .filter((e) => !under(e.from, 'reconciler') && under(e.to, 'reconciler') && !sanctioned(e))
    .map((e) => ({
      rule: 'reconciler-public-index',
      file: e.from,
      line: e.line,
      message:
        e.to === RECONCILER_PROVIDER_API
          ? `imports ${e.to} ('${e.specifier}'), the provider's entry of reconciler/, from outside provider/`
          : `imports ${e.to} ('${e.specifier}'), an internal path of reconciler/`,
      fix:
        `import it from the public index ${RECONCILER_INDEX} instead ` +
        `(export it there if it is missing)${isTestPath(e.from) ? ', or move this test beside its module in reconciler/' : ''}`,
    }));
  // Like the index, the provider's entry is for the outside: an internal module importing it is a cycle in waiting.
  const inside = edges
    .filter((e) => under(e.from, 'reconciler') && !isTestPath(e.from) && e.to === RECONCILER_PROVIDER_API)
    .map((e) => ({
      rule: 'reconciler-public-index',
      file: e.from,
      line: e.line,
      message: `imports ${e.to} ('${e.specifier}'), an entry of reconciler/ for the provider`,
      fix: 'import the module that defines the name instead',
    }));
  return [...outside, ...inside];
}

/** The emulator stands in for the platform: it imports nothing from reconciler/, not even the index. */
export function emulatorIndependent(edges: readonly ImportEdge[]): Violation[] {
  return edges
    .filter((e) => under(e.from, 'emulator') && under(e.to, 'reconciler'))
    .map((e) => ({
      rule: 'emulator-no-reconciler',
      file: e.from,
      line: e.line,
      message: `emulator imports ${e.to} ('${e.specifier}')`,
      fix:
        'the emulator must not share code with the reconciler it is used to test: keep its own copy of the ' +
        'platform facts (from vendor/netsapiens/openapi-v45.0.json) in emulator/',
    }));
}
