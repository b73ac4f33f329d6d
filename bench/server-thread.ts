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
  reset(): Promise<void>;
  refresh(): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; url?: string; arrivals?: ProxyStats['arrivals']; cpuMs?: number; error?: string };
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
  return {
    url: started.url as string,
    stats,
    get serverCpuMs() {
      return serverCpuMs;
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
    },
    close: async () => {
      await ask('close');
      child.disconnect();
      await exited;
    },
  };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * A real platform is warm: the emulator's first answers (its code not yet compiled, its indexes not yet
 * built) took 0.4–0.7 s under load, which no client change can remove. So the server answers the reads of a
 * plan once, directly (not through the proxy, so nothing is counted), before the bench measures anything.
 */
async function warmUp(emulatorUrl: string, seed: unknown): Promise<void> {
  const domains = Object.keys((seed as { domains?: Record<string, unknown> })?.domains ?? {});
  const headers = { authorization: `Bearer ${DEFAULT_API_KEY}`, accept: 'application/json' };
  const lists = ['', '/users?start=0&limit=1000', '/users/count', '/devices', '/phones?limit=1000', '/contacts'];
  for (let round = 0; round < 2; round++) {
    for (const d of domains) {
      for (const path of lists) {
        const res = await fetch(`${emulatorUrl}/domains/${d}${path}`, { headers });
        await res.arrayBuffer();
      }
    }
  }
}

/** The emulator on a worker thread of the server process (its CPU counts in that process's `cpuUsage`). */
function startEmulatorWorker(seed: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const worker = new Worker(__filename, { workerData: { benchEmulator: true, seed } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { url: string }) =>
      resolve({
        url: m.url,
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
    port.postMessage({ url: emu.url });
  });
}

if (isMainThread && require.main === module && process.argv.includes('--bench-server') && process.send) {
  const send = (r: Reply) => process.send?.(r);
  let closeAll: (() => Promise<void>) | undefined;
  let proxy: RunningProxy | undefined;
  // The TCP-level proxy; `PBXCTL_BENCH_PROXY=http` selects the HTTP-level one (A/B comparisons).
  const startProxy = process.env.PBXCTL_BENCH_PROXY === 'http' ? startHttpLatencyProxy : startLatencyProxy;
  let cpuFrom = process.cpuUsage();
  process.on('message', async (m: Ask) => {
    try {
      if (m.op === 'start' && m.options) {
        const options = m.options;
        const emu = await startEmulatorWorker(options.seed);
        await warmUp(emu.url, options.seed);
        proxy = await startProxy({
          target: emu.url,
          latencyMs: options.latencyMs,
          limitPerSecond: options.limitPerSecond,
        });
        const p = proxy;
        closeAll = async () => {
          await p.close();
          await emu.close();
        };
        send({ id: m.id, url: proxy.url });
      } else if (m.op === 'reset') {
        proxy?.reset();
        cpuFrom = process.cpuUsage();
        send({ id: m.id });
      } else if (m.op === 'stats') {
        send({ id: m.id, arrivals: proxy?.stats.arrivals ?? [], cpuMs: cpuMs(process.cpuUsage(cpuFrom)) });
      } else if (m.op === 'close') {
        await closeAll?.();
        send({ id: m.id });
      }
    } catch (err) {
      send({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
