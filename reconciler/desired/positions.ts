/** Source positions (file:line:column) of YAML paths, for every message the loader reports. */
import type { Node as YamlNode } from 'yaml';
import { lazyYaml } from '../util/lazy-modules';
import type { DesiredStateIssue, SourcePosition } from '../errors';
import type { PosNode } from './fast-yaml';
import type { ParsedFile } from './types';

const lineStartsOf = new WeakMap<PosNode, number[]>();

/** The same as `at` from the fast reader's offsets (the library's rules: a sequence index may be a numeric string). */
function treeAt(p: ParsedFile, root: PosNode, path: readonly (string | number)[], key: boolean): SourcePosition {
  let node = root;
  let n = 0;
  for (; n < path.length; n++) {
    const seg = path[n] as string | number;
    const child = node.keys
      ? typeof seg === 'string'
        ? node.c?.[node.keys.indexOf(seg)]
        : undefined
      : node.c?.[itemIndex(seg)];
    if (!child) break;
    node = child;
  }
  const offset = key && n === path.length && n > 0 && node.k !== undefined ? node.k : node.o;
  let starts = lineStartsOf.get(root);
  if (!starts) {
    starts = [0];
    for (let i = p.text.indexOf('\n'); i >= 0; i = p.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsOf.set(root, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file: p.displayName, line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

function itemIndex(seg: string | number): number {
  const n = typeof seg === 'string' ? Number(seg) : seg;
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

export function sortIssues(issues: DesiredStateIssue[]): DesiredStateIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.position?.file ?? '').localeCompare(b.position?.file ?? '') ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/** Source position of the node at a path (or its nearest existing ancestor). */
export function at(p: ParsedFile, path: readonly (string | number)[], key = false): SourcePosition {
  if (p.tree) return treeAt(p, p.tree, path, key);
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = (sub.length === 0 ? p.doc.contents : p.doc.getIn(sub, true)) as YamlNode | undefined;
    if (node?.range) {
      let offset = node.range[0];
      if (key && n === path.length && n > 0) {
        // Point at the key rather than the value when reporting the key itself.
        const parent = (n === 1 ? p.doc.contents : p.doc.getIn(sub.slice(0, -1), true)) as YamlNode | undefined;
        if (parent && lazyYaml().isMap(parent)) {
          const pair = parent.items.find((it) => (it.key as { value?: unknown })?.value === sub[sub.length - 1]);
          const k = pair?.key as YamlNode | undefined;
          if (k?.range) offset = k.range[0];
        }
      }
      const pos = p.lines.linePos(offset);
      return { file: p.displayName, line: pos.line, column: pos.col };
    }
  }
  return { file: p.displayName, line: 1, column: 1 };
}

export function dotted(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** `users[3].extension` → ['users', 3, 'extension'] (a desired object's `path`, back into a YAML path). */
export function yamlPath(dottedPath: string): (string | number)[] {
  return dottedPath
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
