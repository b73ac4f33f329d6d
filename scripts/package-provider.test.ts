import type { OnLoadArgs, OnLoadResult, OnResolveArgs, OnResolveResult, PluginBuild } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lazyBuiltins } from './package-provider';

type Resolve = (args: Partial<OnResolveArgs>) => OnResolveResult;
type Load = (args: Partial<OnLoadArgs>) => OnLoadResult;

/** The plugin's callbacks, registered on a stand-in for esbuild's builder (esbuild itself runs a subprocess). */
function callbacks(): { filter: RegExp; resolve: Resolve; load: Load } {
  let resolve: { filter: RegExp; cb: Resolve } | undefined;
  let load: Load | undefined;
  const build = {
    onResolve: (o: { filter: RegExp }, cb: Resolve) => {
      resolve = { filter: o.filter, cb };
    },
    onLoad: (_o: unknown, cb: Load) => {
      load = cb;
    },
  } as unknown as PluginBuild;
  void lazyBuiltins().setup(build);
  if (!resolve || !load) throw new Error('the plugin registered no callbacks');
  return { filter: resolve.filter, resolve: resolve.cb, load };
}

/** Evaluates the module the plugin generates for `name` with a `require` that records what it loads. */
function lazyModule(name: string): { exports: Record<string | symbol, unknown>; loaded: string[] } {
  const contents = String(callbacks().load({ path: name, namespace: 'lazy-builtin' }).contents);
  const loaded: string[] = [];
  const mod = { exports: {} as Record<string | symbol, unknown> };
  const fakeRequire = (id: string) => {
    loaded.push(id);
    return require(id) as unknown;
  };
  new Function('module', 'require', contents)(mod, fakeRequire);
  return { exports: mod.exports, loaded };
}

describe('lazyBuiltins (the snapshot bundle loads node:tls and node:http on first use)', () => {
  it('takes node:tls, tls, node:http and https into its namespace, and lets its own require through', () => {
    const { filter, resolve } = callbacks();
    for (const id of ['node:tls', 'tls', 'node:http', 'https', 'node:http2']) expect(filter.test(id)).toBe(true);
    for (const id of ['node:net', 'node:crypto', 'node:util', 'tlsx', 'undici']) expect(filter.test(id)).toBe(false);
    expect(resolve({ path: 'node:tls', namespace: 'file' })).toEqual({ path: 'tls', namespace: 'lazy-builtin' });
    expect(resolve({ path: 'node:tls', namespace: 'lazy-builtin' })).toEqual({ path: 'node:tls', external: true });
  });

  it('loads nothing when evaluated, nor for the interop of a bundle (__esModule, keys, descriptors)', () => {
    const { exports, loaded } = lazyModule('tls');
    expect(exports.__esModule).toBeUndefined();
    const names = Object.getOwnPropertyNames(exports);
    expect(names).toContain('createServer');
    for (const n of names) expect(Object.getOwnPropertyDescriptor(exports, n)?.enumerable).toBe(true);
    expect(loaded).toEqual([]);
  });

  it('loads the module on first use of an export and answers with the real one', () => {
    const { exports, loaded } = lazyModule('tls');
    expect(exports.createServer).toBe((require('node:tls') as Record<string, unknown>).createServer);
    expect('connect' in exports).toBe(true);
    expect(loaded).toEqual(['node:tls']);
  });
});
