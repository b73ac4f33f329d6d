/**
 * YAML → DesiredState (docs/design.md §4, first stage). Reads a file or a directory of files, keeps source
 * positions, and reports ALL problems at once, each with file:line:column and the field path. No API call
 * is made here; a file that fails to load changes nothing. The kinds come from a registry (default: the
 * production one).
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { lazyYaml } from '../util/lazy-modules';
import { DesiredStateError, type DesiredStateIssue } from '../errors';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { checkExtensions, checkUniqueKeys, collectObjects } from './domain-objects';
import { readDomainSettings } from './domain-settings';
import { escapeControl } from '../util/escape';
import { checkDomainName } from './names';
import {
  applyScopeLabels,
  checkProfileUse,
  isFleetProfileFile,
  readDomainProfile,
  readFleetProfile,
} from './platform-section';
import { at, sortIssues } from './positions';
import { pruneInvalid } from './prune-invalid';
import { decodeSource, readSource } from './read-source';
import { schemaIssues } from './schema-issues';
import type { DesiredState, DomainDesiredState, LoadOptions, ParsedFile } from './types';
import { documentValue } from './yaml-value';
import { fastYaml } from './fast-yaml';
import type { PlatformProfile } from '../platform/profile';

export {
  DEFAULT_USER_OWNED,
  type DesiredState,
  type DomainDesiredState,
  type LoadOptions,
  type Policy,
} from './types';

/** Lists the YAML files of a path (a file, or a directory searched recursively), sorted. */
export function listDesiredFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listDesiredFiles(full));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

export function loadDesiredState(path: string, options: LoadOptions = {}): DesiredState {
  const issues: DesiredStateIssue[] = [];
  const registry = options.registry ?? DEFAULT_REGISTRY;
  let files: string[];
  try {
    files = listDesiredFiles(path);
  } catch {
    throw new DesiredStateError([{ path: '', message: `cannot read ${path}`, hint: 'check the path exists' }]);
  }
  if (files.length === 0)
    throw new DesiredStateError([
      { path: '', message: `no .yaml files under ${path}`, hint: 'point at a domain file or a directory of them' },
    ]);
  const cwd = options.cwd ?? process.cwd();
  const root = statSync(path).isFile() ? dirname(path) : path;
  const sources = files.map((file): NamedSource => {
    const displayName = relative(cwd, file) || file;
    return {
      file,
      displayName,
      rootRelative: relative(root, file) || file,
      ...readSource(file, displayName, options.env),
    };
  });
  return loadSources(sources, registry, options, issues);
}

/**
 * The same from bytes in memory (`name` is used in messages and as the file name): for callers that hold
 * the text already, and for the fuzz test.
 */
export function loadDesiredBytes(
  files: readonly { readonly name: string; readonly bytes: Buffer }[],
  options: LoadOptions = {},
): DesiredState {
  const sources = files.map(
    (f): NamedSource => ({
      file: f.name,
      displayName: f.name,
      rootRelative: f.name,
      ...decodeSource(f.bytes, f.name, options.env),
    }),
  );
  return loadSources(sources, options.registry ?? DEFAULT_REGISTRY, options, []);
}

type NamedSource = { file: string; displayName: string; rootRelative: string } & (
  | { text: string }
  | { issue: DesiredStateIssue }
);

