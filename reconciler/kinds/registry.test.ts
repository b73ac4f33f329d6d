import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './kind';
import { createRegistry, DEFAULT_REGISTRY, RegistryError } from './registry';

describe('the kind registry', () => {
  it('refuses a kind registered twice, or two kinds with one section', () => {
    const [user, ringGroup] = DEFAULT_REGISTRY.kinds;
    expect(() => createRegistry([user!, user!])).toThrow(RegistryError);
    expect(() => createRegistry([user!, { ...ringGroup!, section: user!.section }])).toThrow(/section users/);
  });

  it('every production kind declares its capabilities, each absent one with a reason', () => {
    for (const kind of DEFAULT_REGISTRY.kinds) {
      for (const c of CAPABILITIES) {
        const state = kind.capabilities[c];
        expect(state, `${kind.name}.${c}`).toBeDefined();
        if (!state.supported) expect(state.reason.length, `${kind.name}.${c} reason`).toBeGreaterThan(10);
      }
    }
    // "Never prune" is declared, not inferred from the shape.
    expect(DEFAULT_REGISTRY.get('block_list')!.capabilities.prune.supported).toBe(false);
    expect(DEFAULT_REGISTRY.get('user')!.capabilities.prune.supported).toBe(true);
  });

  it('knows identity, apply order and Terraform type names from the kinds', () => {
    expect(DEFAULT_REGISTRY.kinds.filter((k) => k.identity.ownsExtension).map((k) => k.name)).toEqual([
      'user',
      'ring_group',
      'call_queue',
      'auto_attendant',
    ]);
    expect(DEFAULT_REGISTRY.get('shared_contact')!.identity.keyIsPii).toBe(true);
    expect(DEFAULT_REGISTRY.inApplyOrder().map((k) => k.order)).toEqual([3, 4, 5, 10, 20, 25, 30, 30, 40, 50]);
    expect(DEFAULT_REGISTRY.kinds.map((k) => DEFAULT_REGISTRY.terraformType(k))).toEqual([
      'netsapiens_user',
      'netsapiens_ring_group',
      'netsapiens_shared_contact',
      'netsapiens_domain_block_list',
      'netsapiens_time_frame',
      'netsapiens_call_queue',
      'netsapiens_auto_attendant',
      'netsapiens_phone_number',
      'netsapiens_site',
      'netsapiens_emergency_address',
    ]);
  });
});
