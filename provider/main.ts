// Must stay the first import: nothing may reach stdout before the handshake.
import './plugin/stdout-guard';
import { serveProvider } from './framework/serve-provider';
import { hasMagicCookie, NOT_A_PLUGIN_MESSAGE } from './plugin/serve';
import { providerOptions } from './resources';

// Entry of bin/terraform-provider-netsapiens.
if (!hasMagicCookie()) {
  process.stderr.write(`${NOT_A_PLUGIN_MESSAGE}\n`);
  process.exit(1);
}

serveProvider(providerOptions).catch((err: unknown) => {
  process.stderr.write(`terraform-provider-netsapiens: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
