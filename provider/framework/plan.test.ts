import { describe, expect, it } from 'vitest';
import { type CtyObject, UNKNOWN, Unknown } from '../cty';
import { testExtension, testProviderOptions } from '../test-fixtures/file-store';
import { checkConsistency, completeState, planChange, validateConfig } from './plan';
import { ProviderService } from './provider-service';
import { providerSchemaDocument } from './schema-document';
import { resolveProviderConfig } from './provider-config';
import { attr, block, checkSchema, impliedType, schemaToProto, type SchemaSpec } from './schema';
import { typeToJson, types } from '../cty';

const schema = testExtension.schema;

function config(over: Partial<Record<string, unknown>> = {}): CtyObject {
  return {
    id: null,
    name: 'Front desk',
    number: '1001',
    voicemail: null,
    tags: null,
    pin: null,
    settings: null,
    forward: [],
    ...over,
  } as CtyObject;
}

describe('planChange', () => {
  it('create: computed attributes become unknown, defaults are planned, config is kept', () => {
    const cfg = config({ forward: [{ to: '1002', after_seconds: null }] });
    const { planned, requiresReplace } = planChange(schema, null, cfg, cfg);
    expect(planned?.id).toBeInstanceOf(Unknown);
    expect(planned?.voicemail).toBe(false);
    expect(planned?.name).toBe('Front desk');
    expect(planned?.forward).toEqual([{ to: '1002', after_seconds: 20 }]);
    expect(requiresReplace).toEqual([]);
  });

  it('create: a configured optional+computed attribute keeps its config value', () => {
    const cfg = config({ voicemail: true });
    expect(planChange(schema, null, cfg, cfg).planned?.voicemail).toBe(true);
  });

  it('update: prior computed values are carried, no replacement for in-place changes', () => {
    const prior = config({ id: 'ext-1', voicemail: false });
    const cfg = config({ name: 'Lobby' });
    const proposed = { ...cfg, id: 'ext-1', voicemail: false };
    const { planned, requiresReplace } = planChange(schema, prior, proposed, cfg);
    expect(planned).toMatchObject({ id: 'ext-1', name: 'Lobby', voicemail: false });
    expect(requiresReplace).toEqual([]);
  });

  it('update: removing an attribute with a default plans the default again', () => {
    const prior = config({ id: 'ext-1', voicemail: true });
    const cfg = config();
    const { planned } = planChange(schema, prior, { ...cfg, id: 'ext-1', voicemail: true }, cfg);
    expect(planned?.voicemail).toBe(false);
  });

  it('forceNew change: requires_replace on the attribute path, computed values unknown', () => {
    const prior = config({ id: 'ext-1', voicemail: false });
    const cfg = config({ number: '1009' });
    const { planned, requiresReplace } = planChange(schema, prior, { ...cfg, id: 'ext-1', voicemail: false }, cfg);
    expect(requiresReplace).toEqual([[{ attribute: 'number' }]]);
    expect(planned?.id).toBe(UNKNOWN);
  });

  it('forceNew on an unknown config value also requires replacement', () => {
    const prior = config({ id: 'ext-1', voicemail: false });
    const cfg = config({ number: UNKNOWN });
    expect(planChange(schema, prior, { ...cfg, id: 'ext-1' }, cfg).requiresReplace).toEqual([
      [{ attribute: 'number' }],
    ]);
  });

  it('nested forceNew inside list blocks reports the element path', () => {
    const s: SchemaSpec = {
      attributes: { id: attr.string({ computed: true }) },
      blocks: {
        member: block.list({
          attributes: { ext: attr.string({ required: true, forceNew: true }), note: attr.string({ optional: true }) },
        }),
      },
    };
    const prior = {
      id: 'x',
      member: [
        { ext: '1', note: null },
        { ext: '2', note: null },
      ],
    };
    const cfg = {
      id: null,
      member: [
        { ext: '1', note: 'n' },
        { ext: '3', note: null },
      ],
    };
    const { requiresReplace } = planChange(s, prior, { ...cfg, id: 'x' }, cfg);
    expect(requiresReplace).toEqual([[{ attribute: 'member' }, { index: 1 }, { attribute: 'ext' }]]);
  });

  it('computed attributes in new nested elements are unknown, carried in existing ones', () => {
    const s: SchemaSpec = {
      attributes: { id: attr.string({ computed: true }) },
      blocks: {
        line: block.list({ attributes: { n: attr.string({ required: true }), uid: attr.string({ computed: true }) } }),
      },
    };
    const prior = { id: 'x', line: [{ n: 'a', uid: 'u1' }] };
    const cfg = {
      id: null,
      line: [
        { n: 'a', uid: null },
        { n: 'b', uid: null },
      ],
    };
    const proposed = {
      id: 'x',
      line: [
        { n: 'a', uid: 'u1' },
        { n: 'b', uid: null },
      ],
    };
    const { planned } = planChange(s, prior, proposed, cfg);
    expect(planned?.line).toEqual([
      { n: 'a', uid: 'u1' },
      { n: 'b', uid: UNKNOWN },
    ]);
  });

  it('destroy: a null proposed state plans null', () => {
    expect(planChange(schema, config({ id: 'x' }), null, null)).toEqual({ planned: null, requiresReplace: [] });
  });
});

describe('validateConfig', () => {
  it('reports validator failures on the attribute path, skipping unknowns', () => {
    expect(validateConfig(schema, config({ number: '1x' }))).toEqual([
      {
        severity: 'error',
        summary: 'Invalid extension number',
        detail: '"1x" must be 2-6 digits',
        path: [{ attribute: 'number' }],
      },
    ]);
    expect(validateConfig(schema, config({ number: UNKNOWN }))).toEqual([]);
  });

  it('descends into nested attributes', () => {
    const d = validateConfig(schema, config({ settings: { ring_seconds: 500, label: null } }));
    expect(d).toHaveLength(1);
    expect(d[0].path).toEqual([{ attribute: 'settings' }, { attribute: 'ring_seconds' }]);
    expect(d[0].summary).toBe('Invalid value for settings.ring_seconds');
  });
});

