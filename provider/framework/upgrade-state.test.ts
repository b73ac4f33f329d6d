/**
 * UpgradeResourceState skips normalizeBlock for a schema without nested blocks (the decoded object already
 * is the normal form): the answer must stay byte for byte what the full path gives, with write-only
 * attributes nulled, for stored states with missing, extra and null attributes.
 */
import { describe, expect, it } from 'vitest';
import { encodeDynamicValue, fromJsonValue, isObjectValue } from '../cty';
import { normalizeBlock } from './plan';
import type { AnyResource } from './resource';
import { attr, block, impliedType, type SchemaSpec } from './schema';
import { upgradeStoredState } from './upgrade-state';
import { withoutWriteOnly } from './write-only';

function resource(schema: SchemaSpec): AnyResource {
  return {
    typeName: 't_x',
    schema,
    create: async () => ({}),
    read: async () => null,
    update: async () => ({}),
    delete: async () => undefined,
  };
}

/** The full path, as it was. */
function reference(schema: SchemaSpec, json: string): string {
  const type = impliedType(schema);
  const value = fromJsonValue(JSON.parse(json), type, '');
  const state = isObjectValue(value) ? withoutWriteOnly(schema, normalizeBlock(schema, value)) : null;
  return encodeDynamicValue(state, type).msgpack.toString('hex');
}

const flat: SchemaSpec = {
  attributes: {
    id: attr.string({ computed: true }),
    name: attr.string({ required: true }),
    pin: attr.string({ optional: true, sensitive: true, writeOnly: true }),
    n: attr.number({ optional: true }),
    on: attr.bool({ optional: true }),
    tags: attr.set(attr.string().type!, { optional: true }),
    phone: attr.nested(
      'single',
      { mac: attr.string({ optional: true }), secret: attr.string({ optional: true, writeOnly: true }) },
      { optional: true },
    ),
  },
};
const withBlocks: SchemaSpec = {
  ...flat,
  blocks: { member: block.list({ attributes: { x: attr.string({ optional: true }) } }) },
};

const STATES = [
  '{}',
  '{"id":"a","name":"b"}',
  '{"name":"b","id":"a","pin":"1234","n":"2.5","on":"true","tags":["x","y"]}',
  '{"id":"a","name":"b","phone":{"mac":"m","secret":"s"},"extra":1}',
  '{"id":null,"name":null,"pin":null,"phone":null,"member":[{"x":"1"}]}',
  '{"id":"a","name":"b","member":null}',
];

describe('upgradeStoredState', () => {
  for (const schema of [flat, withBlocks]) {
    it(`answers as the full path does (${schema.blocks ? 'with' : 'without'} blocks)`, () => {
      const type = impliedType(schema);
      for (const json of STATES) {
        const res = upgradeStoredState(resource(schema), type, { version: 0, raw_state: { json: Buffer.from(json) } });
        const bytes = (res.upgraded_state as { msgpack: Buffer }).msgpack.toString('hex');
        expect(bytes, json).toBe(reference(schema, json));
      }
    });
  }
});
