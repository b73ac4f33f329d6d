/**
 * Issue 10, must-show 2: a kind defined only under this fixture folder, registered with `createRegistry`,
 * gets its JSON-Schema section, file:line validation, a plan line, an export round-trip and a Terraform
 * resource — with no other file edited. Real HTTP to the emulator for the domain read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerSchemaDocument } from '../../../../provider/framework';
import { providerOptionsFor } from '../../../../provider/resources';
import {
  buildDesiredStateSchema,
  computePlan,
  createRegistry,
  DEFAULT_REGISTRY,
  DesiredStateError,
  exportDomain,
  loadDesiredState,
  readLiveState,
  renderText,
} from '../../../index';
import { buildPlanDocument, domainInputs } from '../../../plan/plan-document';
import { startTestPlatform, type TestPlatform } from '../../test-support/test-platform';
import { ToyShelf, toyKind } from '.';

const DOMAIN = 'toys.example.com';

describe('a toy kind registered by a test', () => {
  const shelf = new ToyShelf();
  const registry = createRegistry([...DEFAULT_REGISTRY.kinds, toyKind(shelf)]);
  let platform: TestPlatform;
  let dir: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-toy-'));
  });
  afterAll(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const plan = async (file: string) => {
    const [desired] = loadDesiredState(file, { registry, cwd: dir }).domains;
    const live = await readLiveState(platform.client, DOMAIN, { registry, desired: desired!.objects });
    const domainPlan = computePlan({ desired: desired!, live, registry });
    return buildPlanDocument([domainPlan], { [DOMAIN]: domainInputs(desired!, live) });
  };

  it('gets its JSON-Schema section (and the production schema has none)', () => {
    const props = buildDesiredStateSchema(registry).properties as Record<string, { items?: { properties?: object } }>;
    expect(Object.keys(props.toys?.items?.properties ?? {})).toEqual(['name', 'color', 'size']);
    expect((buildDesiredStateSchema().properties as Record<string, unknown>).toys).toBeUndefined();
  });

  it('gets file:line validation errors', () => {
    const file = write('bad.yaml', `version: 1\ndomain: ${DOMAIN}\ntoys:\n  - name: teddy\n    color: purple\n`);
    let caught: unknown;
    try {
      loadDesiredState(file, { registry, cwd: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DesiredStateError);
    const issue = (caught as DesiredStateError).issues[0]!;
    expect(issue).toMatchObject({ path: 'toys[0].color', position: { file: 'bad.yaml', line: 5 } });
    expect(issue.message).toContain('red, green, blue');
    // The production registry does not know the section.
    expect(() => loadDesiredState(file, { cwd: dir })).toThrow(DesiredStateError);
  });

  it('gets a plan line, and an undeletable toy is left alone with the reason', async () => {
    shelf.put(DOMAIN, 'robot', { color: 'blue' });
    const file = write(
      'toys.yaml',
      `version: 1\ndomain: ${DOMAIN}\npolicy:\n  prune: true\ntoys:\n  - name: teddy\n    color: red\n    size: 3\n`,
    );
    const text = renderText(await plan(file), { registry });
    expect(text).toContain('+ create toy teddy  [routing]');
    expect(text).toContain('color: "red"');
    expect(text).toContain('! unmanaged toy robot');
    expect(text).toContain('cannot be deleted: the toy API has no DELETE');
    expect(text).not.toContain('delete toy');
  });

  it('round-trips through export: the exported file plans to zero changes', async () => {
    shelf.put(DOMAIN, 'kite', { color: 'green', size: 7 });
    const exported = await exportDomain(platform.client, DOMAIN, { registry });
    expect(exported.counts.toy).toBe(2);
    expect(exported.yaml).toContain('name: kite');
    const doc = await plan(write('exported.yaml', exported.yaml));
    expect(doc.summary.changes).toBe(0);
    expect(doc.domains[0]!.unmanaged).toEqual([]);
  });

  it('gets a Terraform resource in the provider schema', () => {
    const doc = providerSchemaDocument(providerOptionsFor(registry)) as {
      provider_schemas: Record<string, { resource_schemas: Record<string, { block: { attributes: object } }> }>;
    };
    const schemas = doc.provider_schemas['registry.terraform.io/pbxctl/netsapiens']!.resource_schemas;
    expect(Object.keys(schemas.netsapiens_toy!.block.attributes)).toEqual(
      expect.arrayContaining(['id', 'domain', 'name', 'color', 'size']),
    );
    expect(schemas.netsapiens_user).toBeDefined();
  });
});
