// Public entry point of the NetSapiens API v2 emulator (see emulator/README.md).

export { startEmulator, API_BASE, DEFAULT_API_KEY } from './start-emulator';
export type { EmulatorOptions, RunningEmulator, ContractViolation } from './start-emulator';
export { FaultController } from './fault-controller';
export { OAuthServer } from './oauth';
export type { OAuthLogin } from './oauth';
export type { FaultRule, ActiveFault, FaultEffect } from './fault-controller';
export { RequestLog } from './request-log';
export type { RequestLogEntry } from './request-log';
export { stateFromSeed } from './state-store';
export { readSeed, readSeedFile } from './seed-files';
export type { EmulatorSeed, EmulatorState, DomainSeed, DomainState, JsonRecord, EmailSent } from './types';
export { loadOpenApi, responseSchemaFor, requestSchemaFor, validateAgainst, findOperation } from './openapi';
export { emulatorOptionsFromArgs } from './main';
