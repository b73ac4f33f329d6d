/**
 * Preloaded (`node -r`) into the CLI child by scale.ts: writes the process's CPU time in ms to
 * PBXCTL_BENCH_CPU_FILE when it exits, so the benchmark can print the CLI's CPU beside its wall time.
 * Benchmark-only: nothing in the product loads it.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.PBXCTL_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const used = process.cpuUsage();
    writeFileSync(file, String((used.user + used.system) / 1000));
  });
}
