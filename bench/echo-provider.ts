/**
 * Benchmarks only (bench/terraform-plan.ts `--echo`): a stand-in for our provider that does no work of its own,
 * to measure what `terraform plan` costs with the cheapest provider possible — Terraform's own floor on this
 * machine for the same configuration, state and schema. It serves the real provider's schema over the same
 * go-plugin transport (provider/plugin/serve.ts) and answers every call by echoing what Terraform sent:
 * UpgradeResourceState returns the stored JSON as is (tfplugin6's DynamicValue takes JSON), ReadResource the
 * prior state, PlanResourceChange Terraform's proposed new state; validation finds nothing. It reads nothing
 * from the platform. Not a provider anyone should use: it plans whatever the configuration says and reads
 * nothing back.
 *
 * With `PBXCTL_BENCH_ECHO_READS=1` (bench/terraform-plan.ts `--echo-reads`) it also makes each user's one
 * platform read (bench/echo-reads.ts) and then echoes as before: Terraform's floor with the reads a refresh must
 * make.
 */
import '../provider/plugin/stdout-guard';
import encodedSchema from '../provider/schema/get-provider-schema.json';
import type { UnaryCallback } from '../provider/plugin/grpc-protocol';
import { hasMagicCookie, NOT_A_PLUGIN_MESSAGE, servePlugin } from '../provider/plugin/serve';
import { type DynamicValue, type Request, userReads } from './echo-reads';

const EMPTY = Buffer.alloc(0);
const schemaBytes = Buffer.from((encodedSchema as { base64: string }).base64, 'base64');

/** Each tfplugin6.Provider RPC: the response made from the request alone. */
const answers: Record<string, (req: Request) => unknown> = {
  GetMetadata: () => ({ server_capabilities: { plan_destroy: true, get_provider_schema_optional: true } }),
  GetProviderSchema: () => schemaBytes,
  ValidateProviderConfig: () => ({ diagnostics: [] }),
  ConfigureProvider: () => ({ diagnostics: [] }),
  ValidateResourceConfig: () => ({ diagnostics: [] }),
  ValidateDataResourceConfig: () => ({ diagnostics: [] }),
  UpgradeResourceState: (req) => {
    const raw = req.raw_state as DynamicValue | undefined;
    return { upgraded_state: { json: raw?.json ?? EMPTY }, diagnostics: [] };
  },
  ReadResource: (req) => ({
    new_state: req.current_state as DynamicValue,
    private: (req.private as Uint8Array | undefined) ?? EMPTY,
    diagnostics: [],
  }),
  PlanResourceChange: (req) => ({
    planned_state: req.proposed_new_state as DynamicValue,
    planned_private: (req.prior_private as Uint8Array | undefined) ?? EMPTY,
    requires_replace: [],
    diagnostics: [],
  }),
  StopProvider: () => ({ Error: '' }),
};

if (!hasMagicCookie()) {
  process.stderr.write(`${NOT_A_PLUGIN_MESSAGE} (the benchmarks' echo stand-in)\n`);
  process.exit(1);
}

const reads =
  process.env.PBXCTL_BENCH_ECHO_READS === '1'
    ? userReads(process.env.NS_API_URL ?? '', process.env.NS_API_KEY ?? '')
    : undefined;

const fail = (callback: UnaryCallback, err: unknown) =>
  callback(null, {
    diagnostics: [{ severity: 1, summary: `echo read: ${err instanceof Error ? err.message : String(err)}` }],
  });

const provider = Object.fromEntries(
  Object.entries(answers).map(([name, answer]) => {
    if (reads && name === 'UpgradeResourceState') {
      return [
        name,
        (call: { readonly request: unknown }, callback: UnaryCallback) => {
          try {
            reads.start(call.request as Request);
          } catch (err) {
            fail(callback, err);
            return;
          }
          callback(null, answer(call.request as Request));
        },
      ];
    }
    if (reads && name === 'ReadResource') {
      return [
        name,
        (call: { readonly request: unknown }, callback: UnaryCallback) => {
          const req = call.request as Request;
          reads.wait(req).then(
            () => callback(null, answer(req)),
            (err: unknown) => fail(callback, err),
          );
        },
      ];
    }
    return [
      name,
      (call: { readonly request: unknown }, callback: UnaryCallback) => callback(null, answer(call.request as Request)),
    ];
  }),
);

servePlugin({ provider }).catch((err: unknown) => {
  process.stderr.write(`echo provider: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
