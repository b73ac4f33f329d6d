/**
 * The import graph of the repository's own files, parsed with the TypeScript compiler API (no type checking,
 * no subprocess). Every way a module names another counts: `import`, `import type`, `export … from`,
 * `import x = require()`, `require()`, dynamic `import()` and `typeof import()` types.
 */
import { posix } from 'node:path';
import ts from 'typescript';
import type { SourceFile } from './source-files';

/** One module reference as written in `from` at `line` (1-based). */
export interface ImportRef {
  from: string;
  line: number;
  specifier: string;
  /** Erased at run time (`import type`, `export type`, `typeof import()`). */
  typeOnly: boolean;
}

/** A reference whose target is a file of the repository. */
export interface ImportEdge extends ImportRef {
  to: string;
}

/** The module references of one file, in source order. */
export function parseImports(file: SourceFile): ImportRef[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.path));
  const refs: ImportRef[] = [];
  const add = (literal: ts.Node, typeOnly: boolean): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    refs.push({ from: file.path, line, specifier: literal.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]!, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  // `import { type A, type B } from` is erased too (when nothing else is imported).
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

export function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/**
 * The repository file a relative specifier names from `from`, or undefined (a package, a built file, JSON,
 * or a path that does not exist).
 */
export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') {
    return undefined;
  }
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stems = /\.[cm]?js$/.test(base) ? [base, base.replace(/js$/, 'ts')] : [base];
  for (const stem of stems) {
    for (const suffix of RESOLVE_SUFFIXES) {
      const candidate = `${stem}${suffix}`.replace(/^\.\//, '');
      if (files.has(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Every reference between files of `files` (references to packages and non-source files are dropped). */
export function buildImportGraph(files: readonly SourceFile[]): ImportEdge[] {
  const paths = new Set(files.map((f) => f.path));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const ref of parseImports(file)) {
      const to = resolveSpecifier(file.path, ref.specifier, paths);
      if (to !== undefined) edges.push({ ...ref, to });
    }
  }
  return edges;
}
