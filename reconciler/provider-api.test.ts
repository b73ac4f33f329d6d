import { describe, expect, it } from 'vitest';
import * as index from './index';
import * as providerApi from './provider-api';

describe('reconciler/provider-api.ts', () => {
  it('exports only names the public index exports, as the same objects', () => {
    const names = Object.keys(providerApi);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(name in index, `${name} is not exported by reconciler/index.ts`).toBe(true);
      expect((providerApi as Record<string, unknown>)[name], name).toBe((index as Record<string, unknown>)[name]);
    }
  });
});
