export * from './codec';
export * from './json';
export * from './types';
export * from './values';
