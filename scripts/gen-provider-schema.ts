/**
 * Writes provider/schema/netsapiens.schema.json (and get-provider-schema.json, the provider's answer to it as
 * GetProviderSchemaResponse bytes): the `terraform providers schema -json` document of the
 * netsapiens provider, emitted from the TypeScript resource definitions without Terraform. The CDKTF
 * bindings are generated from it (scripts/gen-bindings.ts); a test fails when it is stale, and another
 * checks that real Terraform reports the same document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SERVER_CAPABILITIES } from '../provider/framework/provider-service';
import { providerSchemaDocument } from '../provider/framework/schema-document';
import { schemaResponseFromDocument } from '../provider/framework/schema-from-document';
import { codec, loadRoot, SERVICE_NAMES, serviceMethods } from '../provider/plugin/load-protos';
import { providerOptions } from '../provider/resources';

export const PROVIDER_SCHEMA_PATH = join('provider', 'schema', 'netsapiens.schema.json');
/** The provider's GetProviderSchema answer to the document's schema, encoded (provider/main.ts serves it). */
export const ENCODED_SCHEMA_PATH = join('provider', 'schema', 'get-provider-schema.json');

export function providerSchemaText(): string {
  return `${JSON.stringify(providerSchemaDocument(providerOptions), null, 2)}\n`;
}

/** `{ "base64": … }`: the GetProviderSchemaResponse bytes the provider answers from the schema `document`. */
export function encodedSchemaText(document: object): string {
  const method = serviceMethods(loadRoot(), SERVICE_NAMES.provider).find((m) => m.name === 'GetProviderSchema');
  if (!method) throw new Error('tfplugin6.Provider has no GetProviderSchema');
  const bytes = codec(method.responseType).encode(schemaResponseFromDocument(document, SERVER_CAPABILITIES));
  return `${JSON.stringify({ base64: Buffer.from(bytes).toString('base64') }, null, 2)}\n`;
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  const out = join(root, PROVIDER_SCHEMA_PATH);
  mkdirSync(dirname(out), { recursive: true });
  const text = providerSchemaText();
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
  const encoded = join(root, ENCODED_SCHEMA_PATH);
  writeFileSync(encoded, encodedSchemaText(JSON.parse(text) as object));
  process.stdout.write(`wrote ${encoded}\n`);
}
