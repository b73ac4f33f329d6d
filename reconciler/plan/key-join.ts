/**
 * The desired and live objects of one kind, side by side by key, in `compareKeys` order. PURE.
 * Most lists arrive in key order already (files list extensions in order, reads sort them): those are
 * merged as they are, with no map or set of keys built per kind (issue 15: 10,000 users per plan).
 */
import { compareKeys } from '../util/compare-keys';

interface Keyed {
  readonly key: string;
}

/**
 * Calls `visit` once per key of either list, keys in `compareKeys` order (ties between different keys in the
 * order they are first listed, wanted first), with the object of each side that has the key — the last one
 * when a list gives a key twice, as a `Map` built from the list keeps it — and `context`. A caller that
 * passes one function and what it needs as `context` (not a new closure per call) keeps V8's optimised loop:
 * a new closure each call threw it away, call after call (issue 15).
 */
export function joinByKey<D extends Keyed, L extends Keyed, C = undefined>(
  wanted: readonly D[],
  had: readonly L[],
  visit: Visit<D, L, C>,
  context?: C,
): void {
  if (mergeable(wanted, had)) merge(wanted, had, visit, context as C);
  else joinByMap(wanted, had, visit, context as C);
}

type Visit<D, L, C> = (key: string, d: D | undefined, l: L | undefined, context: C) => void;

/** Each list strictly in order, and no two different keys that compare equal across the lists. */
function mergeable(a: readonly Keyed[], b: readonly Keyed[]): boolean {
  if (!strictlyOrdered(a) || !strictlyOrdered(b)) return false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = (a[i] as Keyed).key;
    const y = (b[j] as Keyed).key;
    const c = compareKeys(x, y);
    if (c === 0 && x !== y) return false;
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  return true;
}

function strictlyOrdered(list: readonly Keyed[]): boolean {
  for (let i = 1; i < list.length; i++)
    if (compareKeys((list[i - 1] as Keyed).key, (list[i] as Keyed).key) >= 0) return false;
  return true;
}

function merge<D extends Keyed, L extends Keyed, C>(
  wanted: readonly D[],
  had: readonly L[],
  visit: Visit<D, L, C>,
  context: C,
): void {
  let i = 0;
  let j = 0;
  while (i < wanted.length || j < had.length) {
    const d = wanted[i];
    const l = had[j];
    const c = d === undefined ? 1 : l === undefined ? -1 : compareKeys(d.key, l.key);
    if (c < 0) {
      visit((d as D).key, d, undefined, context);
      i++;
    } else if (c > 0) {
      visit((l as L).key, undefined, l, context);
      j++;
    } else {
      visit((d as D).key, d, l, context);
      i++;
      j++;
    }
  }
}

/** Any lists: a map per side, the keys of both sorted (a stable sort: ties keep their first-listed order). */
function joinByMap<D extends Keyed, L extends Keyed, C>(
  wanted: readonly D[],
  had: readonly L[],
  visit: Visit<D, L, C>,
  context: C,
): void {
  const want = new Map(wanted.map((d) => [d.key, d] as const));
  const have = new Map(had.map((l) => [l.key, l] as const));
  const keys = [...new Set([...want.keys(), ...have.keys()])];
  for (let i = 1; i < keys.length; i++)
    if (compareKeys(keys[i - 1] as string, keys[i] as string) > 0) {
      keys.sort(compareKeys);
      break;
    }
  for (const key of keys) visit(key, want.get(key), have.get(key), context);
}
