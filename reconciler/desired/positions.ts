/** Source positions (file:line:column) of YAML paths, for every message the loader reports. */
import { isMap, type Node as YamlNode } from 'yaml';
import type { DesiredStateIssue, SourcePosition } from '../errors';
import type { ParsedFile } from './types';

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
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = (sub.length === 0 ? p.doc.contents : p.doc.getIn(sub, true)) as YamlNode | undefined;
    if (node?.range) {
      let offset = node.range[0];
      if (key && n === path.length && n > 0) {
        // Point at the key rather than the value when reporting the key itself.
        const parent = (n === 1 ? p.doc.contents : p.doc.getIn(sub.slice(0, -1), true)) as YamlNode | undefined;
        if (parent && isMap(parent)) {
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
