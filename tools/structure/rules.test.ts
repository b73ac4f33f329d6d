import { describe, expect, it } from 'vitest';
import { formatViolation } from './check';
import { buildImportGraph, parseImports, resolveSpecifier } from './imports';
import { emulatorIndependent, folderCycles, importCycles, reconcilerIndexOnly } from './layer-rules';
import { fileTooLong, functionsTooLong, lineCount, measureFunctions } from './size-rules';
import { generatedMatcher, patternRegExp, type SourceFile } from './source-files';

const file = (path: string, ...lines: string[]): SourceFile => ({ path, text: `${lines.join('\n')}\n` });

describe('import scanner', () => {
  it('sees every form of module reference, with its line and whether it is erased', () => {
    const refs = parseImports(
      file(
        'a/x.ts',
        "import { a } from './a';",
        "import type { B } from './b';",
        "import { type C } from './c';",
        "export * from './d';",
        "export type { E } from './e';",
        "import f = require('./f');",
        "const g = require('./g');",
        "const h = () => import('./h');",
        "let i: typeof import('./i');",
        "import './j';",
        "const notAnImport = './k';",
      ),
    );
    expect(refs.map((r) => [r.specifier, r.line, r.typeOnly])).toEqual([
      ['./a', 1, false],
      ['./b', 2, true],
      ['./c', 3, true],
      ['./d', 4, false],
      ['./e', 5, true],
      ['./f', 6, false],
      ['./g', 7, false],
      ['./h', 8, false],
      ['./i', 9, true],
      ['./j', 10, false],
    ]);
  });

  it('resolves relative specifiers to repository files, index files included; packages are not files', () => {
    const files = new Set(['reconciler/index.ts', 'reconciler/plan/render.ts', 'provider/main.ts']);
    expect(resolveSpecifier('provider/main.ts', '../reconciler', files)).toBe('reconciler/index.ts');
    expect(resolveSpecifier('provider/main.ts', '../reconciler/index', files)).toBe('reconciler/index.ts');
    expect(resolveSpecifier('provider/main.ts', '../reconciler/plan/render.js', files)).toBe(
      'reconciler/plan/render.ts',
    );
    expect(resolveSpecifier('reconciler/plan/render.ts', '..', files)).toBe('reconciler/index.ts');
    expect(resolveSpecifier('provider/main.ts', 'reconciler', files)).toBeUndefined();
    expect(resolveSpecifier('provider/main.ts', './missing', files)).toBeUndefined();
  });
});

