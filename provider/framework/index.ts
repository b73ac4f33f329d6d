export * from './diagnostics';
export * from './plan';
export * from './provider-config';
export * from './provider-service';
export * from './resource';
export * from './schema';
export * from './serve-provider';
export * from './validators';
export { type CtyObject, type CtyType, type CtyValue, isUnknown, types, UNKNOWN, Unknown } from '../cty';
