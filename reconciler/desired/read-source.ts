/**
 * Reading one desired-state file safely, before any parsing: a size limit (so a huge file fails at once
 * with a message, not after minutes and gigabytes) and an encoding check (UTF-8 only; a UTF-8 BOM is
 * accepted and dropped; UTF-16 and Latin-1 are refused with the encoding named).
 */
import { readFileSync, statSync } from 'node:fs';
import type { DesiredStateIssue } from '../errors';

/** Default per-file limit; `PBXCTL_MAX_FILE_BYTES` overrides it. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PBXCTL_MAX_FILE_BYTES;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_FILE_BYTES;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 1)} MB`;

/** Names the encoding of bytes that are not valid UTF-8 (or are UTF-16 / UTF-32). */
function foreignEncoding(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  if (oddZeros > sample.length / 8 && evenZeros === 0) return 'UTF-16 (little-endian, no byte-order mark)';
  if (evenZeros > sample.length / 8 && oddZeros === 0) return 'UTF-16 (big-endian, no byte-order mark)';
  if (evenZeros + oddZeros > 0) return 'binary (it contains NUL bytes)';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    return 'not UTF-8 (probably Latin-1 / Windows-1252)';
  }
}

/** Byte offset → 1-based line and column of the first byte that is not valid UTF-8. */
function firstBadByte(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { line, column };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return { line, column };
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return { line, column };
}

type Source = { text: string } | { issue: DesiredStateIssue };

/** The text of a file, or an issue saying why it cannot be read (too large — checked before reading —, not UTF-8). */
export function readSource(file: string, displayName: string, env: NodeJS.ProcessEnv = process.env): Source {
  const limit = maxFileBytes(env);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return {
      issue: { position: { file: displayName, line: 1, column: 1 }, path: '', message: `cannot read ${displayName}` },
    };
  }
  if (size > limit) return { issue: tooLarge(displayName, size, limit) };
  return decodeSource(readFileSync(file), displayName, env);
}

function tooLarge(displayName: string, size: number, limit: number): DesiredStateIssue {
  return {
    position: { file: displayName, line: 1, column: 1 },
    path: '',
    message: `the file is ${mb(size)}, over the ${mb(limit)} limit for one desired-state file`,
    hint: 'split the domain into several files in a directory, or raise PBXCTL_MAX_FILE_BYTES',
  };
}

/** Bytes → text: the size limit, UTF-8 only (a UTF-8 BOM is dropped), other encodings named. */
export function decodeSource(bytes: Buffer, displayName: string, env: NodeJS.ProcessEnv = process.env): Source {
  const limit = maxFileBytes(env);
  if (bytes.length > limit) return { issue: tooLarge(displayName, bytes.length, limit) };
  const foreign = foreignEncoding(bytes);
  if (foreign) {
    const pos = foreign.startsWith('not UTF-8') ? firstBadByte(bytes) : { line: 1, column: 1 };
    return {
      issue: {
        position: { file: displayName, ...pos },
        path: '',
        message: `the file is ${foreign}; desired-state files must be UTF-8`,
        hint: 'convert it, e.g. `iconv -f LATIN1 -t UTF-8` (or save as UTF-8 in your editor)',
      },
    };
  }
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