describe('apply helpers', () => {
  it('completeState fills every attribute: undefined → fallback, unknown → null, blocks → []', () => {
    const planned = config({ id: UNKNOWN, voicemail: false, forward: null });
    const state = completeState(schema, { id: 'ext-9' }, planned);
    expect(Object.keys(state).sort()).toEqual([
      'forward',
      'id',
      'name',
      'number',
      'pin',
      'settings',
      'tags',
      'voicemail',
    ]);
    expect(state).toMatchObject({ id: 'ext-9', name: 'Front desk', forward: [] });
  });

  it('checkConsistency flags changed known values and masks sensitive ones', () => {
    const planned = config({ id: UNKNOWN, pin: '1234', voicemail: false });
    const result = completeState(schema, { id: 'x', name: 'Front desk!', pin: '9999' }, planned);
    const d = checkConsistency(schema, planned, result);
    expect(d.map((x) => x.path)).toEqual([[{ attribute: 'name' }], [{ attribute: 'pin' }]]);
    expect(d[1].detail).not.toContain('1234');
    expect(d[1].detail).not.toContain('9999');
  });
});

describe('schema DSL', () => {
  it('rejects contradictory attribute flags at definition time', () => {
    expect(() => checkSchema({ attributes: { a: attr.string({}) } }, 'r')).toThrow(/one of required/);
    expect(() => checkSchema({ attributes: { a: attr.string({ required: true, computed: true }) } }, 'r')).toThrow(
      /required excludes/,
    );
    expect(() => checkSchema({ attributes: { A: attr.string({ optional: true }) } }, 'r')).toThrow(/snake_case/);
  });

  it('implied type covers attributes, nested attributes and blocks', () => {
    expect(typeToJson(impliedType(schema))).toEqual([
      'object',
      {
        forward: ['list', ['object', { after_seconds: 'number', to: 'string' }]],
        id: 'string',
        name: 'string',
        number: 'string',
        pin: 'string',
        settings: ['object', { label: 'string', ring_seconds: 'number' }],
        tags: ['set', 'string'],
        voicemail: 'bool',
      },
    ]);
  });

  it('proto schema carries flags, type JSON bytes and nesting modes', () => {
    const p = schemaToProto(schema) as {
      block: { attributes: Record<string, unknown>[]; block_types: Record<string, unknown>[] };
    };
    const byName = Object.fromEntries(p.block.attributes.map((a) => [a.name, a]));
    expect(byName.voicemail).toMatchObject({ optional: true, computed: true, required: false });
    expect(byName.pin).toMatchObject({ sensitive: true, optional: true });
    expect(Buffer.from(byName.tags.type as Buffer).toString()).toBe('["set","string"]');
    expect(byName.settings).toMatchObject({ nested_type: { nesting: 'SINGLE' } });
    expect(p.block.block_types[0]).toMatchObject({ type_name: 'forward', nesting: 'LIST', max_items: 3 });
  });

  it('providers schema -json document has the documented shape', () => {
    // biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
    const doc = providerSchemaDocument(testProviderOptions) as Record<string, any>;
    expect(doc.format_version).toBe('1.0');
    const p = doc.provider_schemas['registry.terraform.io/pbxctl/netsapiens'];
    expect(p.provider.block.attributes.api_key).toMatchObject({ type: 'string', optional: true, sensitive: true });
    expect(p.resource_schemas.netsapiens_test_extension.block.attributes.id).toEqual({
      type: 'string',
      description: 'Store id.',
      description_kind: 'plain',
      computed: true,
    });
    expect(p.data_source_schemas.netsapiens_test_extension.block.attributes.number.required).toBe(true);
  });
});

describe('provider config', () => {
  it('config wins, env fills the gaps, unknown/empty count as unset', () => {
    const env = { NS_API_URL: 'https://env.example', NS_API_KEY: 'nsd_env' };
    expect(resolveProviderConfig({ api_url: 'https://cfg.example', api_key: null }, env, '1.11.4')).toMatchObject({
      apiUrl: 'https://cfg.example',
      apiKey: 'nsd_env',
    });
    expect(resolveProviderConfig({ api_url: '', api_key: null }, {}, '')).not.toHaveProperty('apiUrl');
  });

  it('CRUD exceptions become diagnostics, never throws', async () => {
    const svc = new ProviderService({
      resources: [
        {
          typeName: 'netsapiens_boom',
          schema: { attributes: { id: attr.string({ computed: true }), n: attr.string({ required: true }) } },
          create: async () => {
            throw new Error('platform said no');
          },
          read: async () => null,
          update: async () => ({}),
          delete: async () => {},
        },
      ],
      configure: () => ({}),
    });
    await svc.configureProvider({ config: null });
    const { encodeDynamicValue } = await import('../cty');
    const t = types.object({ id: types.string, n: types.string });
    const res = (await svc.applyResourceChange({
      type_name: 'netsapiens_boom',
      prior_state: null,
      planned_state: encodeDynamicValue({ id: UNKNOWN, n: 'x' }, t),
      config: encodeDynamicValue({ id: null, n: 'x' }, t),
    })) as { diagnostics: { severity: string; summary: string; detail: string }[] };
    expect(res.diagnostics).toEqual([
      { severity: 'ERROR', summary: 'Creating netsapiens_boom failed', detail: 'platform said no', attribute: null },
    ]);
  });
});
