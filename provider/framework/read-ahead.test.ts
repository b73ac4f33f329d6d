/**
 * Read-ahead (issue 15, provider-service.ts): once the process has served a ReadResource of a type, the
 * read of every object Terraform upgrades starts at UpgradeResourceState, and the ReadResource that follows
 * with the same state bytes takes it. The guards: no read ahead before Terraform shows it refreshes (so
 * `-refresh=false` reads nothing), nor unconfigured; a ReadResource on other bytes reads afresh; a failed
 * read ahead is reported by its ReadResource and the next ReadResource reads again; a write or an import
 * drops the reads started before it; every answer is byte for byte what a read without read-ahead gives.
 */
import { describe, expect, it } from 'vitest';
import { decodeDynamicValue, encodeDynamicValue, types } from '../cty';
import { ProviderService } from './provider-service';
import type { AnyResource } from './resource';
import { attr } from './schema';

const TYPE = 'netsapiens_thing';
const schema = { attributes: { id: attr.string({ computed: true }), name: attr.string({ optional: true }) } };
const t = types.object({ id: types.string, name: types.string });

interface Harness {
  readonly svc: ProviderService<object>;
  /** Every read the resource made, in order: the id and the name it was asked with. */
  readonly reads: string[];
  /** What the platform has, by id (a read answers it; absent: the object is gone). */
  readonly platform: Map<string, string>;
  /** Make the next reads fail. */
  failing: boolean;
}

function harness(configure = true): Harness & { ready: Promise<unknown> } {
  const h = { reads: [] as string[], platform: new Map<string, string>(), failing: false } as Harness & {
    ready: Promise<unknown>;
  };
  const thing: AnyResource<object> = {
    typeName: TYPE,
    schema,
    create: async () => ({}),
    read: async ({ state }) => {
      const id = String(state.id);
      h.reads.push(`${id}:${String(state.name)}`);
      await new Promise((r) => setTimeout(r, 5));
      if (h.failing) throw new Error('platform unavailable');
      const name = h.platform.get(id);
      return name === undefined ? null : { ...state, name };
    },
    update: async ({ planned }) => planned,
    delete: async () => undefined,
  };
  (h as { svc: ProviderService<object> }).svc = new ProviderService<object>({
    resources: [thing],
    configure: () => ({}),
  });
  h.ready = configure ? h.svc.configureProvider({ config: null }) : Promise.resolve();
  return h;
}

const stored = (id: string, name: string) => ({
  type_name: TYPE,
  version: 0,
  raw_state: { json: Buffer.from(JSON.stringify({ id, name })) },
});

async function upgrade(h: Harness, id: string, name: string) {
  const res = (await h.svc.upgradeResourceState(stored(id, name))) as { upgraded_state: { msgpack: Buffer } };
  return res.upgraded_state;
}

async function read(h: Harness, current: unknown) {
  const res = (await h.svc.readResource({ type_name: TYPE, current_state: current, private: Buffer.alloc(0) })) as {
    new_state?: { msgpack: Buffer };
    diagnostics: { summary: string; detail: string }[];
  };
  return {
    state: res.new_state ? decodeDynamicValue(res.new_state, t) : undefined,
    hex: res.new_state?.msgpack.toString('hex'),
    diagnostics: res.diagnostics.map((d) => `${d.summary}: ${d.detail}`),
  };
}

describe('read-ahead at UpgradeResourceState', () => {
  it('reads nothing ahead before the first ReadResource of the type (-refresh=false reads nothing)', async () => {
    const h = harness();
    await h.ready;
    h.platform.set('d/1', 'one');
    await upgrade(h, 'd/1', 'one');
    await upgrade(h, 'd/2', 'two');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.reads).toEqual([]);
  });

  it('reads nothing ahead when the provider is not configured', async () => {
    const h = harness(false);
    await read(h, encodeDynamicValue({ id: 'd/1', name: 'one' }, t)); // answered "not configured"
    await upgrade(h, 'd/2', 'two');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.reads).toEqual([]);
  });

  it('starts the read at the upgrade; the ReadResource on those bytes takes it and reads no more', async () => {
    const h = harness();
    await h.ready;
    h.platform.set('d/1', 'one').set('d/2', 'two (changed outside)');
    await read(h, await upgrade(h, 'd/1', 'one')); // the first refresh: Terraform is refreshing
    expect(h.reads).toEqual(['d/1:one']);

    const upgraded = await upgrade(h, 'd/2', 'two');
    expect(h.reads).toEqual(['d/1:one', 'd/2:two']); // started before any ReadResource of d/2
    const taken = await read(h, upgraded);
    expect(h.reads).toEqual(['d/1:one', 'd/2:two']);
    expect(taken.state).toEqual({ id: 'd/2', name: 'two (changed outside)' });

    // Byte for byte what the same ReadResource answers in a process that never reads ahead.
    const plain = harness();
    await plain.ready;
    plain.platform.set('d/2', 'two (changed outside)');
    expect((await read(plain, upgraded)).hex).toBe(taken.hex);
    expect(plain.reads).toEqual(['d/2:two']);
  });

  it('a ReadResource on other state bytes reads afresh, with its own state', async () => {
    const h = harness();
    await h.ready;
    h.platform.set('d/1', 'one').set('d/2', 'two');
    await read(h, await upgrade(h, 'd/1', 'one'));
    await upgrade(h, 'd/2', 'two');
    const other = await read(h, encodeDynamicValue({ id: 'd/2', name: 'renamed in state' }, t));
    expect(h.reads).toEqual(['d/1:one', 'd/2:two', 'd/2:renamed in state']);
    expect(other.state).toEqual({ id: 'd/2', name: 'two' });
  });

  it('a failed read ahead is reported by its ReadResource, and the next ReadResource reads again', async () => {
    const h = harness();
    await h.ready;
    h.platform.set('d/1', 'one').set('d/2', 'two');
    await read(h, await upgrade(h, 'd/1', 'one'));
    h.failing = true;
    const upgraded = await upgrade(h, 'd/2', 'two');
    await new Promise((r) => setTimeout(r, 20)); // the read ahead has failed by now, unobserved
    h.failing = false;
    const failed = await read(h, upgraded);
    expect(failed.diagnostics).toEqual(['Reading netsapiens_thing failed: platform unavailable']);
    const again = await read(h, upgraded);
    expect(again.diagnostics).toEqual([]);
    expect(again.state).toEqual({ id: 'd/2', name: 'two' });
    expect(h.reads).toEqual(['d/1:one', 'd/2:two', 'd/2:two']);
  });

  it('a write drops the reads started before it: the ReadResource after it reads again', async () => {
    const h = harness();
    await h.ready;
    h.platform.set('d/1', 'one').set('d/2', 'two');
    await read(h, await upgrade(h, 'd/1', 'one'));
    const upgraded = await upgrade(h, 'd/2', 'two');
    await h.svc.applyResourceChange({
      type_name: TYPE,
      prior_state: encodeDynamicValue({ id: 'd/2', name: 'two' }, t),
      planned_state: encodeDynamicValue({ id: 'd/2', name: 'written' }, t),
      config: encodeDynamicValue({ id: null, name: 'written' }, t),
    });
    h.platform.set('d/2', 'written');
    const after = await read(h, upgraded);
    expect(after.state).toEqual({ id: 'd/2', name: 'written' });
    expect(h.reads.filter((r) => r.startsWith('d/2'))).toEqual(['d/2:two', 'd/2:two']);
  });
});
