// TEST ONLY entry: serves the file-backed test resource (see file-store.ts).
import '../plugin/stdout-guard';
import { serveProvider } from '../framework/serve-provider';
import { hasMagicCookie, NOT_A_PLUGIN_MESSAGE } from '../plugin/serve';
import { testProviderOptions } from './file-store';

if (!hasMagicCookie()) {
  process.stderr.write(`${NOT_A_PLUGIN_MESSAGE}\n`);
  process.exit(1);
}

serveProvider(testProviderOptions).catch((err: unknown) => {
  process.stderr.write(`test provider: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
