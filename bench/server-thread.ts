/**
 * The emulator and the latency proxy in a worker thread (benchmarks only): the client under test gets the
 * main thread's event loop to itself, as it would against a real server, instead of sharing it with the
 * server's CPU and the proxy's 20 ms timers (issue 15: on one thread, 8 requests in flight took ~31 ms each
 * at 20 ms of latency, all of the difference spent server-side).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startEmulator } from '../emulator';
import { startLatencyProxy, type ProxyStats } from './latency-proxy';

export interface ServerOptions {
  readonly seed: unknown;
  readonly latencyMs: number;
  readonly limitPerSecond?: number;
}

export interface ThreadedServers {
  readonly url: string;
  /** The proxy's arrivals as of the last `refresh()`. */
  readonly stats: ProxyStats;
  reset(): Promise<void>;
  refresh(): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; url?: string; arrivals?: ProxyStats['arrivals']; error?: string };

export async function startServerThread(options: ServerOptions): Promise<ThreadedServers> {
  const worker = new Worker(__filename, { workerData: { benchServer: options } });
  const waiting = new Map<number, (r: Reply) => void>();
  let next = 0;
  worker.on('message', (r: Reply) => waiting.get(r.id)?.(r));
  const ask = (op: string) =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (r) => {
        waiting.delete(id);
        if (r.error) reject(new Error(r.error));
        else resolve(r);
      });
      worker.postMessage({ id, op });
    });
  const started = await ask('start');
  const stats: ProxyStats = { arrivals: [] };
  return {
    url: started.url as string,
    stats,
    reset: async () => {
      await ask('reset');
      stats.arrivals.length = 0;
    },
    refresh: async () => {
      const r = await ask('stats');
      stats.arrivals.length = 0;
      stats.arrivals.push(...(r.arrivals ?? []));
    },
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData?.benchServer && parentPort) {
  const port = parentPort;
  const options = workerData.benchServer as ServerOptions;
  let closeAll: (() => Promise<void>) | undefined;
  let proxy: Awaited<ReturnType<typeof startLatencyProxy>> | undefined;
  port.on('message', async (m: { id: number; op: string }) => {
    try {
      if (m.op === 'start') {
        const emu = await startEmulator({ seed: options.seed as never });
        proxy = await startLatencyProxy({
          target: emu.url,
          latencyMs: options.latencyMs,
          limitPerSecond: options.limitPerSecond,
        });
        const p = proxy;
        closeAll = async () => {
          await p.close();
          await emu.close();
        };
        port.postMessage({ id: m.id, url: proxy.url });
      } else if (m.op === 'reset') {
        proxy?.reset();
        port.postMessage({ id: m.id });
      } else if (m.op === 'stats') {
        port.postMessage({ id: m.id, arrivals: proxy?.stats.arrivals ?? [] });
      } else if (m.op === 'close') {
        await closeAll?.();
        port.postMessage({ id: m.id });
      }
    } catch (err) {
      port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
