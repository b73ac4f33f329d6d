import { describe, expect, it } from 'vitest';
import { attr, type SchemaSpec } from './schema';
import { hasWriteOnly, withoutWriteOnly } from './write-only';

const schema: SchemaSpec = {
  attributes: {
    id: attr.string({ computed: true }),
    token: attr.string({ optional: true, writeOnly: true }),
    voicemail: attr.nested(
      'single',
      {
        pin: attr.string({ optional: true, sensitive: true, writeOnly: true }),
        pin_version: attr.string({ optional: true }),
      },
      { optional: true },
    ),
    lines: attr.nested(
      'list',
      { secret: attr.string({ optional: true, writeOnly: true }), n: attr.number({ optional: true }) },
      { optional: true },
    ),
  },
};

describe('write-only attributes', () => {
  it('are null at every level; everything else is kept', () => {
    const v = {
      id: 'x',
      token: 't0ps3cret',
      voicemail: { pin: '739154', pin_version: '2' },
      lines: [
        { secret: 's1', n: 1 },
        { secret: null, n: 2 },
      ],
    };
    const out = withoutWriteOnly(schema, v);
    expect(out).toEqual({
      id: 'x',
      token: null,
      voicemail: { pin: null, pin_version: '2' },
      lines: [
        { secret: null, n: 1 },
        { secret: null, n: 2 },
      ],
    });
    expect(JSON.stringify(out)).not.toMatch(/739154|t0ps3cret|s1/);
    expect(v.voicemail.pin).toBe('739154'); // the input is not mutated
  });

  it('a schema without write-only attributes is returned as is', () => {
    const plain: SchemaSpec = { attributes: { id: attr.string({ computed: true }) } };
    expect(hasWriteOnly(plain)).toBe(false);
    const v = { id: 'x' };
    expect(withoutWriteOnly(plain, v)).toBe(v);
    expect(withoutWriteOnly(schema, null)).toBeNull();
  });
});
