/**
 * Benchmarks only (bench/terraform-plan.ts): loaded into each provider process with `--require` in
 * NODE_OPTIONS. At exit it writes the process's CPU time and lifetime to `$PBXCTL_BENCH_CPU_DIR/<pid>.json`,
 * and with `$PBXCTL_BENCH_PROFILE_DIR` a V8 CPU profile of the whole run to `<dir>/<pid>.cpuprofile`
 * (Node 20 refuses `--cpu-prof` in NODE_OPTIONS). Writes nothing to stdout (the go-plugin handshake line
 * must be the first thing there).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const cpuDir = process.env.PBXCTL_BENCH_CPU_DIR;
const profileDir = process.env.PBXCTL_BENCH_PROFILE_DIR;

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch {
    // a benchmark figure is missing; the provider's exit is not the place to fail
  }
}

let session: Session | undefined;
if (profileDir) {
  session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
}

process.on('exit', () => {
  const cpu = process.cpuUsage();
  if (cpuDir) {
    const record = {
      pid: process.pid,
      userMs: cpu.user / 1000,
      systemMs: cpu.system / 1000,
      startedAt: performance.timeOrigin,
      exitedAt: performance.timeOrigin + performance.now(),
    };
    write(join(cpuDir, `${process.pid}.json`), JSON.stringify(record));
  }
  if (session && profileDir) {
    // The in-process inspector session answers synchronously, so this runs before the process ends.
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      mkdirSync(profileDir, { recursive: true });
      write(join(profileDir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  }
});
