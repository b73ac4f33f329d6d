/**
 * Printing values that came from a file or the platform so they cannot fake output: a newline inside a
 * name cannot start a fake `file:line: …` line, an ANSI sequence cannot recolour or erase the terminal, a
 * bidi override cannot reorder what a reviewer reads. Control characters (C0, DEL, C1), line and paragraph
 * separators, and bidi/zero-width format characters are shown as `\n`, `\t`, `\x1b`, `\u202e`…
 */

// C0 controls, DEL, C1 controls, zero-width and bidi format characters, line/paragraph separators, BOM.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character escaped (printable text, including non-ASCII letters, unchanged). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Does the text contain anything `escapeControl` would change? */
export function hasControl(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** A value in double quotes, with `"` and `\` escaped as well: `"Ada\nfile.yaml:1:1: x"` stays one line. */
export function quoteValue(text: string): string {
  return `"${escapeControl(text.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}
