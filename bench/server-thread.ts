/**
 * The emulator and the latency proxy in a child process (benchmarks only): the client under test gets its
 * process to itself, as it would against a real server, instead of sharing its event loop with the server's
 * CPU and the proxy's 20 ms timers (issue 15: on one thread, 8 requests in flight took ~31 ms each at 20 ms
 * of latency, all of the difference spent server-side). A process rather than a worker thread so that
 * `process.cpuUsage()` in the bench is the client's CPU alone; the server reports its own (both threads).
 * Inside it, the emulator runs on a worker thread of its own: the proxy's event loop only holds and forwards
 * requests, so a slow answer (the 1.7 MB users page) no longer delays the other requests' 20 ms timers.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DEFAULT_API_KEY, startEmulator } from '../emulator';
import { startLatencyProxy } from './latency-proxy';
import { startHttpLatencyProxy } from './latency-proxy-http';
import type { ProxyStats, RunningProxy } from './proxy-stats';

export interface ServerOptions {
  readonly seed: unknown;
  readonly latencyMs: number;
  readonly limitPerSecond?: number;
}

export interface ThreadedServers {
  readonly url: string;
  /** The proxy's arrivals as of the last `refresh()`. */
  readonly stats: ProxyStats;
  /** The server process's CPU time (ms) since the last `reset()`, as of the last `refresh()`. */
  readonly serverCpuMs: number;
  /** The same by thread (Linux: /proc; 10 ms resolution), when known. */
  readonly serverThreadsCpuMs: ThreadCpu | undefined;
  reset(): Promise<void>;
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** CPU time (ms) of the server process's threads: the proxy's (main), the emulator's (worker), the rest (GC, libuv). */
export interface ThreadCpu {
  readonly proxy: number;
  readonly emulator: number;
  readonly other: number;
}

type Reply = {
  id: number;
  url?: string;
  arrivals?: ProxyStats['arrivals'];
  cpuMs?: number;
  threads?: ThreadCpu;
  error?: string;
};
type Ask = { id: number; op: string; options?: ServerOptions };

export async function startServerThread(options: ServerOptions): Promise<ThreadedServers> {
  // `PBXCTL_BENCH_SERVER_PROFILE=<dir>`: a V8 CPU profile of the server process's threads (proxy, emulator).
  const profileDir = process.env.PBXCTL_BENCH_SERVER_PROFILE;
  const child: ChildProcess = fork(__filename, ['--bench-server'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const waiting = new Map<number, (r: Reply) => void>();
  let next = 0;
  child.on('message', (r: Reply) => waiting.get(r.id)?.(r));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = (op: string) =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (r) => {
        waiting.delete(id);
        if (r.error) reject(new Error(r.error));
        else resolve(r);
      });
      child.send({ id, op, options } satisfies Ask);
    });
  const started = await ask('start');
  const stats: ProxyStats = { arrivals: [] };
  let serverCpuMs = 0;
  let serverThreadsCpuMs: ThreadCpu | undefined;
  return {
    url: started.url as string,
    stats,
    get serverCpuMs() {
      return serverCpuMs;
    },
    get serverThreadsCpuMs() {
      return serverThreadsCpuMs;
    },
    reset: async () => {
      await ask('reset');
      stats.arrivals.length = 0;
      serverCpuMs = 0;
    },
    refresh: async () => {
      const r = await ask('stats');
      stats.arrivals.length = 0;
      stats.arrivals.push(...(r.arrivals ?? []));
      serverCpuMs = r.cpuMs ?? 0;
      serverThreadsCpuMs = r.threads;
    },
    close: async () => {
      await ask('close');
      child.disconnect();
      await exited;
    },
  };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** A thread's CPU time in ms from /proc (`<pid>/task/<tid>`), or undefined where there is none. */
