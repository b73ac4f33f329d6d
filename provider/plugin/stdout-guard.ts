import { inspect } from 'node:util';
import { startupSnapshot } from 'node:v8';

/**
 * Terraform reads the plugin's stdout for the handshake line, and any byte
 * written there first breaks loading ("Unrecognized remote plugin message").
 * Importing this module (first, from the entry script) sends console.* and
 * process.stdout writes to stderr; only writeHandshakeLine reaches stdout.
 * Not while a V8 start-up snapshot is built (provider/snapshot-entry.ts): the stdout bound then would be the
 * build's; that entry guards at run time, first thing.
 */
let realStdoutWrite: ((text: string) => boolean) | undefined;
let guarded = false;

export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  realStdoutWrite = process.stdout.write.bind(process.stdout);
  const toStderr = (...args: unknown[]): void => {
    process.stderr.write(`${args.map((a) => (typeof a === 'string' ? a : safeInspect(a))).join(' ')}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  console.error = toStderr;
  console.trace = toStderr;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

/** The only stdout write of the process. */
export function writeHandshakeLine(line: string): void {
  (realStdoutWrite ?? process.stdout.write.bind(process.stdout))(`${line}\n`);
}

function safeInspect(v: unknown): string {
  try {
    return inspect(v, { depth: 4 });
  } catch {
    return String(v);
  }
}

if (!startupSnapshot.isBuildingSnapshot()) guardStdout();
