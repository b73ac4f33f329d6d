/**
 * Must-show 3, end to end: the real `pbxctl plan --shard i/n` over a directory of 100 domain files, against
 * an emulator holding the 100 domains, plans pairwise-disjoint sets of domains that together are all 100; the
 * CI staging (`pbxctl ci shard --shard i/n`) agrees with it; and the plan workflow fans the 100 domains out
 * over its matrix and assembles them into one comment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../emulator';
import { API_KEY, domainYaml, officeSeed, type SeedUser } from '../../test-support/helpers';
import { CLI_MAIN, git, sh } from './test-support/workflow-steps';
import { startWorld, type World } from './test-support/world';

const N = 100;
const SHARDS = 4;
const names = Array.from({ length: N }, (_, i) => `tenant${String(i + 1).padStart(3, '0')}.example.com`);
const owner = (i: number): SeedUser => ({ ext: '1001', first: 'Owner', last: `Tenant${i + 1}` });

let world: World;

beforeAll(async () => {
  if (!existsSync(CLI_MAIN)) throw new Error(`build first (npx tsc -p tsconfig.json): ${CLI_MAIN} is missing`);
  const seed: EmulatorSeed = { domains: {} };
  const files: Record<string, string> = {};
  names.forEach((name, i) => {
    Object.assign(seed.domains as object, officeSeed([owner(i)], name).domains);
    // Every tenth domain has a pending change, so the plans are not all empty.
    const user = i % 10 === 0 ? { ...owner(i), department: 'Support' } : owner(i);
    files[`domains/${name.split('.')[0]}.yaml`] = domainYaml({ domain: name, users: [user] });
  });
  world = await startWorld(seed, files);
});

afterAll(async () => {
  await world?.close();
});

function pairwiseDisjointCover(sets: string[][]): void {
  const seen = new Map<string, number>();
  sets.forEach((set, shard) => {
    for (const domain of set) {
      expect(seen.has(domain), `${domain} is in shard ${seen.get(domain)} and shard ${shard + 1}`).toBe(false);
      seen.set(domain, shard + 1);
    }
  });
  expect([...seen.keys()].sort()).toEqual(names);
}

describe(`--shard i/${SHARDS} over ${N} domains, end to end`, () => {
  it('pbxctl plan --shard i/n plans disjoint sets that cover all 100 domains, as pbxctl ci shard stages them', async () => {
    git(world.repo.dir, 'checkout', '-q', 'main');
    const env = {
      PATH: process.env.PATH ?? '',
      NS_API_URL: world.emu.url,
      NS_API_KEY: API_KEY,
      NO_COLOR: '1',
      CI: 'true',
    };
    const shards = Array.from({ length: SHARDS }, (_, i) => `${i + 1}/${SHARDS}`);
    const plans = await Promise.all(
      shards.map((shard) =>
        sh(
          process.execPath,
          [CLI_MAIN, 'plan', 'domains', '--shard', shard, '--format', 'json', '--detailed-exitcode'],
          { cwd: world.repo.dir, env },
        ),
      ),
    );
    const planned = plans.map((p, i) => {
      expect([0, 2], `shard ${shards[i]}: ${p.stderr}`).toContain(p.code);
      return (JSON.parse(p.stdout) as { domains: { domain: string }[] }).domains.map((d) => d.domain);
    });
    for (const set of planned) expect(set.length).toBeGreaterThan(0);
    pairwiseDisjointCover(planned);

    // The CI side stages exactly the domains `pbxctl plan --shard` plans.
    const stagings = await Promise.all(
      shards.map((shard) =>
        sh(process.execPath, [CLI_MAIN, 'ci', 'shard', 'domains', '--shard', shard], { cwd: world.repo.dir, env }),
      ),
    );
    for (const [i, staged] of stagings.entries()) {
      expect(staged.code, staged.stderr).toBe(0);
      const stagedNames = (JSON.parse(staged.stdout) as { domains: { name: string }[] }).domains.map((d) => d.name);
      expect([...stagedNames].sort()).toEqual([...planned[i]].sort());
    }
  });

  it('plan.yml fans the 100 domains out over its matrix (a pbxctl upgrade plans every domain) and combines them into one comment', async () => {
    const head = world.repo.commit('upgrade', { 'package-lock.json': '{"lockfileVersion": 3}\n' }, 'Upgrade pbxctl');
    const run = await world.plan(world.openPullRequest('upgrade', head).event);
    expect(run.jobs.report.result, run.log()).toBe('success');
    expect(run.jobs.prepare.outputs.count).toBe(String(N));
    const jobs = Number(run.jobs.prepare.outputs.jobs);
    expect(run.jobs.plan.runs).toHaveLength(jobs);
    const shardSets = Object.entries(run.artifacts)
      .filter(([name]) => name.startsWith('plan-shard-'))
      .map(([, dir]) =>
        (JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { domains: { domain: string }[] }).domains.map(
          (d) => d.domain,
        ),
      );
    expect(shardSets).toHaveLength(jobs);
    pairwiseDisjointCover(shardSets);
    const combined = JSON.parse(readFileSync(join(run.artifacts['pbxctl-plan'], 'combined.json'), 'utf8'));
    expect(combined.domains).toHaveLength(N);
    expect(combined.totals).toMatchObject({ update: N / 10, create: 0, delete: 0 });
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.comments[0].body).toContain(`${N} domain(s): 0 to create, ${N / 10} to update`);
  });
});
