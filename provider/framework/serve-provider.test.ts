import { describe, expect, it } from 'vitest';
import { providerOptions } from '../resources';
import schemaDocument from '../schema/netsapiens.schema.json';
import { type ProviderOptions, ProviderService, SERVER_CAPABILITIES } from './provider-service';
import { schemaResponseFromDocument } from './schema-from-document';
import { providerSchemaDocument } from './schema-document';
import { lazyProviderHandlers, PROVIDER_RPCS } from './serve-provider';
import type { ProviderHandlers } from '../plugin/serve';

type Answer = { diagnostics?: { severity: string; summary: string }[] } & Record<string, unknown>;

/** Calls one handler the way plugin/serve.ts does (request in, callback out). */
function call(handlers: ProviderHandlers, name: string, request: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const h = handlers[name]!;
    h({ request }, (err, value) => (err ? reject(err) : resolve(value as Answer)));
  });
}

/** The real provider's options, counting how often they are asked for. */
function counting(options: ProviderOptions<unknown>) {
  const counter = { loads: 0 };
  const load = () => {
    counter.loads++;
    return options;
  };
  return { counter, load };
}

describe('GetProviderSchema from the committed schema document', () => {
  it('equals what ProviderService answers for the same resources (every flag, type and description)', async () => {
    const live = await new ProviderService(providerOptions).getProviderSchema();
    expect(schemaResponseFromDocument(providerSchemaDocument(providerOptions), SERVER_CAPABILITIES)).toEqual(live);
    // The committed file (what the provider's entry imports); its staleness test is resources/schema.test.ts.
    expect(schemaResponseFromDocument(schemaDocument, SERVER_CAPABILITIES)).toEqual(live);
  });

  it('refuses a document without the provider', () => {
    expect(() => schemaResponseFromDocument({ provider_schemas: {} }, SERVER_CAPABILITIES)).toThrow(/no provider/);
  });
});

describe('lazyProviderHandlers', () => {
  it('implements every RPC of ProviderService.handlers()', () => {
    const { handlers } = lazyProviderHandlers(() => providerOptions, schemaDocument);
    const own = Object.keys(new ProviderService(providerOptions).handlers()).sort();
    expect(Object.keys(handlers).sort()).toEqual(own);
    expect([...PROVIDER_RPCS].sort()).toEqual(own);
  });

  it('answers the schema without loading the resources, and loads them once for the first other call', async () => {
    const { counter, load } = counting(providerOptions);
    const { handlers } = lazyProviderHandlers(load, schemaDocument);
    const schema = await call(handlers, 'GetProviderSchema', {});
    expect(counter.loads).toBe(0);
    expect(Object.keys(schema.resource_schemas as object)).toContain('netsapiens_user');
    expect(await call(handlers, 'StopProvider', {})).toEqual({ Error: '' });
    expect(counter.loads).toBe(0);

    const config = await call(handlers, 'ValidateProviderConfig', { config: { msgpack: Buffer.from([0x80]) } });
    expect(config.diagnostics).toEqual([]);
    await call(handlers, 'GetMetadata', {});
    expect(counter.loads).toBe(1);
    // Once loaded, the schema comes from the resources themselves (the same answer).
    expect(await call(handlers, 'GetProviderSchema', {})).toEqual(schema);
  });

  it('answers the schema with the encoded answer when given one, until the resources load', async () => {
    const { counter, load } = counting(providerOptions);
    const encoded = Buffer.from([1, 2, 3]);
    const { handlers } = lazyProviderHandlers(load, schemaDocument, encoded);
    expect(await call(handlers, 'GetProviderSchema', {})).toBe(encoded);
    await call(handlers, 'GetMetadata', {});
    expect(counter.loads).toBe(1);
    expect(Object.keys((await call(handlers, 'GetProviderSchema', {})).resource_schemas as object)).toContain(
      'netsapiens_user',
    );
  });

  it('fails ValidateProviderConfig, loudly, when the document does not match the resources (stale)', async () => {
    const doc = structuredClone(schemaDocument) as { provider_schemas: Record<string, { resource_schemas: object }> };
    const p = Object.values(doc.provider_schemas)[0]!;
    delete (p.resource_schemas as Record<string, unknown>).netsapiens_site;
    const { handlers } = lazyProviderHandlers(() => providerOptions, doc);
    const answer = await call(handlers, 'ValidateProviderConfig', { config: { msgpack: Buffer.from([0x80]) } });
    expect(answer.diagnostics).toEqual([
      expect.objectContaining({ severity: 'ERROR', summary: 'Provider schema document is stale' }),
    ]);
  });

  it('turns a failure to load the resources into a diagnostic, not a crash', async () => {
    const { handlers } = lazyProviderHandlers(() => {
      throw new Error('kinds failed to load');
    }, schemaDocument);
    const answer = await call(handlers, 'ValidateResourceConfig', { type_name: 'netsapiens_user' });
    expect(answer.diagnostics?.[0]).toMatchObject({ severity: 'ERROR' });
    expect(JSON.stringify(answer.diagnostics)).toContain('kinds failed to load');
  });
});
