import * as grpc from '@grpc/grpc-js';
// protobufjs parses the embedded proto text and (de)serializes the messages, as @grpc/proto-loader does with
// it; the service definitions are built here, so a provider start does not load proto-loader or build the
// descriptor protos it attaches to every message type (for reflection, which nothing here uses): that was
// ~50 ms of every start's CPU, and Terraform starts the provider three times per plan.
import { type IConversionOptions, type INamespace, Root, type Type } from 'protobufjs/light';
import { PROTO_DESCRIPTOR_JSON } from './proto/embedded';

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

const CONVERSION: IConversionOptions = {
  enums: PROTO_LOADER_OPTIONS.enums,
  longs: PROTO_LOADER_OPTIONS.longs,
  defaults: PROTO_LOADER_OPTIONS.defaults,
  oneofs: PROTO_LOADER_OPTIONS.oneofs,
};

let cached: Root | undefined;

/** tfplugin6, plugin.* and grpc.health.v1, parsed once per process. */
export function loadRoot(): Root {
  if (cached) return cached;
  // The descriptor `npm run gen` wrote from the .proto files (proto/embed.ts): no proto parser at start.
  const root = Root.fromJSON(JSON.parse(PROTO_DESCRIPTOR_JSON) as INamespace);
  root.resolveAll();
  cached = root;
  return root;
}

/** Plain object → wire bytes (`fromObject` accepts enum names, numbers for longs, Buffers for bytes). */
function serializer(type: Type): grpc.serialize<unknown> {
  // In Node, protobufjs writes into a Buffer (its BufferWriter), which is what grpc-js sends.
  return (value) => type.encode(type.fromObject(value as Record<string, unknown>)).finish() as Buffer;
}

/** Wire bytes → plain object under PROTO_LOADER_OPTIONS (defaults filled, enums as names, oneof selectors). */
function deserializer(type: Type): grpc.deserialize<unknown> {
  return (bytes) => type.toObject(type.decode(bytes), CONVERSION);
}

/** The grpc-js definition of one service: every method by its proto name, unary or streaming as declared. */
export function serviceDefinition(root: Root, fullName: string): grpc.ServiceDefinition {
  const service = root.lookupService(fullName);
  const definition: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const request = method.resolvedRequestType as Type;
    const response = method.resolvedResponseType as Type;
    definition[method.name] = {
      path: `/${fullName}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: serializer(request),
      requestDeserialize: deserializer(request),
      responseSerialize: serializer(response),
      responseDeserialize: deserializer(response),
      // The client's second name for the method (GetProviderSchema → getProviderSchema), as proto-loader gives.
      originalName: method.name.charAt(0).toLowerCase() + method.name.slice(1),
    };
  }
  return definition;
}

export interface ProtoServices {
  readonly provider: grpc.ServiceClientConstructor;
  readonly controller: grpc.ServiceClientConstructor;
  readonly stdio: grpc.ServiceClientConstructor;
  readonly broker: grpc.ServiceClientConstructor;
  readonly health: grpc.ServiceClientConstructor;
}

export function loadServices(): ProtoServices {
  const root = loadRoot();
  const ctor = (fullName: string) =>
    grpc.makeGenericClientConstructor(serviceDefinition(root, fullName), fullName.split('.').pop() as string);
  return {
    provider: ctor('tfplugin6.Provider'),
    controller: ctor('plugin.GRPCController'),
    stdio: ctor('plugin.GRPCStdio'),
    broker: ctor('plugin.GRPCBroker'),
    health: ctor('grpc.health.v1.Health'),
  };
}
