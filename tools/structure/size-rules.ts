/**
 * Size limits of hand-written code: a file has at most 400 lines, a function at most 80 (declarations,
 * methods, constructors, accessors, function expressions and arrow functions, each measured from its first
 * token to its closing brace; an outer function's count includes its inner ones). The callback of a
 * `describe(…)` block is a test suite, not a function, and is not measured; `it`/`test` callbacks are.
 */
import ts from 'typescript';
import { scriptKind } from './imports';
import type { Violation } from './layer-rules';
import type { SourceFile } from './source-files';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

export function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

export function fileTooLong(file: SourceFile, max = MAX_FILE_LINES): Violation[] {
  const lines = lineCount(file.text);
  if (lines <= max) return [];
  return [
    {
      rule: 'file-length',
      file: file.path,
      line: max + 1,
      message: `${lines} lines (limit ${max})`,
      fix: 'split the file by responsibility into modules of its folder (git mv the original so history follows)',
    },
  ];
}

/** A function-like node, its display name and its length in lines. */
export interface MeasuredFunction {
  name: string;
  line: number;
  lines: number;
}

export function measureFunctions(file: SourceFile): MeasuredFunction[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.path));
  const out: MeasuredFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isMeasured(node) && !isDescribeCallback(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ name: functionName(node, source), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

export function functionsTooLong(file: SourceFile, max = MAX_FUNCTION_LINES): Violation[] {
  return measureFunctions(file)
    .filter((f) => f.lines > max)
    .map((f) => ({
      rule: 'function-length',
      file: file.path,
      line: f.line,
      message: `${f.name} is ${f.lines} lines (limit ${max})`,
      fix: 'extract named helper functions for its steps (each under the limit)',
    }));
}

function isMeasured(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node)) &&
    node.body !== undefined
  );
}

/** `describe('…', () => {…})`, also `describe.each(…)('…', …)`, `describe.skip`, `describe.concurrent`… */
function isDescribeCallback(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false;
  let callee: ts.Expression = call.expression;
  while (ts.isCallExpression(callee) || ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && callee.text === 'describe';
}

function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return `constructor of ${className(node)}`;
  if (node.name) {
    const name = node.name.getText(source);
    return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ? `function ${name}` : `method ${name}`;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return `function ${parent.name.getText(source)}`;
  }
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText(source);
    const title = parent.arguments[0];
    const text = title && ts.isStringLiteralLike(title) ? title.text : '';
    const label = text ? ` '${text.length > 60 ? `${text.slice(0, 60)}…` : text}'` : '';
    return `callback of ${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee}${label}`;
  }
  return 'anonymous function';
}

function className(node: ts.ConstructorDeclaration): string {
  const owner = node.parent;
  return ts.isClassLike(owner) && owner.name ? owner.name.text : 'anonymous class';
}
