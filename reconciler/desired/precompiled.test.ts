import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDesiredStateSchema } from './json-schema';
import { FLEET_FILE_SCHEMA, PLATFORM_SECTION_SCHEMA } from './platform-section';
import { validatorFor } from './precompiled';

const STALE = 'validators.gen.js was built from another schema: run `npm run gen` and commit the result';

describe('precompiled validators (validators.gen.js)', () => {
  it('are used for the schemas they were generated from', () => {
    const compiled = () => {
      throw new Error(STALE);
    };
    for (const [name, schema] of [
      ['desiredState', buildDesiredStateSchema()],
      ['fleetFile', FLEET_FILE_SCHEMA],
      ['platformSection', PLATFORM_SECTION_SCHEMA],
    ] as const)
      expect(typeof validatorFor(name, schema, compiled), name).toBe('function');
  });

  it('are not used for another schema: that one is compiled', () => {
    const schema = { ...PLATFORM_SECTION_SCHEMA, additionalProperties: true };
    const own = new Ajv2020({ strict: false }).compile(schema);
    expect(validatorFor('platformSection', schema, () => own)).toBe(own);
  });

  it('report exactly the errors ajv reports when it compiles the schema at run time', () => {
    const schema = buildDesiredStateSchema();
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false });
    addFormats(ajv);
    const atRunTime = ajv.compile(schema);
    const precompiled = validatorFor('desiredState', schema, () => {
      throw new Error(STALE);
    });
    const base = parse(readFileSync(join(__dirname, 'test-support/mutation-corpus.yaml'), 'utf8')) as object;
    const replacements: unknown[] = [null, 7, 'x', '', true, [], {}, [1, 'a'], { unknown_field: 1 }, -1, 'nope@'];
    let seed = 15;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let invalid = 0;
    for (let round = 0; round < 300; round++) {
      const doc = structuredClone(base) as Record<string, unknown>;
      for (let edits = 1 + next(3); edits > 0; edits--) mutate(doc, replacements[next(replacements.length)], next);
      const a = atRunTime(doc) ? [] : atRunTime.errors;
      const b = precompiled(doc) ? [] : precompiled.errors;
      expect(b).toEqual(a);
      if (a?.length) invalid++;
    }
    expect(invalid).toBeGreaterThan(200);
  });
});

/** Replaces one value somewhere in `doc` (or adds an unknown key) with `value`. */
function mutate(doc: Record<string, unknown>, value: unknown, next: (n: number) => number): void {
  let node: Record<string, unknown> = doc;
  for (let depth = 0; depth < 4; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[next(keys.length)]!;
    const child = node[key];
    if (child === null || typeof child !== 'object' || next(3) === 0) {
      node[next(5) === 0 ? `unknwon_${key}` : key] = value;
      return;
    }
    node = child as Record<string, unknown>;
  }
  node.extra_key = value;
}
