// protobufjs parses the embedded proto text and (de)serializes the messages; the method tables are built here,
// so a provider start loads neither @grpc/grpc-js nor @grpc/proto-loader (nor the descriptor protos
// proto-loader attaches to every message type for reflection, which nothing here uses).
import { Enum, type INamespace, Root, type Type } from 'protobufjs/light';
import type { Codec } from './grpc-protocol';
import { PROTO_DESCRIPTOR_JSON } from './proto/embedded';

/** The options the whole provider uses for protobuf <-> JS objects (those of @grpc/proto-loader). */
// `oneofs: true` adds a virtual `selector` field naming the member of a oneof
// that is set (AttributePath steps).
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  enums: String,
  longs: Number,
  defaults: true,
  oneofs: true,
} as const;

const CONVERSION = {
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

/** Wire bytes → plain object under PROTO_LOADER_OPTIONS (defaults filled, enums as names, oneof selectors). */
export function decoder(type: Type): (bytes: Uint8Array) => unknown {
  return (bytes) => type.toObject(type.decode(bytes), CONVERSION);
}

type Normalize = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Plain object → wire bytes. `Type.encode` takes a plain object as it is (it reads each field by name:
 * numbers or strings for longs, Buffers/Uint8Arrays or base64 for bytes, nested plain objects) except enum
 * values, which it needs as numbers: the handlers give enum names (severity 'ERROR', nesting 'LIST'…). So
 * the fields that hold an enum, directly or inside nested messages, are mapped name → number in a shallow
 * copy and the rest goes to `encode` untouched — the same bytes `encode(fromObject(value))` writes
 * (load-protos.test.ts), without building a message object for every nested value.
 */
export function encoder(type: Type): (value: unknown) => Uint8Array {
  const normalize = enumNormalizer(type, new Map());
  if (!normalize) return (value) => type.encode(value as Record<string, unknown>).finish();
  return (value) => type.encode(normalize(value as Record<string, unknown>)).finish();
}

/** Types that hold an enum field somewhere below them (fixed point: message types may be recursive). */
function typesWithEnums(root: Type): Set<Type> {
  const all = new Set<Type>();
  const visit = (t: Type): void => {
    if (all.has(t)) return;
    all.add(t);
    for (const f of t.fieldsArray) {
      const r = f.resolve().resolvedType;
      if (r && !(r instanceof Enum)) visit(r as Type);
    }
  };
  visit(root);
  const withEnums = new Set<Type>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of all) {
      if (withEnums.has(t)) continue;
      const has = t.fieldsArray.some(
        (f) => f.resolvedType instanceof Enum || (f.resolvedType !== null && withEnums.has(f.resolvedType as Type)),
      );
      if (has) {
        withEnums.add(t);
        changed = true;
      }
    }
  }
  return withEnums;
}

function enumNormalizer(type: Type, memo: Map<Type, Normalize | null>): Normalize | null {
  if (memo.has(type)) return memo.get(type) as Normalize | null;
  const withEnums = typesWithEnums(type);
  const build = (t: Type): Normalize | null => {
    if (memo.has(t)) return memo.get(t) as Normalize | null;
    if (!withEnums.has(t)) {
      memo.set(t, null);
      return null;
    }
    const steps: { name: string; map: (v: unknown) => unknown; repeated: boolean; isMap: boolean }[] = [];
    const normalize: Normalize = (value) => {
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = { ...value };
      for (const s of steps) {
        const v = out[s.name];
        if (v === null || v === undefined) continue;
        if (s.repeated) out[s.name] = Array.isArray(v) ? v.map(s.map) : v;
        else if (s.isMap) {
          const m: Record<string, unknown> = {};
          for (const k of Object.keys(v as object)) m[k] = s.map((v as Record<string, unknown>)[k]);
          out[s.name] = m;
        } else out[s.name] = s.map(v);
      }
      return out;
    };
    memo.set(t, normalize);
    for (const f of t.fieldsArray) {
      const r = f.resolvedType;
      let map: ((v: unknown) => unknown) | undefined;
      if (r instanceof Enum) {
        const values = r.values;
        map = (v) => (typeof v === 'string' ? values[v] : v);
      } else if (r && withEnums.has(r as Type)) {
        // Looked up at call time: the memo holds the normalizer of a recursive type before it is complete.
        const sub = r as Type;
        map = (v) => (memo.get(sub) as Normalize)(v as Record<string, unknown>);
        build(sub);
      }
      if (map) steps.push({ name: f.name, map, repeated: f.repeated, isMap: f.map });
    }
    return normalize;
  };
  return build(type);
}

/**
 * A message codec of `type`, built on first use: a start builds the codecs of every method of every service
 * (plugin/serve.ts) but uses a few of them (the first start of a plan: GetProviderSchema, the go-plugin
 * services), so the enum walk of `encoder` runs only for the messages a start actually sends.
 */
export function codec(type: Type): Codec {
  let decode: ((bytes: Uint8Array) => unknown) | undefined;
  let encode: ((value: unknown) => Uint8Array) | undefined;
  return {
    decode: (bytes) => {
      decode ??= decoder(type);
      return decode(bytes);
    },
    encode: (value) => {
      // An answer given as bytes is the message already encoded (the first start's GetProviderSchema answer,
      // encoded by `npm run gen`: provider/schema/get-provider-schema.json).
      if (value instanceof Uint8Array) return value;
      encode ??= encoder(type);
      return encode(value);
    },
  };
}

export interface ServiceMethod {
  /** The proto name, e.g. `PlanResourceChange`. */
  readonly name: string;
  /** The HTTP/2 path, `/package.Service/Method`. */
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  readonly requestType: Type;
  readonly responseType: Type;
}

/** The methods of one service, in proto order. */
export function serviceMethods(root: Root, fullName: string): ServiceMethod[] {
  return root.lookupService(fullName).methodsArray.map((method) => {
    method.resolve();
    return {
      name: method.name,
      path: `/${fullName}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestType: method.resolvedRequestType as Type,
      responseType: method.resolvedResponseType as Type,
    };
  });
}

/** The fully qualified names of the services a provider process serves. */
export const SERVICE_NAMES = {
  provider: 'tfplugin6.Provider',
  controller: 'plugin.GRPCController',
  stdio: 'plugin.GRPCStdio',
  broker: 'plugin.GRPCBroker',
  health: 'grpc.health.v1.Health',
} as const;
