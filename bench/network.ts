/**
 * Benchmark (not a test): plan and apply at DEFAULT client settings against the emulator behind a delaying
 * proxy (bench/latency-proxy.ts), each figure next to its floor (issue 15):
 *   floor = minimum requests ÷ concurrency 8 × latency.
 * - plan of N users (phones, answer rules, 200 contacts): the minimum is one answer-rule read per user (the
 *   API has no domain-wide list) plus one request per domain-wide list page;
 * - apply of N creates (user, phone, answer rule, welcome e-mail each): the minimum is the writes it sent
 *   (every one of them is needed), so the ratio shows how well they overlap;
 * - 429 injection: a plan through a proxy that turns away requests beyond a rate; the figure is the rate the
 *   client sent at once it had converged (the second half of the run), against the limit.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_KEY } from '../emulator';
import { applyPlanRun, envSecretResolver, loadDesiredState, NetSapiensClient, runPlan } from '../reconciler';
import { type ThreadedServers as RunningProxy, startServerThread } from './server-thread';
import { type BenchCase, DOMAIN, desiredFor, seedFor } from './plan-users';
import { inFlightOverRun, measured, measuresNote } from './net-measure';
import type { ReplayInput, ReplayResult } from './bare-replay';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: 'ms' | 'requests' | 'req/s';
  readonly floor: number;
  /** The ratio to the floor it must stay under; none for a reference figure (the harness's own floor). */
  readonly target?: number;
  readonly note?: string;
}

const CONCURRENCY = 8;
const perUserRead = /\/users\/[^/]+\/answerrules/;

/** Requests beyond one per user read: the domain-wide lists (one page each, or more for long lists). */
function minimumPlanRequests(proxy: RunningProxy, users: number): number {
  const lists = new Set(proxy.stats.arrivals.filter((a) => !perUserRead.test(a.path)).map((a) => a.path.split('?')[0]));
  // Users and devices are lists of N: N ÷ 1000 + 1 pages (a full page means "maybe more").
  return users + lists.size + 2 * Math.floor(users / 1000);
}

