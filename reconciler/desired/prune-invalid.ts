/**
 * After the schema check, the values it refused are taken out of the parsed document (each is already an
 * issue with file:line), so the later checks and the kinds only ever see values of the right shape — a
 * wrong type is a message, never an internal error — while the rest of the file is still checked (all
 * problems at once).
 */

function decode(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Removes the value at each JSON pointer: an object property is deleted; an entry of a list section
 * (`/users/3`, a kind of shape `list`) becomes null (skipped, positions of the others kept); any other list entry takes the whole
 * list with it (`/ring_groups/0/members/2` drops `members`, `/block_list/1` drops `block_list`).
 */
export function pruneInvalid(root: unknown, pointers: Iterable<string>, listSections: ReadonlySet<string>): void {
  for (const pointer of pointers) {
    let path = decode(pointer);
    if (path.length === 0) continue;
    for (;;) {
      const parent = valueAt(root, path.slice(0, -1));
      const isEntry = path.length === 2 && listSections.has(String(path[0]));
      if (Array.isArray(parent) && !isEntry) {
        path = path.slice(0, -1);
        continue;
      }
      const last = path[path.length - 1] as string;
      if (Array.isArray(parent)) parent[Number(last)] = null;
      else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
      break;
    }
  }
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}
