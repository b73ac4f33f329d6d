import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENCODED_SCHEMA_PATH,
  encodedSchemaText,
  PROVIDER_SCHEMA_PATH,
  providerSchemaText,
} from '../../scripts/gen-provider-schema';
import { ROOT } from '../test-support/resources';

describe('provider/schema/netsapiens.schema.json', () => {
  it('is fresh (regenerate: npm run gen:provider-schema)', () => {
    const committed = readFileSync(join(ROOT, PROVIDER_SCHEMA_PATH), 'utf8');
    expect(committed, 'stale: run `npm run gen:provider-schema` (then `npm run gen:bindings`)').toBe(
      providerSchemaText(),
    );
  });

  it('has its GetProviderSchema answer, encoded, in get-provider-schema.json (regenerate: npm run gen:provider-schema)', () => {
    const committed = readFileSync(join(ROOT, PROVIDER_SCHEMA_PATH), 'utf8');
    expect(readFileSync(join(ROOT, ENCODED_SCHEMA_PATH), 'utf8'), 'stale: run `npm run gen:provider-schema`').toBe(
      encodedSchemaText(JSON.parse(committed) as object),
    );
  });

  it('carries the YAML field rules: required / optional+computed / sensitive / forceNew-free JSON', () => {
    const doc = JSON.parse(providerSchemaText()) as {
      provider_schemas: Record<
        string,
        { resource_schemas: Record<string, { block: { attributes: Record<string, Record<string, unknown>> } }> }
      >;
    };
    const user =
      doc.provider_schemas['registry.terraform.io/pbxctl/netsapiens']!.resource_schemas.netsapiens_user!.block
        .attributes;
    expect(user.extension).toMatchObject({ type: 'string', required: true });
    expect(user.department).toMatchObject({ type: 'string', optional: true, computed: true });
    expect(user.allow).toMatchObject({ type: ['set', 'string'], optional: true, computed: true });
    expect(user.welcome_email).toEqual({
      type: 'bool',
      optional: true,
      description: expect.any(String),
      description_kind: 'plain',
    });
    expect((user.voicemail!.nested_type as { attributes: Record<string, unknown> }).attributes.pin).toMatchObject({
      optional: true,
      sensitive: true,
    });
    expect(user.email!.sensitive).toBeUndefined();
  });
});
