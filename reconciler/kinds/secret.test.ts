import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { envSecretResolver, MASK, SecretValue } from './secret';

describe('secrets', () => {
  it('never print, whatever prints them', () => {
    const s = new SecretValue('7391', 'env VM_PIN');
    expect(`${s}`).toBe(MASK);
    expect(JSON.stringify({ pin: s })).toBe(`{"pin":"${MASK}"}`);
    expect(inspect({ pin: s })).not.toContain('7391');
    expect(s.reveal()).toBe('7391');
    expect(s.equals(new SecretValue('7391', 'platform'))).toBe(true);
    expect(s.equals(new SecretValue('7392', 'platform'))).toBe(false);
  });

  it('resolve from the environment, then from the PBXCTL_SECRETS bundle', () => {
    const resolve = envSecretResolver({
      VM_PIN_1: '1111',
      PBXCTL_SECRETS: JSON.stringify({ VM_PIN_1: '9999', VM_PIN_2: 2222 }),
    });
    expect(resolve({ env: 'VM_PIN_1' })?.reveal()).toBe('1111');
    expect(resolve({ env: 'VM_PIN_2' })?.reveal()).toBe('2222');
    expect(resolve({ env: 'VM_PIN_3' })).toBeUndefined();
  });

  it('a malformed bundle resolves nothing and is never echoed', () => {
    const resolve = envSecretResolver({ PBXCTL_SECRETS: '{"VM_PIN_1": "12' });
    expect(resolve({ env: 'VM_PIN_1' })).toBeUndefined();
  });
});
