import * as grpc from '@grpc/grpc-js';
import type { Root, Type } from 'protobufjs/light';
import { loadRoot, PROTO_LOADER_OPTIONS, SERVICE_NAMES, serviceMethods } from '../plugin/load-protos';

/**
 * grpc-js CLIENT constructors of the services a provider serves, for tests and benchmarks that act as
 * Terraform (the provider process itself does not load grpc-js). Messages go through protobufjs's generic
 * fromObject/toObject, as @grpc/proto-loader does, so a test sees what any proto-loader client sees.
 */
const CONVERSION = {
  enums: PROTO_LOADER_OPTIONS.enums,
  longs: PROTO_LOADER_OPTIONS.longs,
  defaults: PROTO_LOADER_OPTIONS.defaults,
  oneofs: PROTO_LOADER_OPTIONS.oneofs,
};

const serializer =
  (type: Type): grpc.serialize<unknown> =>
  (value) =>
    type.encode(type.fromObject(value as Record<string, unknown>)).finish() as Buffer;
const deserializer =
  (type: Type): grpc.deserialize<unknown> =>
  (bytes) =>
    type.toObject(type.decode(bytes), CONVERSION);

/** The grpc-js definition of one service: every method by its proto name, unary or streaming as declared. */
export function serviceDefinition(root: Root, fullName: string): grpc.ServiceDefinition {
  const definition: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const m of serviceMethods(root, fullName)) {
    definition[m.name] = {
      path: m.path,
      requestStream: m.requestStream,
      responseStream: m.responseStream,
      requestSerialize: serializer(m.requestType),
      requestDeserialize: deserializer(m.requestType),
      responseSerialize: serializer(m.responseType),
      responseDeserialize: deserializer(m.responseType),
      // The client's second name for the method (GetProviderSchema → getProviderSchema), as proto-loader gives.
      originalName: m.name.charAt(0).toLowerCase() + m.name.slice(1),
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
    provider: ctor(SERVICE_NAMES.provider),
    controller: ctor(SERVICE_NAMES.controller),
    stdio: ctor(SERVICE_NAMES.stdio),
    broker: ctor(SERVICE_NAMES.broker),
    health: ctor(SERVICE_NAMES.health),
  };
}