describe('layer rules', () => {
  it('reports a cycle with every hop as file:line, and none for a one-way graph', () => {
    const edges = buildImportGraph([
      file('reconciler/a.ts', "import { b } from './b';"),
      file('reconciler/b.ts', '', "import type { C } from './c';"),
      file('reconciler/c.ts', "import { a } from './a';"),
      file('provider/one.ts', "import { two } from './two';"),
      file('provider/two.ts', 'export const two = 2;'),
    ]);
    const [cycle, ...rest] = importCycles(edges);
    expect(rest).toEqual([]);
    expect(formatViolation(cycle!)).toMatch(
      /^reconciler\/a\.ts:1 {2}\[import-cycle\] import cycle in reconciler\/: reconciler\/a\.ts:1 → reconciler\/b\.ts:2 \(type-only\) → reconciler\/c\.ts:1 → reconciler\/a\.ts\. Fix: /,
    );
    expect(importCycles(edges, ['provider', 'gitops'])).toEqual([]);
  });

  it('reports a self-import and folders that import each other (tests excepted)', () => {
    const edges = buildImportGraph([
      file('emulator/self.ts', "import './self';"),
      file('reconciler/desired/load.ts', "import { render } from '../plan/render';"),
      file('reconciler/plan/render.ts', 'export const render = 1;'),
      file('reconciler/plan/compute.ts', '', "import { load } from '../desired/load';"),
      file('reconciler/kinds/k.test.ts', "import { load } from '../desired/load';"),
      file('reconciler/desired/d.ts', "import { k } from '../kinds/k.test';"),
    ]);
    expect(importCycles(edges).map((v) => v.file)).toEqual(['emulator/self.ts']);
    const folders = folderCycles(edges);
    expect(folders).toHaveLength(1);
    expect(folders[0]!.message).toBe(
      'folders import each other: reconciler/desired/ (reconciler/desired/load.ts:1) → ' +
        'reconciler/plan/ (reconciler/plan/compute.ts:2) → reconciler/desired/',
    );
  });

  it('lets only reconciler/ itself import past reconciler/index.ts, and the emulator not at all', () => {
    const edges = buildImportGraph([
      file('reconciler/index.ts', "export * from './plan/render';"),
      file('reconciler/plan/render.ts', "import { x } from '../index';"),
      file('provider/ok.ts', "import { render } from '../reconciler';"),
      file('bench/bad.ts', '// bench', "import { render } from '../reconciler/plan/render';"),
      file('test/bad.test.ts', "import type { R } from '../reconciler/plan/render';"),
      file('emulator/bad.ts', "import { render } from '../reconciler';"),
    ]);
    const index = reconcilerIndexOnly(edges);
    expect(index.map((v) => `${v.file}:${v.line}`)).toEqual(['bench/bad.ts:2', 'test/bad.test.ts:1']);
    expect(index[0]!.message).toBe(
      "imports reconciler/plan/render.ts ('../reconciler/plan/render'), an internal path of reconciler/",
    );
    expect(index[0]!.fix).toMatch(/reconciler\/index\.ts/);
    expect(emulatorIndependent(edges).map((v) => `${v.file}:${v.line}`)).toEqual(['emulator/bad.ts:1']);
  });

  it('lets provider/ (and only provider/) import reconciler/provider-api.ts; reconciler/ code never does', () => {
    const edges = buildImportGraph([
      file('reconciler/index.ts', "export * from './plan/render';"),
      file('reconciler/provider-api.ts', "export { render } from './plan/render';"),
      file('reconciler/plan/render.ts', 'export const render = 1;'),
      file('reconciler/plan/bad.ts', "import { render } from '../provider-api';"),
      file('reconciler/provider-api.test.ts', "import { render } from './provider-api';"),
      file('provider/resources/ok.ts', "import { render } from '../../reconciler/provider-api';"),
      file('provider/resources/bad.ts', "import { render } from '../../reconciler/plan/render';"),
      file('bench/bad.ts', "import { render } from '../reconciler/provider-api';"),
    ]);
    const violations = reconcilerIndexOnly(edges);
    expect(violations.map((v) => `${v.file}:${v.line}`)).toEqual([
      'provider/resources/bad.ts:1',
      'bench/bad.ts:1',
      'reconciler/plan/bad.ts:1',
    ]);
    expect(violations[1]!.message).toMatch(/the provider's entry of reconciler\/, from outside provider\//);
  });
});

describe('size rules', () => {
  it('counts lines as an editor does and flags a file over the limit at its first extra line', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    const long = { path: 'x.ts', text: 'const a = 1;\n'.repeat(401) };
    expect(fileTooLong(long).map((v) => [v.line, v.message])).toEqual([[401, '401 lines (limit 400)']]);
    expect(fileTooLong({ path: 'x.ts', text: 'const a = 1;\n'.repeat(400) })).toEqual([]);
  });

  it('measures declarations, methods, constructors, arrows and callbacks, but not describe blocks', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`);
    const measured = measureFunctions(
      file(
        'm.ts',
        'function decl() {',
        ...body(3),
        '}',
        'class K {',
        '  constructor() {}',
        '  method() {',
        '    return 1;',
        '  }',
        '}',
        'const arrow = () => {',
        '  return 2;',
        '};',
        "describe('suite', () => {",
        "  it('case', () => {",
        '    expect(1).toBe(1);',
        '  });',
        '});',
      ),
    );
    expect(measured).toEqual([
      { name: 'function decl', line: 1, lines: 5 },
      { name: 'constructor of K', line: 7, lines: 1 },
      { name: 'method method', line: 8, lines: 3 },
      { name: 'function arrow', line: 12, lines: 3 },
      { name: "callback of it 'case'", line: 16, lines: 3 },
    ]);
    const long = file('l.ts', 'export function big() {', ...body(79), '}');
    expect(functionsTooLong(long).map((v) => v.message)).toEqual(['function big is 81 lines (limit 80)']);
    expect(functionsTooLong(file('s.ts', 'export function ok() {', ...body(78), '}'))).toEqual([]);
  });
});

describe('.gitattributes patterns', () => {
  it('follows git: unanchored names match at any depth, ** spans folders, the last matching line wins', () => {
    const generated = generatedMatcher(
      [
        '# comment',
        'provider/bindings/** linguist-generated=true',
        'provider/bindings/tsconfig.json -linguist-generated',
        'provider/schema/*.json linguist-generated=true',
        '*.gen.ts linguist-generated',
        'vendor/** linguist-vendored=true',
      ].join('\n'),
    );
    expect(generated('provider/bindings/user/index.ts')).toBe(true);
    expect(generated('provider/bindings/tsconfig.json')).toBe(false);
    expect(generated('provider/schema/netsapiens.schema.json')).toBe(true);
    expect(generated('provider/schema/deeper/x.json')).toBe(false);
    expect(generated('a/b/c.gen.ts')).toBe(true);
    expect(generated('vendor/netsapiens/openapi.json')).toBe(false);
    expect(generated('reconciler/plan/render.ts')).toBe(false);
    expect(patternRegExp('a/**/b.ts').test('a/b.ts')).toBe(true);
    expect(patternRegExp('a/**/b.ts').test('a/x/y/b.ts')).toBe(true);
  });
});
