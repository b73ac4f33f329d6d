/**
 * The repository's source files, read from disk without spawning anything (the structure checks run in the
 * unit lane). Generated files are recognised by `linguist-generated=true` in .gitattributes, so that file is
 * the one list of what is generated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file's repository-relative path (always with `/`) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs'];

/** Directories never scanned: installed, built or produced at run time, or third-party. */
const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  'dist',
  'coverage',
  'cdktf.out',
  '.gen',
  '.terraform',
  '.pbxctl',
  'tmp',
  'vendor',
]);

/** Every source file under `root` (sorted), skipping installed, built and vendored directories. */
export function readSourceFiles(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && isSourcePath(path)) {
        out.push({ path, text: readFileSync(join(root, path), 'utf8') });
      }
    }
  };
  walk('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isSourcePath(path: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** Test support code (`test-support/` folders): used only by tests, so it may reach across layers like a test. */
export function isTestSupport(path: string): boolean {
  return path.split('/').includes('test-support');
}

export function isTestPath(path: string): boolean {
  return /\.test\.[cm]?[jt]sx?$/.test(path);
}

/** A predicate telling whether a path is marked `linguist-generated` by the given .gitattributes text. */
export function generatedMatcher(gitattributes: string): (path: string) => boolean {
  const rules: { re: RegExp; generated: boolean }[] = [];
  for (const raw of gitattributes.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    for (const attr of attrs) {
      if (attr === 'linguist-generated' || attr === 'linguist-generated=true') {
        rules.push({ re: patternRegExp(pattern!), generated: true });
      } else if (
        attr === '-linguist-generated' ||
        attr === 'linguist-generated=false' ||
        attr === '!linguist-generated'
      ) {
        rules.push({ re: patternRegExp(pattern!), generated: false });
      }
    }
  }
  // As in git, the last matching line wins.
  return (path) => {
    let generated = false;
    for (const rule of rules) if (rule.re.test(path)) generated = rule.generated;
    return generated;
  };
}

/** The generated-file predicate of the repository at `root` (nothing is generated without .gitattributes). */
export function readGeneratedMatcher(root: string): (path: string) => boolean {
  const file = join(root, '.gitattributes');
  return generatedMatcher(existsSync(file) ? readFileSync(file, 'utf8') : '');
}

/**
 * A gitattributes pattern as a regular expression over repository-relative paths: a pattern without `/`
 * matches a name at any depth; `**` spans directories; `*` and `?` stay within one path segment.
 */
export function patternRegExp(pattern: string): RegExp {
  const anchored = pattern.includes('/') && !pattern.endsWith('/');
  const body = pattern.replace(/^\//, '');
  let re = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '*' && body[i + 1] === '*') {
      const slash = body[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${re}$` : `(?:^|/)${re}$`);
}