async function withSetup<T>(
  c: BenchCase,
  seeded: boolean,
  latencyMs: number,
  limitPerSecond: number | undefined,
  fn: (dir: string, client: NetSapiensClient, proxy: RunningProxy) => Promise<T>,
): Promise<T> {
  // An empty domain but for site HQ, which the desired users are placed at (users name an existing site).
  const seed = seeded
    ? seedFor(c)
    : { domains: { [DOMAIN]: { domain: { description: 'bench' }, sites: [{ site: 'HQ' }] } } };
  // Emulator and proxy in a worker thread: the client has this thread to itself (bench/server-thread.ts).
  const proxy = await startServerThread({ seed, latencyMs, limitPerSecond });
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-net-'));
  writeFileSync(join(dir, 'bench.yaml'), desiredFor(c));
  // Default settings: no rate, concurrency or pacing option (the environment's PBXCTL_* aside).
  const client = new NetSapiensClient({ baseUrl: proxy.url, apiKey: DEFAULT_API_KEY });
  try {
    return await fn(dir, client, proxy);
  } finally {
    await client.close();
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the adaptive pacer ended: its window and how often it cut (a loaded machine shows up here). */
function pacerNote(client: NetSapiensClient): string {
  const p = client.pacing();
  return `pacer window ${p.window.toFixed(1)} of ${CONCURRENCY} after ${p.cuts} cuts (${p.latencyCuts} by latency)`;
}

/** When the per-user reads began (they need the domain-wide user list) and how long the run went on after them. */
function startNote(proxy: RunningProxy): string {
  const arrivals = proxy.stats.arrivals;
  const perUser = arrivals.filter((a) => perUserRead.test(a.path));
  const first = perUser[0]?.at ?? 0;
  const lastPerUser = perUser.reduce((t, a) => Math.max(t, a.done ?? a.at), 0);
  const end = arrivals.reduce((t, a) => Math.max(t, a.done ?? a.at), 0);
  return `per-user reads from ${first.toFixed(0)} ms, ${(end - lastPerUser).toFixed(0)} ms of requests after the last`;
}

const load = (dir: string) => loadDesiredState(dir, { secrets: envSecretResolver({}) });

/**
 * The plan's own requests replayed by undici alone in a fresh process (bench/bare-replay.ts), through the same
 * proxy: the harness's floor. Its wall time from the replay, its requests in flight from the proxy.
 */
async function bareReplay(
  proxy: RunningProxy,
  requests: ReplayInput['requests'],
): Promise<ReplayResult & { inFlight: number }> {
  const url = new URL(proxy.url);
  const input: ReplayInput = {
    origin: url.origin,
    requests,
    concurrency: CONCURRENCY,
    headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, accept: 'application/json' },
  };
  await proxy.reset();
  const r = await new Promise<ReplayResult>((resolve, reject) => {
    const child = fork(join(__dirname, 'bare-replay.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: { ok?: ReplayResult; error?: string } | undefined;
    child.once('message', (m: typeof answer) => {
      answer = m;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (answer?.ok) resolve(answer.ok);
      else reject(new Error(`the bare replay failed: ${answer?.error ?? `exit ${code}`}`));
    });
    child.send(input);
  });
  await proxy.refresh();
  return { ...r, inFlight: inFlightOverRun(proxy.stats.arrivals) ?? 0 };
}

export async function planFigures(users: number, latencyMs: number): Promise<Figure[]> {
  const c: BenchCase = { name: 'plan', users, full: true, contacts: 200 };
  return withSetup(c, true, latencyMs, undefined, async (dir, client, proxy) => {
    const state = load(dir);
    const { m } = await measured(client, proxy, () => runPlan(state, client, {}));
    const ms = m.wallMs;
    const requests = proxy.stats.arrivals.length;
    const minimum = minimumPlanRequests(proxy, users);
    const floor = (minimum / CONCURRENCY) * latencyMs;
    const start = startNote(proxy);
    const bare = await bareReplay(
      proxy,
      proxy.stats.arrivals.map((a) => ({ method: a.method, path: a.path })),
    );
    if (bare.failed > 0) throw new Error(`the bare replay got ${bare.failed} error answers`);
    return [
      {
        name: `plan, ${users} users, ${latencyMs} ms`,
        value: ms,
        unit: 'ms',
        floor,
        target: 1.3,
        note: `${pacerNote(client)}; ${start}; ${measuresNote(m, latencyMs)}; ${(ms / bare.wallMs).toFixed(2)}× the bare replay below`,
      },
      {
        name: `plan, ${users} users: its ${bare.sent} requests replayed by undici alone (the harness's floor)`,
        value: bare.wallMs,
        unit: 'ms',
        floor,
        note: `a fresh process, ${CONCURRENCY} at a time in the plan's order, no pacing or decoding and no wait for the users' list; in flight ${bare.inFlight.toFixed(2)} of ${CONCURRENCY} at the proxy, ${proxy.stats.arrivals.length} requests`,
      },
      { name: `plan, ${users} users: requests`, value: requests, unit: 'requests', floor: minimum, target: 1.05 },
    ];
  });
}

export async function applyFigures(users: number, latencyMs: number): Promise<Figure[]> {
  const c: BenchCase = { name: 'apply', users, full: true, contacts: 0 };
  return withSetup(c, false, latencyMs, undefined, async (dir, client, proxy) => {
    const run = await runPlan(load(dir), client, {});
    const auditPath = join(dir, 'audit.jsonl');
    const apply = () => applyPlanRun({ client, run, auditPath, context: { tool: 'pbxctl bench' }, verify: false });
    const { value: result, m } = await measured(client, proxy, apply);
    const ms = m.wallMs;
    const writes = proxy.stats.arrivals.length;
    const floor = (writes / CONCURRENCY) * latencyMs;
    const applied = result.results.filter((r) => r.result === 'applied').length;
    return [
      {
        name: `apply, ${users} creates, ${latencyMs} ms`,
        value: ms,
        unit: 'ms',
        floor,
        target: 1.5,
        note: `${applied}/${result.results.length} applied, ${writes} requests (${(writes / users).toFixed(2)}/user); ${pacerNote(client)}; ${measuresNote(m, latencyMs)}`,
      },
    ];
  });
}

export async function throttleFigures(users: number, latencyMs: number, limit: number): Promise<Figure[]> {
  const c: BenchCase = { name: '429', users, full: true, contacts: 200 };
  return withSetup(c, true, latencyMs, limit, async (dir, client, proxy) => {
    const state = load(dir);
    await proxy.reset();
    await runPlan(state, client, {});
    await proxy.refresh();
    const arrivals = proxy.stats.arrivals;
    const end = arrivals[arrivals.length - 1]?.at ?? 0;
    // Converged: the second half of the run, in whole seconds.
    const from = Math.ceil(end / 2000) * 1000;
    const seconds = Math.max(1, Math.floor((end - from) / 1000));
    const sent = arrivals.filter((a) => a.at >= from && a.at < from + seconds * 1000).length / seconds;
    const rejected = arrivals.filter((a) => a.rejected).length;
    return [
      {
        name: `429 injection at ${limit} req/s: rate sent once converged`,
        value: sent,
        unit: 'req/s',
        floor: limit,
        target: 1.1,
        note: `${rejected} requests turned away of ${arrivals.length}; ${client.stats.throttled} throttled answers seen`,
      },
    ];
  });
}
