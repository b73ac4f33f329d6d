/**
 * `pbxctl init [dir]`: scaffold a config repository — a domain file, the plan/apply/drift workflows wired to the
 * pbxctl GitHub Action, a `.gitignore` for plan, state and audit files, and a README naming the secrets to set.
 * Pure library: it returns or writes files and throws typed errors; it never prints and never overwrites.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The file layout `pbxctl init` writes, relative to the target directory, and its template. */
const WORKFLOWS = ['plan', 'apply', 'drift'] as const;
const ACTION_PLACEHOLDER = /__PBXCTL_ACTION__/g;
const DOMAIN_PLACEHOLDER = /__DOMAIN__/g;
/** The domain of the example file when `--domain` is not given. */
export const EXAMPLE_DOMAIN = 'example.com';
/** The action's repository; the ref is `v<package version>` unless the caller names one. */
export const ACTION_REPOSITORY = 'pbxctl/pbxctl';

const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export interface InitOptions {
  /** The config repository's directory (created when missing). */
  readonly dir: string;
  /** The first domain; without it, a commented example for `example.com`. */
  readonly domain?: string;
  /** `uses:` value for the workflows (default `pbxctl/pbxctl@v<version>`). */
  readonly action?: string;
}

export interface ScaffoldFile {
  /** Relative to the target directory, `/`-separated. */
  readonly path: string;
  readonly content: string;
}

/** Bad `init` arguments (e.g. not a domain name). */
export class InitUsageError extends Error {
  override readonly name = 'InitUsageError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Some of the files `init` would write already exist; nothing was written. */
export class InitConflictError extends Error {
  override readonly name = 'InitConflictError';
  constructor(
    readonly dir: string,
    readonly existing: readonly string[],
  ) {
    super(`${existing.length} file${existing.length === 1 ? '' : 's'} already exist in ${dir}`);
  }
}

/** The installed package's root: the directory holding `templates/` and `package.json` (source or dist). */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'templates', 'workflows', 'plan.yml')) && existsSync(join(dir, 'package.json')))
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`pbxctl's templates/ folder was not found above ${from}`);
    dir = parent;
  }
}

export function packageVersion(root: string = packageRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The files `init` writes, in order; nothing touches the disk. */
export function scaffoldFiles(options: Omit<InitOptions, 'dir'>, root: string = packageRoot()): ScaffoldFile[] {
  const domain = options.domain?.trim().toLowerCase();
  if (domain !== undefined && !DOMAIN_NAME.test(domain))
    throw new InitUsageError(
      `--domain "${options.domain}" is not a domain name`,
      'give the NetSapiens domain as a DNS name, e.g. --domain acme.example.com',
    );
  const version = packageVersion(root);
  const action = options.action ?? `${ACTION_REPOSITORY}@v${version}`;
  if (!/^[\w.-]+\/[\w./-]+@[\w./-]+$/.test(action))
    throw new InitUsageError(
      `--action "${action}" is not an owner/repo@ref`,
      `e.g. --action ${ACTION_REPOSITORY}@<40-character commit SHA of the v${version} release>`,
    );
  // A commit-SHA pin gets the "# vX" comment `pbxctl ci lint-workflows` asks for.
  const uses = /@[0-9a-f]{40}$/.test(action) ? `${action} # v${version}` : action;
  const template = (name: string) => readFileSync(join(root, 'templates', name), 'utf8');
  const domainFile = domain
    ? template('domain.yaml').replace(DOMAIN_PLACEHOLDER, domain)
    : exampleHeader() + template('domain.yaml').replace(DOMAIN_PLACEHOLDER, EXAMPLE_DOMAIN);
  return [
    { path: `domains/${domain ?? EXAMPLE_DOMAIN}.yaml`, content: domainFile },
    ...WORKFLOWS.map((w) => ({
      path: `.github/workflows/${w}.yml`,
      content: template(`workflows/${w}.yml`).replace(ACTION_PLACEHOLDER, uses),
    })),
    { path: '.gitignore', content: template('gitignore') },
    { path: 'README.md', content: template('README.md') },
  ];
}

function exampleHeader(): string {
  return [
    '# EXAMPLE: rename this file to domains/<your domain>.yaml and set `domain:` to your NetSapiens domain',
    '# (or run `pbxctl export --domain <your domain>` to start from what is on the platform).',
    '',
  ].join('\n');
}

/**
 * Write the scaffold into `options.dir`. Checks every target first and throws InitConflictError, writing
 * nothing, when any exists. Returns the files written (paths relative to the directory).
 */
export function writeScaffold(options: InitOptions, root: string = packageRoot()): ScaffoldFile[] {
  const dir = resolve(options.dir);
  const files = scaffoldFiles(options, root);
  const existing = files.map((f) => f.path).filter((p) => existsSync(join(dir, p)));
  if (existing.length > 0) throw new InitConflictError(dir, existing);
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    // `wx`: fail rather than overwrite, should a file appear between the check and the write.
    writeFileSync(target, file.content, { flag: 'wx' });
  }
  return files;
}
