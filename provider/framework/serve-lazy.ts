import type { UnaryCallback, UnaryHandler } from '../plugin/grpc-protocol';
import { type ProviderHandlers, type RunningPlugin, servePlugin } from '../plugin/serve';
import { diagnosticFromError, diagnosticToProto, errorDiagnostic } from './diagnostics';

/*
 * The provider's RPC table with everything behind it loaded on first need. This module loads only the plugin
 * transport and the diagnostics: Terraform's first start of a plan asks for the schema alone, which is answered
 * from bytes made at build time, so that start never loads ProviderService, the cty codec, the plan rules or
 * the resources (issue 15: ~5 ms of CPU of that serial start). framework/serve-provider.ts builds the
 * `LoadedProvider` (loadProvider) and keeps the document-driven lazyProviderHandlers on top of this.
 */

/** The tfplugin6.Provider RPCs ProviderService.handlers() implements (serve-provider.test.ts keeps them equal). */
export const PROVIDER_RPCS = [
  'GetMetadata',
  'GetProviderSchema',
  'ValidateProviderConfig',
  'ValidateResourceConfig',
  'ValidateDataResourceConfig',
  'UpgradeResourceState',
  'ConfigureProvider',
  'ReadResource',
  'PlanResourceChange',
  'ApplyResourceChange',
  'ImportResourceState',
  'ReadDataSource',
  'StopProvider',
] as const;

/** What the first RPC other than GetProviderSchema / StopProvider loads. */
export interface LoadedProvider {
  readonly handlers: ProviderHandlers;
  readonly stop: () => void;
  /** The resources' schema differs from the one GetProviderSchema answered before they loaded. */
  readonly stale: boolean;
}

/**
 * The handlers: GetProviderSchema, as long as nothing else was asked, is answered by `schemaAnswer()`
 * (computed once); StopProvider before anything loaded answers at once. Any other call loads the provider
 * (`load`, once); a stale schema fails ValidateProviderConfig (Terraform calls it first in every later start)
 * instead of letting Terraform plan with the wrong schema. A failure to load becomes a diagnostic.
 */
export function lazyHandlers(
  load: () => LoadedProvider,
  schemaAnswer: () => Record<string, unknown> | Uint8Array,
): { handlers: ProviderHandlers; stop: () => void } {
  let loaded: LoadedProvider | undefined;
  let schema: Record<string, unknown> | Uint8Array | undefined;
  const handlers: Record<string, UnaryHandler> = {};
  for (const name of PROVIDER_RPCS) {
    handlers[name] = (call: { readonly request: unknown }, callback: UnaryCallback) => {
      try {
        if (name === 'GetProviderSchema' && !loaded) {
          schema ??= schemaAnswer();
          callback(null, schema);
          return;
        }
        if (name === 'StopProvider' && !loaded) {
          callback(null, { Error: '' });
          return;
        }
        loaded ??= load();
        const h = loaded.handlers[name] as UnaryHandler;
        if (name === 'ValidateProviderConfig' && loaded.stale) callback(null, { diagnostics: [staleDiagnostic()] });
        else h(call, callback);
      } catch (err) {
        callback(null, { diagnostics: [diagnosticToProto(diagnosticFromError(err, name))] });
      }
    };
  }
  return { handlers, stop: () => loaded?.stop() };
}

function staleDiagnostic() {
  return diagnosticToProto(
    errorDiagnostic(
      'Provider schema document is stale',
      'provider/schema/netsapiens.schema.json differs from the resource definitions of this build: run `npm run gen` and rebuild.',
    ),
  );
}

/** The plugin serving `lazyHandlers`: the provider's entry (provider/main.ts). */
export async function serveLazyHandlers(
  load: () => LoadedProvider,
  schemaAnswer: () => Record<string, unknown> | Uint8Array,
): Promise<RunningPlugin> {
  const lazy = lazyHandlers(load, schemaAnswer);
  return servePlugin({ provider: lazy.handlers, onStop: lazy.stop });
}
