// Must stay the first import: nothing may reach stdout before the handshake.
import './plugin/stdout-guard';
import { serveLazyHandlers } from './framework/serve-lazy';
import type * as ServeProvider from './framework/serve-provider';
import { hasMagicCookie, NOT_A_PLUGIN_MESSAGE } from './plugin/serve';
import { tuneTiering } from './plugin/tiering';
import type * as Resources from './resources';
// The committed `terraform providers schema -json` document (`npm run gen`): what GetProviderSchema answered
// before the resources loaded, compared with theirs when they load (framework/serve-provider.ts). Read then,
// not at start: the first start of a plan, which asks only for the schema, does not parse its 140 KB.
import type SchemaDocument from './schema/netsapiens.schema.json';
// The same answer as GetProviderSchemaResponse bytes (`npm run gen`), so that the first start neither builds
// the encoders of the schema messages nor encodes the schema (~10–15 ms of its CPU).
import encodedSchema from './schema/get-provider-schema.json';

// Entry of bin/terraform-provider-netsapiens.
if (!hasMagicCookie()) {
  process.stderr.write(`${NOT_A_PLUGIN_MESSAGE}\n`);
  process.exit(1);
}

// Before any handler runs: V8 optimises the handlers' code later (plugin/tiering.ts, issue 15).
tuneTiering();

// Loaded on the first call other than GetProviderSchema: the service (framework/serve-provider.ts, with the cty
// codec and the plan rules) and the resources. The first start of a plan loads neither (framework/serve-lazy.ts).
const loadProvider = () =>
  (require('./framework/serve-provider') as typeof ServeProvider).loadProvider(
    (require('./resources') as typeof Resources).providerOptions,
    require('./schema/netsapiens.schema.json') as typeof SchemaDocument,
  );

// Typed loosely: `npm run gen` compiles this file before it rewrites the JSON (which may be stale or empty then).
const encodedSchemaBytes = Buffer.from((encodedSchema as { base64: string }).base64, 'base64');

serveLazyHandlers(loadProvider, () => encodedSchemaBytes).catch((err: unknown) => {
  process.stderr.write(`terraform-provider-netsapiens: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
