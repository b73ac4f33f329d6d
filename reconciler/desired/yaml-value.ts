/**
 * YAML document → plain value, with bounds on aliases. A fleet file may share an anchor across thousands of
 * entries (`<<: *defaults`, `voicemail: *vm`), so the yaml library's default (100) is far too low; an alias
 * bomb (anchors of anchors, each expanding nine-fold) is still refused, by the library's alias heuristic
 * and by counting the values the aliases expand to.
 */
import type { Document } from 'yaml';
import { lazyYaml } from '../util/lazy-modules';

/** Tags whose values are plain JSON (a `!!binary` or `!!set` has no place in a desired-state file). */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
import type { DesiredStateIssue, SourcePosition } from '../errors';
import { escapeControl } from '../util/escape';

/** yaml's `maxAliasCount` (uses × nested aliases per anchor): 100 users × 1 anchor is 100. */
export const MAX_ALIAS_COUNT = 1_000_000;
/** Values after expanding aliases: a 10,000-user fleet file has some 400,000. */
export const MAX_EXPANDED_VALUES = 5_000_000;

/** Counts the values of a plain value, shared (aliased) subtrees once per use; stops past `limit`. */
function expandedSize(value: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length && n <= limit) {
    const v = stack.pop();
    n++;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return n;
}

export function documentValue(
  doc: Document.Parsed,
  where: SourcePosition,
  linePos: (offset: number) => { line: number; column: number },
  issues: DesiredStateIssue[],
): unknown | undefined {
  const { isCollection, isNode, visit } = lazyYaml();
  let odd: { at: SourcePosition; message: string } | undefined;
  const found = (node: unknown, message: string) => {
    const offset = (node as { range?: [number, number] }).range?.[0] ?? 0;
    odd = { at: { ...where, ...linePos(offset) }, message };
    return visit.BREAK;
  };
  visit(doc, {
    Pair: (_, pair) =>
      isCollection(pair.key) ? found(pair.key, 'a key must be a plain name, not a list or mapping') : undefined,
    Alias: (_, alias) =>
      alias.resolve(doc)
        ? undefined
        : found(
            alias,
            `the alias *${escapeControl(alias.source)} has no anchor &${escapeControl(alias.source)} before it`,
          ),
    Node: (_, node) =>
      isNode(node) && node.tag && !PLAIN_TAGS.has(node.tag)
        ? found(node, `the YAML tag ${escapeControl(node.tag.slice(0, 60))} is not supported here`)
        : undefined,
  });
  if (odd) {
    issues.push({
      position: odd.at,
      path: '',
      message: odd.message,
      hint: 'write plain strings, numbers, lists and mappings',
    });
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = (err as Error).message ?? '';
    issues.push(
      /Excessive alias/.test(msg)
        ? {
            position: where,
            path: '',
            message: `YAML aliases expand past ${MAX_ALIAS_COUNT.toLocaleString('en-US')} uses (anchors nested inside anchors?)`,
            hint: 'write the repeated values out, or use fewer nested anchors',
          }
        : { position: where, path: '', message: `cannot read the YAML: ${msg.split('\n')[0]}` },
    );
    return undefined;
  }
  if (expandedSize(value, MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES) {
    issues.push({
      position: where,
      path: '',
      message: `YAML aliases expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values`,
      hint: 'write the repeated values out, or use fewer nested anchors',
    });
    return undefined;
  }
  return value;
}
