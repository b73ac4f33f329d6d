import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEmbeddedModule } from './embed';

describe('embedded proto text', () => {
  it('matches the .proto files (run with UPDATE_EMBEDDED_PROTO=1 to regenerate)', () => {
    const target = join(__dirname, 'embedded.ts');
    const expected = renderEmbeddedModule(__dirname);
    if (process.env.UPDATE_EMBEDDED_PROTO === '1') writeFileSync(target, expected);
    expect(readFileSync(target, 'utf8')).toBe(expected);
  });
});
