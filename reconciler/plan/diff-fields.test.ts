/** diffFields finds each field's spec once per level; the specs must be the ones `fieldAt` finds by path. */
import { describe, expect, it } from 'vitest';
import { type Comparable, fieldAt } from '../kinds/kind';
import { DEFAULT_REGISTRY } from '../kinds/registry';
import { SecretValue } from '../kinds/secret';
import { diffFields, type FieldChange, sameValue } from './diff-fields';

/** The former implementation: every path resolved from the kind's root with `fieldAt`. */
function reference(kindName: string, desired: Comparable, live: Comparable | undefined, prefix = ''): FieldChange[] {
  const kind = DEFAULT_REGISTRY.get(kindName);
  const out: FieldChange[] = [];
  const isObj = (v: unknown): v is Comparable =>
    !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof SecretValue);
  for (const name of Object.keys(desired).sort()) {
    const path = prefix ? `${prefix}.${name}` : name;
    const spec = kind ? fieldAt(kind.fields, path) : undefined;
    if (spec?.notCompared) continue;
    const after = desired[name];
    const before = live?.[name];
    if (isObj(after) && isObj(before)) {
      out.push(...reference(kindName, after, before, path));
      continue;
    }
    if (sameValue(after, before)) continue;
    out.push({
      path,
      before,
      after,
      class: kind?.changeClass?.(path, before, after) ?? spec?.class ?? 'routing',
      ...(after instanceof SecretValue || before instanceof SecretValue || spec?.type === 'secret'
        ? { sensitive: true }
        : {}),
      ...(spec?.pii ? { pii: true } : {}),
    });
  }
  return out;
}

describe('diffFields', () => {
  it('finds the same specs as fieldAt: nested objects, dotted names, unknown and non-object parents', () => {
    const desired: Comparable = {
      first_name: 'Ann',
      welcome_email: true,
      ring_timeout: 30,
      voicemail: { enabled: false, pin: 'x', transcription: true, unknown: { deeper: 1 } },
      'voicemail.pin': '1234',
      'voicemail.transcription': true,
      'phone.mac': '0004f2000001',
      phone: { mac: '0004f2000002', model: 'yealink-t54w' },
      site: { nested: 'under a string field' },
      nowhere: { at: { all: 1 } },
      '': 'empty name',
    };
    const live: Comparable = {
      first_name: 'Bob',
      ring_timeout: 25,
      voicemail: { enabled: true, pin: 'y', transcription: false, unknown: { deeper: 2 } },
      phone: { mac: '0004f2000003', model: 'yealink-t54w' },
      site: { nested: 'other' },
      nowhere: { at: { all: 2 } },
    };
    const got = diffFields('user', desired, live);
    expect(got).toEqual(reference('user', desired, live));
    expect(got.map((f) => [f.path, f.class, f.sensitive ?? false, f.pii ?? false])).toContainEqual([
      'first_name',
      'cosmetic',
      false,
      true,
    ]);
    expect(got.find((f) => f.path === 'voicemail.pin')?.sensitive).toBe(true);
    expect(diffFields('user', desired.voicemail as Comparable, live.voicemail as Comparable, 'voicemail')).toEqual(
      reference('user', desired.voicemail as Comparable, live.voicemail as Comparable, 'voicemail'),
    );
    expect(diffFields('no_such_kind', desired, live)).toEqual(reference('no_such_kind', desired, live));
    // Objects of one kind share a key list (remembered); a different order must not change the answer.
    const reordered = Object.fromEntries(Object.entries(desired).reverse()) as Comparable;
    expect(diffFields('user', reordered, live)).toEqual(got);
  });
});
