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

  it('a value whose write-only attributes are already null is returned as is, not copied', () => {
    const v = {
      id: 'x',
      token: null,
      voicemail: { pin: null, pin_version: '2' },
      lines: [{ secret: null, n: 1 }],
    };
    expect(withoutWriteOnly(schema, v)).toBe(v);
    // A missing write-only attribute comes back as null, in a copy.
    const partial = { id: 'x', voicemail: null, lines: null };
    const out = withoutWriteOnly(schema, partial);
    expect(out).toEqual({ id: 'x', token: null, voicemail: null, lines: null });
    expect(partial).toEqual({ id: 'x', voicemail: null, lines: null });
    // One element holding a value: that element and its parents are copied, the other element is kept.
    const kept = { secret: null, n: 2 };
    const mixed = { ...v, lines: [{ secret: 's9', n: 1 }, kept] };
    const cleaned = withoutWriteOnly(schema, mixed) as { lines: unknown[] };
    expect(cleaned.lines).toEqual([{ secret: null, n: 1 }, kept]);
    expect(cleaned.lines[1]).toBe(kept);
    expect(mixed.lines[0]?.secret).toBe('s9');
  });

  it('a schema without write-only attributes is returned as is', () => {
    const plain: SchemaSpec = { attributes: { id: attr.string({ computed: true }) } };
    expect(hasWriteOnly(plain)).toBe(false);
    const v = { id: 'x' };
    expect(withoutWriteOnly(plain, v)).toBe(v);
    expect(withoutWriteOnly(schema, null)).toBeNull();
  });
});
