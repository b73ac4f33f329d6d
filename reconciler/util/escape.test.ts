import { describe, expect, it } from 'vitest';
import { escapeControl, hasControl, quoteValue } from './escape';

describe('escapeControl', () => {
  it('escapes newlines, ANSI, C1, bidi and line separators; keeps letters of every script', () => {
    expect(escapeControl('Ada\nacme.yaml:1:1: fake')).toBe('Ada\\nacme.yaml:1:1: fake');
    expect(escapeControl('\x1b[31mred\x1b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(escapeControl('a\u0085b\u2028c\u202ed\u0000e\u007f')).toBe('a\\x85b\\u2028c\\u202ed\\x00e\\x7f');
    expect(escapeControl('Zoë Ñandú 山田 \t')).toBe('Zoë Ñandú 山田 \\t');
    expect(hasControl('plain')).toBe(false);
    expect(hasControl('a\rb')).toBe(true);
  });

  it('quoteValue keeps a value on one line and in its quotes', () => {
    expect(quoteValue('x"\n\\')).toBe('"x\\"\\n\\\\"');
  });
});
