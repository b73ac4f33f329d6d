/**
 * The objects of one domain, from every file that names it, and the rules across entries: an extension
 * belongs to one object of all the kinds that own one; any other key is unique within its kind.
 */
import type { DesiredStateIssue } from '../errors';
import type { AnyKind, DesiredObject } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import { checkEntryValues, desiredObject } from './desired-object';
import { quoteValue } from '../util/escape';
import { at, dotted, yamlPath } from './positions';
import { type ExtensionRules, extensionProblem } from './reserved';
import type { LoadOptions, ParsedFile } from './types';

function sectionObjects(
  kind: AnyKind,
  domain: string,
  p: ParsedFile,
  section: unknown,
  list: DesiredObject[],
  options: LoadOptions,
  issues: DesiredStateIssue[],
): void {
  if (kind.shape === 'set') {
    if (list.length > 0) {
      issues.push({
        position: at(p, [kind.section], true),
        path: kind.section,
        message: `${kind.section} for ${domain} is already set in another file`,
        hint: `keep one \`${kind.section}:\` per domain`,
      });
      return;
    }
    const spec = { [kind.fields[0]?.name ?? 'numbers']: section };
    list.push(desiredObject(kind, domain, spec, p, [kind.section], options, issues));
  } else if (Array.isArray(section)) {
    section.forEach((entry, i) => {
      // Not a mapping, or a required field missing or refused: reported by the schema.
      if (!entry || typeof entry !== 'object') return;
      const raw = entry as Record<string, unknown>;
      if (kind.fields.some((f) => f.required && raw[f.name] === undefined)) {
        checkEntryValues(kind, raw, p, [kind.section, i], issues);
        return;
      }
      list.push(desiredObject(kind, domain, entry as Record<string, unknown>, p, [kind.section, i], options, issues));
    });
  }
}

export function collectObjects(
  domain: string,
  files: readonly ParsedFile[],
  registry: Registry,
  options: LoadOptions,
  issues: DesiredStateIssue[],
): Map<string, DesiredObject[]> {
  const objects = new Map<string, DesiredObject[]>();
  for (const p of files) {
    const value = p.value as Record<string, unknown>;
    for (const kind of registry.kinds) {
      const section = value[kind.section];
      if (section === undefined) continue;
      const list = objects.get(kind.name) ?? [];
      sectionObjects(kind, domain, p, section, list, options, issues);
      objects.set(kind.name, list);
    }
  }
  return objects;
}

const fileOf = (files: readonly ParsedFile[], obj: DesiredObject) =>
  files.find((f) => f.displayName === obj.source?.file) ?? files[0]!;

/** Unique extensions across all kinds that own one (`identity.ownsExtension`), in range, not reserved. */
export function checkExtensions(
  objects: ReadonlyMap<string, readonly DesiredObject[]>,
  files: readonly ParsedFile[],
  registry: Registry,
  rules: ExtensionRules,
  issues: DesiredStateIssue[],
): void {
  const seen = new Map<string, { file: ParsedFile; path: (string | number)[] }>();
  for (const [kindName, list] of objects) {
    if (!registry.get(kindName)?.identity.ownsExtension) continue;
    for (const obj of list) {
      const file = fileOf(files, obj);
      const path = [...yamlPath(obj.path ?? ''), 'extension'];
      const ext = obj.key;
      const first = seen.get(ext);
      if (first) {
        const pos = at(first.file, first.path);
        issues.push({
          position: at(file, path),
          path: dotted(path),
          message: `duplicate extension ${ext} (also at ${pos.file}:${pos.line}:${pos.column})`,
          hint: 'every user and ring group needs its own extension',
        });
      } else seen.set(ext, { file, path });
      const problem = extensionProblem(ext, rules);
      if (problem)
        issues.push({ position: at(file, path), path: dotted(path), message: problem, hint: 'pick another extension' });
    }
  }
}

/** Other list kinds: the identity (e.g. a contact's name + company) must be unique too. */
export function checkUniqueKeys(
  objects: ReadonlyMap<string, readonly DesiredObject[]>,
  files: readonly ParsedFile[],
  registry: Registry,
  issues: DesiredStateIssue[],
): void {
  for (const [kindName, list] of objects) {
    const kind = registry.get(kindName);
    if (kind?.shape !== 'list' || kind.identity.ownsExtension) continue;
    const seen = new Map<string, DesiredObject>();
    for (const obj of list) {
      const first = seen.get(obj.key);
      if (first) {
        issues.push({
          position: at(fileOf(files, obj), yamlPath(obj.path ?? '')),
          path: obj.path ?? '',
          message: `duplicate ${kind.title.toLowerCase()} ${quoteValue(obj.key)} (also at ${first.source?.file}:${first.source?.line}:${first.source?.column})`,
          hint: 'each entry must be unique; merge the two',
        });
      } else seen.set(obj.key, obj);
    }
  }
}
