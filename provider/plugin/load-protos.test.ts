import { describe, expect, it } from 'vitest';
import { codec, encoder, loadRoot, PROTO_LOADER_OPTIONS } from './load-protos';

const root = loadRoot();
const type = (name: string) => root.lookupType(name);
/** What @grpc/proto-loader's serializer writes: the generic fromObject, then encode. */
const generic = (name: string, value: object) => Buffer.from(type(name).encode(type(name).fromObject(value)).finish());
const fast = (name: string, value: object) => Buffer.from(encoder(type(name))(value));

const diagnostics = [
  {
    severity: 'ERROR',
    summary: 's',
    detail: 'd',
    attribute: { steps: [{ attribute_name: 'a' }, { element_key_string: 'k' }, { element_key_int: 7 }] },
  },
  { severity: 'WARNING', summary: 'w', detail: '', attribute: null },
  { severity: 2, summary: 'numeric enum', detail: '' },
  { severity: 'NO_SUCH_SEVERITY', summary: 'unknown name', detail: '' },
];
const attribute = (name: string, nested?: object) => ({
  name,
  type: nested ? Buffer.alloc(0) : Buffer.from('"string"'),
  nested_type: nested ?? null,
  description: `the ${name}`,
  required: false,
  optional: true,
  computed: true,
  sensitive: false,
  description_kind: 'MARKDOWN',
  deprecated: false,
  write_only: false,
});
const block = {
  version: 2,
  attributes: [
    attribute('id'),
    // nested_type → Object → Attribute again (a recursive message type).
    attribute('rules', { attributes: [attribute('x'), attribute('y')], nesting: 'LIST', min_items: 0, max_items: 3 }),
  ],
  block_types: [
    { type_name: 'b', block: { version: 0, attributes: [attribute('z')], block_types: [] }, nesting: 'SET' },
  ],
  description: 'desc',
  description_kind: 'PLAIN',
  deprecated: false,
};

describe('encoder (encode without the generic fromObject)', () => {
  it.each([
    ['tfplugin6.ValidateResourceConfig.Response', { diagnostics }],
    ['tfplugin6.ValidateResourceConfig.Response', { diagnostics: [] }],
    [
      'tfplugin6.PlanResourceChange.Response',
      {
        planned_state: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0x01]) },
        requires_replace: [{ steps: [{ attribute_name: 'extension' }] }],
        planned_private: Buffer.from('{}'),
        diagnostics,
        legacy_type_system: false,
        deferred: { reason: 'PROVIDER_CONFIG_UNKNOWN' },
      },
    ],
    [
      'tfplugin6.ReadResource.Response',
      { new_state: { msgpack: new Uint8Array([0xc0]) }, diagnostics: [], private: Buffer.alloc(0) },
    ],
    [
      'tfplugin6.GetProviderSchema.Response',
      {
        provider: { version: 0, block },
        resource_schemas: { netsapiens_user: { version: 1, block }, netsapiens_site: { version: 0, block } },
        data_source_schemas: {},
        diagnostics,
        server_capabilities: { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false },
      },
    ],
    ['tfplugin6.StopProvider.Response', { Error: '' }],
    ['grpc.health.v1.HealthCheckResponse', { status: 'SERVING' }],
    ['plugin.Empty', {}],
  ])('%s: the same bytes as encode(fromObject(value))', (name, value) => {
    expect(fast(name, value)).toEqual(generic(name, value));
  });

  it('does not change the value it encodes', () => {
    const value = { diagnostics: structuredClone(diagnostics) };
    fast('tfplugin6.ValidateResourceConfig.Response', value);
    expect(value).toEqual({ diagnostics });
  });

  it('the request decoder gives the proto-loader shape (defaults, enum names, longs as numbers, oneof selector)', () => {
    const Req = type('tfplugin6.UpgradeResourceState.Request');
    const bytes = Req.encode(
      Req.fromObject({ type_name: 't', version: 3, raw_state: { json: Buffer.from('{}') } }),
    ).finish();
    const decoded = codec(Req).decode(bytes);
    expect(decoded).toEqual(Req.toObject(Req.decode(bytes), { ...PROTO_LOADER_OPTIONS }));
    expect(decoded).toMatchObject({ type_name: 't', version: 3, raw_state: { json: Buffer.from('{}'), flatmap: {} } });
  });
});

describe('codec', () => {
  it('builds its encoder and decoder on first use, not when the method table is built', async () => {
    const { Root } = await import('protobufjs/light');
    // A type whose field cannot resolve: building the encoder (the enum walk) throws, so only a lazy codec
    // can be made for it without an error.
    const broken = Root.fromJSON({
      nested: { T: { fields: { a: { type: 'int32', id: 1 } } }, U: { fields: { t: { type: 'T', id: 1 } } } },
    }).lookupType('U');
    broken.fields.t!.type = 'Missing';
    broken.fields.t!.resolved = false;
    const lazy = codec(broken);
    expect(() => lazy.encode({})).toThrow(/Missing/);
  });

  it('passes an answer given as bytes (already encoded) through as it is', () => {
    const bytes = Uint8Array.from([8, 1]);
    expect(codec(type('tfplugin6.GetProviderSchema.Response')).encode(bytes)).toBe(bytes);
  });
});
