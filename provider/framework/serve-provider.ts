import { type RunningPlugin, servePlugin } from '../plugin/serve';
import { type ProviderOptions, ProviderService } from './provider-service';

/**
 * Serves resources and data sources as a Terraform provider over the
 * go-plugin protocol. The entry script checks the magic cookie first.
 */
export async function serveProvider<Client>(options: ProviderOptions<Client>): Promise<RunningPlugin> {
  const service = new ProviderService(options);
  return servePlugin({ provider: service.handlers(), onStop: () => service.stop() });
}