function loadSources(
  sources: readonly NamedSource[],
  registry: Registry,
  options: LoadOptions,
  issues: DesiredStateIssue[],
): DesiredState {
  const all = parseFiles(sources, issues);
  if (issues.length) throw new DesiredStateError(sortIssues(issues));
  const fleet = readFleetProfile(
    all.filter((p) => isFleetProfileFile(p.file)),
    issues,
  );
  const parsed = all.filter((p) => !isFleetProfileFile(p.file));

  const byDomain = new Map<string, ParsedFile[]>();
  const listSections = new Set(registry.kinds.filter((k) => k.shape === 'list').map((k) => k.section));
  for (const p of parsed) {
    const value = p.value as Record<string, unknown> | null;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ position: at(p, []), path: '', message: 'the file must be a mapping with `version` and `domain`' });
      continue;
    }
    issues.push(...schemaIssues(p, value, registry));
    pruneInvalid(value, p.invalid, listSections);
    const domain = typeof value.domain === 'string' ? value.domain : undefined;
    const bad = domain === undefined ? undefined : checkDomainName(domain);
    if (bad) issues.push({ position: at(p, ['domain']), path: 'domain', ...bad });
    else if (domain) byDomain.set(domain, [...(byDomain.get(domain) ?? []), p]);
  }

  const domains: DomainDesiredState[] = [];
  for (const [domain, domainFiles] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
    domains.push(buildDomain(domain, domainFiles, registry, options, fleet, issues));
  }
  if (issues.length) throw new DesiredStateError(sortIssues(issues));
  return { domains };
}

const YAML_OPTIONS = { keepSourceTokens: false, uniqueKeys: true, prettyErrors: false, merge: true } as const;

function libraryParse(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const { LineCounter, parseDocument } = lazyYaml();
  const lines = new LineCounter();
  return { doc: parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines }), lines };
}

function parseFiles(sources: readonly NamedSource[], issues: DesiredStateIssue[]): ParsedFile[] {
  const parsed: ParsedFile[] = [];
  for (const source of sources) {
    if ('issue' in source) {
      issues.push(source.issue);
      continue;
    }
    const { file, displayName, rootRelative, text } = source;
    const fast = fastYaml(text);
    if (fast) {
      // The library's document is built only if a message needs it (schema-issues' number spelling).
      let lib: ReturnType<typeof libraryParse> | undefined;
      parsed.push({
        file,
        displayName,
        rootRelative,
        text,
        value: fast.value,
        tree: fast.root,
        invalid: new Set(),
        get doc() {
          lib ??= libraryParse(text);
          return lib.doc;
        },
        get lines() {
          lib ??= libraryParse(text);
          return lib.lines;
        },
      });
      continue;
    }
    const { doc, lines } = libraryParse(text);
    const before = issues.length;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const pos = lines.linePos(e.pos[0]);
      issues.push({
        position: { file: displayName, line: pos.line, column: pos.col },
        path: '',
        message: yamlMessage(e.message),
      });
    }
    const linePos = (offset: number) => {
      const pos = lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    };
    const where = { file: displayName, line: 1, column: 1 };
    const value = issues.length > before ? undefined : documentValue(doc, where, linePos, issues);
    parsed.push({ file, displayName, rootRelative, text, doc, lines, value, invalid: new Set() });
  }
  return parsed;
}

function buildDomain(
  domain: string,
  files: ParsedFile[],
  registry: Registry,
  options: LoadOptions,
  fleet: PlatformProfile,
  issues: DesiredStateIssue[],
): DomainDesiredState {
  const { policy, rules } = readDomainSettings(domain, files, issues);
  const platform = readDomainProfile(domain, files, fleet, issues);
  const collected = collectObjects(domain, files, registry, options, issues);
  checkProfileUse(collected, files, platform, issues);
  const objects = applyScopeLabels(collected, platform);
  checkExtensions(objects, files, registry, rules, issues);
  checkUniqueKeys(objects, files, registry, issues);
  return {
    domain,
    files: files.map((f) => f.displayName),
    policy,
    platform,
    extensionRules: rules,
    objects,
    // Names relative to the loaded root (not the cwd), so a saved plan's input checksum does not depend
    // on where pbxctl runs.
    sourceText: files.map((f) => `# ${f.rootRelative}\n${f.text}`).join('\n'),
  };
}

/** The yaml library's messages, in the words of a desired-state file. */
function yamlMessage(raw: string): string {
  const first = escapeControl(raw.split('\n')[0] ?? raw);
  if (/multiple documents/.test(first)) return 'a desired-state file holds one YAML document: remove the second `---`';
  return first;
}
