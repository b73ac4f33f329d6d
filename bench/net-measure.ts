/**
 * Steady measures for the network figures (issue 15), beside the wall time that a loaded machine makes noisy:
 * - requests in flight at the proxy, averaged over the run (Σ open time of each request ÷ wall time): 8 means
 *   the client kept its whole window busy, less means gaps (start, tail, waits between requests);
 * - the mean time per request seen by the client (send to last byte) and at the proxy (arrival to the end of
 *   its answer), against the injected latency: what is above it is CPU time and queueing on either side;
 * - the client's CPU per request (this process; the servers run in another one) and the server's;
 * - the event loop's lag while the run went on (a CPU-starved client answers late, whatever the server does);
 * - for an apply: fsync calls (the group commit's, counted by wrapping `fs.fsync`) and the time writes waited
 *   for their journal line to be on disk;
 * - the load average, to read the wall time against.
 */
import fs from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NetSapiensClient } from '../reconciler';
import type { ThreadedServers } from './server-thread';

export interface RunMeasures {
  readonly wallMs: number;
  readonly requests: number;
  readonly inFlightAvg: number;
  readonly clientMsPerRequest: number;
  readonly proxyMsPerRequest: number;
  readonly clientCpuMsPerRequest: number;
  /** Of the client's CPU, the share spent in the kernel (socket calls on loopback, fsync). */
  readonly clientSysShare: number;
  readonly serverCpuMsPerRequest: number;
  readonly loopLagMeanMs: number;
  readonly loopLagP99Ms: number;
  readonly fsyncs: number;
  readonly fsyncMs: number;
  readonly writes: number;
  readonly durableMsPerWrite: number;
  readonly load: string;
  /** Requests in flight at the proxy, averaged over the first and the last second of the run. */
  readonly inFlightFirstSecond: number;
  readonly inFlightLastSecond: number;
}

/** Requests open at the proxy, averaged over [from, to) (ms since the proxy's reset). */
export function inFlightBetween(arrivals: ThreadedServers['stats']['arrivals'], from: number, to: number): number {
  let open = 0;
  for (const a of arrivals) open += Math.max(0, Math.min(to, a.done ?? a.at) - Math.max(from, a.at));
  return to > from ? open / (to - from) : 0;
}

/** Requests open at the proxy, averaged from the first arrival to the last answer; undefined without requests. */
export function inFlightOverRun(arrivals: ThreadedServers['stats']['arrivals']): number | undefined {
  if (arrivals.length === 0) return undefined;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const a of arrivals) {
    from = Math.min(from, a.at);
    to = Math.max(to, a.done ?? a.at);
  }
  return inFlightBetween(arrivals, from, to);
}

const LAG_RESOLUTION_MS = 5;

/** Counts `fs.fsync` calls (the group commit's) and the time from call to callback. */
function countFsyncs(): { stop(): { calls: number; ms: number } } {
  const original = fs.fsync;
  let calls = 0;
  let ms = 0;
  const wrapped = ((fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => {
    calls++;
    const from = performance.now();
    original(fd, (err) => {
      ms += performance.now() - from;
      cb(err);
    });
  }) as typeof fs.fsync;
  fs.fsync = wrapped;
  return {
    stop() {
      fs.fsync = original;
      return { calls, ms };
    },
  };
}

/** Runs `fn` (after `proxy.reset()`), then refreshes the proxy's figures and measures the run. */
export async function measured<T>(
  client: NetSapiensClient,
  proxy: ThreadedServers,
  fn: () => Promise<T>,
): Promise<{ value: T; m: RunMeasures }> {
  await proxy.reset();
  const before = { ...client.stats, byMethod: { ...client.stats.byMethod } };
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  const fsyncs = countFsyncs();
  const load0 = loadavg()[0] as number;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let value: T;
  try {
    value = await fn();
  } finally {
    lag.disable();
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const synced = fsyncs.stop();
  const load1 = loadavg()[0] as number;
  await proxy.refresh();
  const arrivals = proxy.stats.arrivals;
  const lastDone = arrivals.reduce((t, a) => Math.max(t, a.done ?? a.at), 0);
  const open = arrivals.reduce((sum, a) => sum + Math.max(0, (a.done ?? a.at) - a.at), 0);
  const requests = client.stats.requests - before.requests;
  const writeCount = (s: typeof before) =>
    ['POST', 'PUT', 'PATCH', 'DELETE'].reduce((n, k) => n + (s.byMethod[k] ?? 0), 0);
  const writes = writeCount(client.stats) - writeCount(before);
  const per = (x: number, n: number) => (n > 0 ? x / n : 0);
  const m: RunMeasures = {
    wallMs,
    requests,
    inFlightAvg: open / wallMs,
    clientMsPerRequest: per(client.stats.wireMs - before.wireMs, requests),
    proxyMsPerRequest: per(open, arrivals.length),
    clientCpuMsPerRequest: per((cpu.user + cpu.system) / 1000, requests),
    clientSysShare: per(cpu.system, cpu.user + cpu.system),
    serverCpuMsPerRequest: per(proxy.serverCpuMs, arrivals.length),
    // The histogram records whole timer intervals: the lag is what is above the resolution.
    loopLagMeanMs: Math.max(0, lag.mean / 1e6 - LAG_RESOLUTION_MS),
    loopLagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS),
    fsyncs: synced.calls,
    fsyncMs: synced.ms,
    writes,
    durableMsPerWrite: per(client.stats.durableMs - before.durableMs, writes),
    load: `${load0.toFixed(1)}→${load1.toFixed(1)}`,
    inFlightFirstSecond: inFlightBetween(arrivals, 0, Math.min(1000, wallMs)),
    inFlightLastSecond: inFlightBetween(arrivals, Math.max(0, lastDone - 1000), lastDone),
  };
  return { value, m };
}

/** The measures as one note: in flight, per-request times, CPU, lag, fsyncs, load average. */
export function measuresNote(m: RunMeasures, latencyMs: number): string {
  const parts = [
    `in flight ${m.inFlightAvg.toFixed(2)} avg (first second ${m.inFlightFirstSecond.toFixed(1)}, last ${m.inFlightLastSecond.toFixed(1)})`,
    `per request: client ${m.clientMsPerRequest.toFixed(1)} ms, proxy ${m.proxyMsPerRequest.toFixed(1)} ms (latency ${latencyMs})`,
    `CPU/request: client ${m.clientCpuMsPerRequest.toFixed(2)} ms (${(100 * m.clientSysShare).toFixed(0)} % system), server ${m.serverCpuMsPerRequest.toFixed(2)} ms`,
    `loop lag ${m.loopLagMeanMs.toFixed(1)} ms mean, p99 ${m.loopLagP99Ms.toFixed(0)} ms`,
  ];
  if (m.writes > 0) {
    parts.push(
      `${m.fsyncs} fsyncs for ${m.writes} writes (${(m.fsyncMs / Math.max(1, m.fsyncs)).toFixed(1)} ms each), durable wait ${m.durableMsPerWrite.toFixed(1)} ms/write`,
    );
  }
  parts.push(`load ${m.load}`);
  return parts.join('; ');
}