function threadCpuMs(task: string | undefined): number | undefined {
  if (!task) return undefined;
  try {
    const stat = readFileSync(`/proc/${task}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** This thread's `<pid>/task/<tid>` (Linux), for `threadCpuMs`. */
function thisThread(): string | undefined {
  try {
    return readlinkSync('/proc/thread-self');
  } catch {
    return undefined;
  }
}

/** Per-thread CPU since `from` (the process total and the two known threads), when /proc has it. */
function threadsSince(
  from: { total: number; proxy?: number; emulator?: number },
  emulatorTask: string | undefined,
): ThreadCpu | undefined {
  const proxy = threadCpuMs(thisThread());
  const emulator = threadCpuMs(emulatorTask);
  if (proxy === undefined || emulator === undefined || from.proxy === undefined || from.emulator === undefined)
    return undefined;
  const total = cpuMs(process.cpuUsage()) - from.total;
  const p = proxy - from.proxy;
  const e = emulator - from.emulator;
  return { proxy: p, emulator: e, other: Math.max(0, total - p - e) };
}

/**
 * A real platform is warm: the emulator's first answers (its code not yet compiled, its indexes not yet
 * built) took 0.4–0.7 s under load, which no client change can remove. So the server answers the reads of a
 * plan once, directly (not through the proxy, so nothing is counted), before the bench measures anything.
 */
async function warmUp(emulatorUrl: string, seed: unknown): Promise<void> {
  const domains = Object.keys((seed as { domains?: Record<string, unknown> })?.domains ?? {});
  const lists = ['', '/users?start=0&limit=1000', '/users/count', '/devices', '/phones?limit=1000', '/contacts'];
  for (let round = 0; round < 2; round++) {
    for (const d of domains) {
      for (const path of lists) await get(`${emulatorUrl}/domains/${d}${path}`);
    }
  }
}

const WARM_HEADERS = { authorization: `Bearer ${DEFAULT_API_KEY}`, accept: 'application/json' };

async function get(url: string): Promise<void> {
  const res = await fetch(url, { headers: WARM_HEADERS });
  await res.arrayBuffer();
}

/**
 * The harness warm too: the proxy's own code (framing, relaying) and the emulator's per-user read are
 * compiled before anything is measured — a plan's first second ran through cold code (4 of 8 requests in
 * flight). Up to 200 answer-rule reads through the proxy, 8 at a time; the bench's `reset()` forgets them.
 */
async function warmThroughProxy(proxyUrl: string, seed: unknown): Promise<void> {
  const domains = (seed as { domains?: Record<string, { users?: Array<{ user?: unknown }> }> })?.domains ?? {};
  const paths: string[] = [];
  for (const [d, domain] of Object.entries(domains)) {
    for (const u of (domain?.users ?? []).slice(0, 200))
      paths.push(`/domains/${d}/users/${String(u.user)}/answerrules`);
  }
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let path = paths.pop(); path !== undefined; path = paths.pop()) await get(`${proxyUrl}${path}`);
    }),
  );
}

/** The emulator on a worker thread of the server process (its CPU counts in that process's `cpuUsage`). */
function startEmulatorWorker(seed: unknown): Promise<{ url: string; task?: string; close(): Promise<void> }> {
  const worker = new Worker(__filename, { workerData: { benchEmulator: true, seed } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { url: string; task?: string }) =>
      resolve({
        url: m.url,
        task: m.task,
        close: async () => {
          const exited = new Promise<void>((r) => worker.once('exit', () => r()));
          worker.postMessage('close');
          await exited;
        },
      }),
    );
  });
}

if (!isMainThread && (workerData as { benchEmulator?: boolean } | undefined)?.benchEmulator && parentPort) {
  const port = parentPort;
  void startEmulator({ seed: (workerData as { seed: unknown }).seed as never }).then((emu) => {
    port.on('message', async () => {
      await emu.close();
      port.close();
    });
    port.postMessage({ url: emu.url, task: thisThread() });
  });
}

if (isMainThread && require.main === module && process.argv.includes('--bench-server') && process.send) {
  const send = (r: Reply) => process.send?.(r);
  let closeAll: (() => Promise<void>) | undefined;
  let proxy: RunningProxy | undefined;
  // The TCP-level proxy; `PBXCTL_BENCH_PROXY=http` selects the HTTP-level one (A/B comparisons).
  const startProxy = process.env.PBXCTL_BENCH_PROXY === 'http' ? startHttpLatencyProxy : startLatencyProxy;
  let cpuFrom = process.cpuUsage();
  let emulatorTask: string | undefined;
  const threadsNow = () => ({
    total: cpuMs(process.cpuUsage()),
    proxy: threadCpuMs(thisThread()),
    emulator: threadCpuMs(emulatorTask),
  });
  let threadsFrom = threadsNow();
  process.on('message', async (m: Ask) => {
    try {
      if (m.op === 'start' && m.options) {
        const options = m.options;
        const emu = await startEmulatorWorker(options.seed);
        emulatorTask = emu.task;
        await warmUp(emu.url, options.seed);
        proxy = await startProxy({
          target: emu.url,
          latencyMs: options.latencyMs,
          limitPerSecond: options.limitPerSecond,
        });
        await warmThroughProxy(proxy.url, options.seed);
        proxy.reset();
        const p = proxy;
        closeAll = async () => {
          await p.close();
          await emu.close();
        };
        send({ id: m.id, url: proxy.url });
      } else if (m.op === 'reset') {
        proxy?.reset();
        cpuFrom = process.cpuUsage();
        threadsFrom = threadsNow();
        send({ id: m.id });
      } else if (m.op === 'stats') {
        const threads = threadsSince(threadsFrom, emulatorTask);
        send({ id: m.id, arrivals: proxy?.stats.arrivals ?? [], cpuMs: cpuMs(process.cpuUsage(cpuFrom)), threads });
      } else if (m.op === 'close') {
        await closeAll?.();
        send({ id: m.id });
      }
    } catch (err) {
      send({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
