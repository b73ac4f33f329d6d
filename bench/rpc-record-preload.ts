/**
 * Preloaded (NODE_OPTIONS `--require`) into the provider processes of a `terraform plan` by
 * bench/provider-ab.ts. With `$PBXCTL_BENCH_RPC_DIR` set, each provider process that serves resource RPCs
 * writes `<dir>/<pid>.json` at exit:
 *   - `digest`: a SHA-256 over the sorted SHA-256s of every response it sent (`count` of them), so two builds'
 *     answers to the same run can be compared byte for byte whatever the order Terraform called them in;
 *   - `rpcs`: per resource RPC, the synchronous time of the handler on the main thread (the work before its
 *     first await: for ReadResource the decoding and the start of the read, not the read's continuation),
 *     total, median, and the mean of each successive 200 calls (the warm-up of a short process);
 *   - `gc`: the process's garbage collections (count, ms; the minor ones apart);
 *   - `modules`: the modules loaded by the end, by area (reconciler/kinds, reconciler/platform, undici, …).
 * Benchmark-only: nothing in the product loads it.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const TIMED = ['validateResourceConfig', 'upgradeResourceState', 'readResource', 'planResourceChange'] as const;

/** Canonical text of a response: Buffers and byte arrays as hex (JSON.stringify spells them as objects). */
export function responseText(res: unknown): string {
  return JSON.stringify(res, (_k, x: unknown) => {
    if (x instanceof Uint8Array) return `bytes:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
    const b = x as { type?: unknown; data?: unknown } | null;
    if (b && b.type === 'Buffer' && Array.isArray(b.data)) return `bytes:${Buffer.from(b.data).toString('hex')}`;
    return x;
  });
}

/** One digest of a set of responses, independent of the order they were sent in. */
export function setDigest(lines: readonly string[]): string {
  return createHash('sha256')
    .update([...lines].sort().join('\n'))
    .digest('hex');
}

/** Total, median and the mean of each successive `chunk` calls, in µs (ms for the total). */
export function summarize(ms: readonly number[], chunk = 200) {
  const sorted = [...ms].sort((a, b) => a - b);
  const means: number[] = [];
  for (let i = 0; i < ms.length; i += chunk) {
    const part = ms.slice(i, i + chunk);
    means.push(Math.round((1000 * part.reduce((s, v) => s + v, 0)) / part.length));
  }
  return {
    calls: ms.length,
    totalMs: Math.round(ms.reduce((s, v) => s + v, 0)),
    medianUs: sorted.length > 0 ? Math.round(1000 * (sorted[sorted.length >> 1] as number)) : 0,
    meanUsPer200: means,
  };
}

function areaOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (pkg) return pkg[1] as string;
  const ours = /dist\/([^/]+\/[^/]+)/.exec(file);
  return ours ? (ours[1] as string).replace(/\.js$/, '') : 'other';
}

type Service = { prototype: Record<string, unknown> & { handlers: () => Record<string, unknown> } };
type Handler = (call: unknown, callback: (err: unknown, res: unknown) => void) => void;

function install(dir: string, main: string): void {
  const { ProviderService } = require(join(dirname(main), 'framework', 'provider-service.js')) as {
    ProviderService: Service;
  };
  const proto = ProviderService.prototype;
  const digests: string[] = [];
  const handlers = proto.handlers;
  proto.handlers = function (this: unknown) {
    const table = handlers.call(this) as Record<string, Handler>;
    for (const [name, fn] of Object.entries(table)) {
      table[name] = (call, callback) =>
        fn(call, (err, res) => {
          digests.push(`${name} ${createHash('sha256').update(responseText(res)).digest('hex')}`);
          callback(err, res);
        });
    }
    return table;
  };
  const times: Record<string, number[]> = {};
  for (const m of TIMED) {
    const orig = proto[m] as (req: unknown) => unknown;
    const list: number[] = [];
    times[m] = list;
    proto[m] = function (this: unknown, req: unknown) {
      const t = performance.now();
      const r = orig.call(this, req);
      list.push(performance.now() - t);
      return r;
    };
  }
  const gc = { count: 0, ms: 0, minor: 0, minorMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.ms += e.duration;
      if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.minor++;
        gc.minorMs += e.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    if (digests.length === 0) return;
    const modules: Record<string, number> = {};
    for (const f of Object.keys(require.cache)) modules[areaOf(f)] = (modules[areaOf(f)] ?? 0) + 1;
    const rpcs: Record<string, ReturnType<typeof summarize>> = {};
    for (const [m, list] of Object.entries(times)) if (list.length > 0) rpcs[m] = summarize(list);
    const record = {
      pid: process.pid,
      count: digests.length,
      digest: setDigest(digests),
      rpcs,
      gc: { count: gc.count, ms: Math.round(gc.ms), minor: gc.minor, minorMs: Math.round(gc.minorMs) },
      modules,
    };
    try {
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(record));
    } catch {
      // a benchmark figure is missing; the provider's exit is not the place to fail
    }
  });
}

const dir = process.env.PBXCTL_BENCH_RPC_DIR;
const main = process.argv[1];
if (dir && main?.endsWith(join('provider', 'main.js'))) install(dir, main);
