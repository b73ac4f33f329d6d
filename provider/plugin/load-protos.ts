import * as grpc from '@grpc/grpc-js';
import { fromJSON, type PackageDefinition } from '@grpc/proto-loader';
// protobufjs is the parser @grpc/proto-loader itself depends on; we only use it
// to parse the embedded proto text (proto-loader can only read files).
import { Root, parse } from 'protobufjs';
import { PROTO_FILE_NAMES } from './proto/embed';
import { PROTO_FILES } from './proto/embedded';

/** The options the whole provider uses for protobuf <-> JS objects. */
// `oneofs: true` adds a virtual `selector` field naming the member of a oneof
// that is set (AttributePath steps).
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  enums: String,
  longs: Number,
  defaults: true,
  oneofs: true,
} as const;

let cached: PackageDefinition | undefined;

/** Package definition of tfplugin6, plugin.* and grpc.health.v1 (parsed once per process). */
export function loadPackageDefinition(): PackageDefinition {
  if (cached) return cached;
  const root = new Root();
  for (const name of PROTO_FILE_NAMES) parse(PROTO_FILES[name], root, { keepCase: true });
  root.resolveAll();
  cached = fromJSON(root.toJSON(), PROTO_LOADER_OPTIONS);
  return cached;
}

export interface ProtoServices {
  readonly provider: grpc.ServiceClientConstructor;
  readonly controller: grpc.ServiceClientConstructor;
  readonly stdio: grpc.ServiceClientConstructor;
  readonly broker: grpc.ServiceClientConstructor;
  readonly health: grpc.ServiceClientConstructor;
}

export function loadServices(): ProtoServices {
  // biome-ignore lint/suspicious/noExplicitAny: grpc's GrpcObject is an untyped tree
  const g = grpc.loadPackageDefinition(loadPackageDefinition()) as any;
  return {
    provider: g.tfplugin6.Provider,
    controller: g.plugin.GRPCController,
    stdio: g.plugin.GRPCStdio,
    broker: g.plugin.GRPCBroker,
    health: g.grpc.health.v1.Health,
  };
}
