export * from './codec';
export * from './types';
export * from './values';
