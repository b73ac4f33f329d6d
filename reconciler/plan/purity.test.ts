/**
 * plan/ must stay pure (docs/design.md §3, §6.2): no module it loads, directly or through other modules of
 * ours, may import anything that does I/O. Type-only imports are erased and allowed.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN =
  /^(node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|child_process|worker_threads|cluster|readline|dns)$|^undici$|^@grpc\//;

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re =
    /^\s*(import|export)\s+(?!type\b)([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) out.push((m[3] ?? m[4] ?? m[5]) as string);
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/** Every module reachable from `entry` through runtime imports, with the chain that reached it. */
function closure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift() as string;
    for (const spec of runtimeImports(file)) {
      const key = spec.startsWith('.') ? resolveLocal(file, spec) : `pkg:${spec}`;
      if (!key || seen.has(key)) continue;
      seen.set(key, [...(seen.get(file) ?? []), key]);
      if (!key.startsWith('pkg:')) queue.push(key);
    }
  }
  return seen;
}

describe('reconciler/plan is pure', () => {
  const dir = __dirname;
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('has modules to check', () => {
    expect(modules).toContain('compute-plan.ts');
  });

  for (const m of modules) {
    it(`${m} reaches no I/O module`, () => {
      const offenders = [...closure(join(dir, m))]
        .filter(([k]) => k.startsWith('pkg:') && FORBIDDEN.test(k.slice(4)))
        .map(([, chain]) => chain.map((c) => c.replace(`${resolve(dir, '../..')}/`, '')).join(' → '));
      expect(offenders).toEqual([]);
    });
  }

  it('the checker itself catches an I/O import', () => {
    const client = resolve(dir, '../platform/client.ts');
    const found = [...closure(client)].some(([k]) => k === 'pkg:undici');
    expect(found).toBe(true);
  });
});
