/**
 * Fuzzes the loader (not a test; the suite runs a smaller count in bench/fuzz-files.test.ts):
 *
 *   node dist/bench/fuzz-validate.js [files=10000] [seed=13]
 *
 * Prints how many mutated files were loaded or refused, and the count of internal errors (anything but a
 * DesiredStateError) and of issues without a file:line — both must be 0. Exits 1 when they are not.
 */
import { join } from 'node:path';
import { fuzzValidate } from './fuzz-files';

function main(): number {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 13);
  const started = Date.now();
  const report = fuzzValidate(count, seed, join(__dirname, '../../examples/small-office/acme.yaml'));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${report.files} files (seed ${seed}) in ${secs} s: ${report.loaded} loaded, ${report.refused} refused with messages\n` +
      `internal errors: ${report.internal.length}\nissues without file:line, path, or with raw control characters: ${report.badIssues.length}\n`,
  );
  for (const x of report.internal.slice(0, 3))
    process.stdout.write(`--- internal error\n${x.error}\n--- file\n${x.sample}\n`);
  for (const x of report.badIssues.slice(0, 3)) process.stdout.write(`--- bad issue ${x.issue}\n`);
  return report.internal.length + report.badIssues.length === 0 ? 0 : 1;
}

process.exitCode = main();
