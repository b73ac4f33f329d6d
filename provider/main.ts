// Must stay the first import: nothing may reach stdout before the handshake.
import './plugin/stdout-guard';
import { serveLazyProvider } from './framework/serve-provider';
import { hasMagicCookie, NOT_A_PLUGIN_MESSAGE } from './plugin/serve';
import type * as Resources from './resources';
// The committed `terraform providers schema -json` document (`npm run gen`): the first start of a plan only
// asks for the schema and answers it from here, without loading the resources (framework/serve-provider.ts).
import schemaDocument from './schema/netsapiens.schema.json';
// The same answer as GetProviderSchemaResponse bytes (`npm run gen`), so that the first start neither builds
// the encoders of the schema messages nor encodes the schema (~10–15 ms of its CPU).
import encodedSchema from './schema/get-provider-schema.json';

// Entry of bin/terraform-provider-netsapiens.
if (!hasMagicCookie()) {
  process.stderr.write(`${NOT_A_PLUGIN_MESSAGE}\n`);
  process.exit(1);
}

const loadResources = () => (require('./resources') as typeof Resources).providerOptions;

// Typed loosely: `npm run gen` compiles this file before it rewrites the JSON (which may be stale or empty then).
const encodedSchemaBytes = Buffer.from((encodedSchema as { base64: string }).base64, 'base64');

serveLazyProvider(loadResources, schemaDocument, encodedSchemaBytes).catch((err: unknown) => {
  process.stderr.write(`terraform-provider-netsapiens: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
