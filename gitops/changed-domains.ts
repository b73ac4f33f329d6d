import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { selectShard, type ShardSpec } from '../reconciler';

/**
 * Which domains a commit range touches, and the "domain units" of a domains directory.
 *
 * Layout convention (docs/gitops.md): every entry directly under the domains root is one domain unit —
 * either a file `domains/<name>.yaml` or a directory `domains/<name>/` whose YAML files are merged into one
 * domain. Entries starting with `_` (for example `domains/_defaults.yaml`) are shared by every domain, so
 * changing one selects all domains. Entries starting with `.` and non-YAML files directly under the root
 * are ignored.
 */

export interface DomainUnit {
  /** The domain name (the `domain:` key of the YAML, or the unit name when it cannot be read). */
  readonly name: string;
  /** File or directory name directly under the root. */
  readonly unit: string;
  /** Path relative to the working directory. */
  readonly path: string;
}

export interface FileChange {
  readonly status: string;
  readonly path: string;
}

export interface ChangedDomains {
  /** True when every domain was selected (shared file, --all-on match, or no base commit). */
  readonly all: boolean;
  readonly reason?: string;
  readonly domains: readonly DomainUnit[];
  /** Units deleted in the range: pbxctl no longer manages them; nothing is planned for them. */
  readonly removed: readonly string[];
}

const ZERO_SHA = /^0+$/;
const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** Parse `git diff --name-status -z --no-renames` output. */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0').filter((field) => field !== '');
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    changes.push({ status: fields[i], path: fields[i + 1] });
  }
  return changes;
}

/** A small glob: `*` matches within a path segment, `**` across segments; a pattern ending in `/` is a prefix. */
export function globToRegExp(pattern: string): RegExp {
  if (pattern.endsWith('/')) pattern = `${pattern}**`;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function normaliseRoot(root: string): string {
  return root.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function firstYaml(dir: string): string | undefined {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.isFile() && isYaml(entry.name)) return join(dir, entry.name);
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      const found = firstYaml(join(dir, entry.name));
      if (found) return found;
    }
  }
  return undefined;
}

/** The domain name a unit declares (`domain:` in its YAML); falls back to the unit name without extension. */
export function domainNameOf(unitPath: string, unit: string): string {
  const fallback = unit.replace(/\.ya?ml$/i, '');
  try {
    const file = statSync(unitPath).isDirectory() ? firstYaml(unitPath) : unitPath;
    if (!file) return fallback;
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const domain = doc.get('domain');
    return typeof domain === 'string' && domain.trim() !== '' ? domain.trim() : fallback;
  } catch {
    return fallback;
  }
}

function isUnitName(name: string, isDirectory: boolean): boolean {
  if (name.startsWith('.') || name.startsWith('_')) return false;
  return isDirectory || isYaml(name);
}

/** Every domain unit under `root` (relative to `cwd`), sorted by unit name. */
export function listDomainUnits(root: string, cwd: string): DomainUnit[] {
  const rootRel = normaliseRoot(root);
  const absolute = resolve(cwd, rootRel);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => isUnitName(entry.name, entry.isDirectory()))
    .map((entry) => entry.name)
    .sort()
    .map((unit) => ({ unit, path: `${rootRel}/${unit}`, name: domainNameOf(join(absolute, unit), unit) }));
}

/**
 * Decide which domain units a list of changed files touches. `cwd` must hold the head revision (the
 * checkout), which is read to tell changed units from removed ones and to learn domain names.
 */
export function domainsFromChanges(
  changes: readonly FileChange[],
  options: { root: string; cwd: string; allOn?: readonly string[] },
): ChangedDomains {
  const root = normaliseRoot(options.root);
  const allOn = (options.allOn ?? []).map(globToRegExp);
  const units = new Set<string>();
  for (const change of changes) {
    const path = change.path.replace(/\\/g, '/');
    const trigger = allOn.find((pattern) => pattern.test(path));
    if (trigger) return selectAll(options.root, options.cwd, `${path} matches --all-on ${trigger.source}`);
    if (!path.startsWith(`${root}/`)) continue;
    const rest = path.slice(root.length + 1);
    const segments = rest.split('/');
    const unit = segments[0];
    if (unit.startsWith('_')) return selectAll(options.root, options.cwd, `shared file ${path} changed`);
    if (!isUnitName(unit, segments.length > 1)) continue;
    units.add(unit);
  }
  const domains: DomainUnit[] = [];
  const removed: string[] = [];
  for (const unit of [...units].sort()) {
    const absolute = resolve(options.cwd, root, unit);
    if (existsSync(absolute)) domains.push({ unit, path: `${root}/${unit}`, name: domainNameOf(absolute, unit) });
    else removed.push(unit);
  }
  return { all: false, domains, removed };
}

function selectAll(root: string, cwd: string, reason: string): ChangedDomains {
  return { all: true, reason, domains: listDomainUnits(root, cwd), removed: [] };
}

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** Run `git diff` between two commits in `cwd` and decide the changed domains. */
export function changedDomains(options: {
  base: string;
  head: string;
  root: string;
  cwd: string;
  allOn?: readonly string[];
}): ChangedDomains {
  if (!options.base || ZERO_SHA.test(options.base)) {
    return selectAll(options.root, options.cwd, 'no base commit (new branch or first push)');
  }
  let output: string;
  try {
    output = execFileSync('git', ['diff', '--name-status', '-z', '--no-renames', options.base, options.head], {
      cwd: options.cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(
      `git diff ${options.base} ${options.head} failed: ${stderr || (error as Error).message}. ` +
        'Is the history there? Check out with fetch-depth: 0.',
    );
  }
  return domainsFromChanges(parseNameStatus(output), options);
}

export function shardUnits(units: readonly DomainUnit[], shard: ShardSpec): DomainUnit[] {
  return selectShard(units, (unit) => unit.name, shard.index - 1, shard.count);
}

/**
 * Copy units into `stageDir` (emptied first) so `pbxctl plan <stageDir>` sees exactly these domains.
 * Refuses to empty the working directory or anything that contains it.
 */
export function stageUnits(units: readonly DomainUnit[], stageDir: string, cwd: string): string {
  const target = resolve(cwd, stageDir);
  const rel = relative(target, resolve(cwd));
  if (rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`))) {
    throw new Error(`refusing to use ${stageDir} as the stage directory: it contains the working directory`);
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const unit of units) {
    cpSync(resolve(cwd, unit.path), join(target, unit.unit), { recursive: true });
  }
  return target;
}
