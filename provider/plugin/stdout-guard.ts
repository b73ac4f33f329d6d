import { inspect } from 'node:util';

/**
 * Terraform reads the plugin's stdout for the handshake line, and any byte
 * written there first breaks loading ("Unrecognized remote plugin message").
 * Importing this module (first, from the entry script) sends console.* and
 * process.stdout writes to stderr; only writeHandshakeLine reaches stdout.
 */
const realStdoutWrite = process.stdout.write.bind(process.stdout);
let guarded = false;

export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
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
  realStdoutWrite(`${line}\n`);
}

function safeInspect(v: unknown): string {
  try {
    return inspect(v, { depth: 4 });
  } catch {
    return String(v);
  }
}

guardStdout();
