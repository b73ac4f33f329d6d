/** The desired-state JSON Schema is valid JSON Schema 2020-12: the loader compiles it without re-checking. */
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY } from '../kinds/registry';
import { buildDesiredStateSchema } from './json-schema';

describe('desired-state JSON Schema', () => {
  it('is valid against the 2020-12 meta-schema (the loader compiles it with validateSchema off)', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(buildDesiredStateSchema(DEFAULT_REGISTRY)), ajv.errorsText()).toBe(true);
    // The check can fail: a schema with a wrong keyword value is refused.
    expect(ajv.validateSchema({ type: 5 })).toBe(false);
  });
});
