/**
 * The setup the kinds' file-driven HTTP tests share: a strict emulator (real HTTP, every request body
 * checked against the OpenAPI document) started before the file's tests and closed after them, and
 * desired-state files written to a temporary folder, planned through the loader and `planDomain`, applied
 * with `applyDomainPlan`, then planned again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DomainSeed, RunningEmulator } from '../../../emulator';
import { applyDomainPlan } from '../../apply/apply-plan';
import { loadDesiredState } from '../../desired/load-desired-state';
import { type DomainRun, type PlanRunOptions, planDomain } from '../../pipeline';
import type { NetSapiensClient } from '../../platform/client';
import { envSecretResolver } from '../secret';
import { startTestPlatform, type TestPlatform } from './test-platform';

export interface FilePlatformOptions {
  /** The domain the emulator holds and every file names. */
  readonly domain: string;
  /** The domain's seed (default: an empty domain). */
  readonly seed?: DomainSeed;
  /** What each file carries after `version` and `domain`, e.g. `policy: { prune: true }\n`. */
  readonly header?: string;
  /** The flags each `plan` passes to `planDomain` unless it is given its own. */
  readonly flags?: PlanRunOptions;
  /** The flags of the plan `applyAndReplan` applies (default: `flags`). */
  readonly applyFlags?: PlanRunOptions;
  /** Environment for `{ env: NAME }` secrets, read at each plan (a test may change it; default: none). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface FilePlatform {
  readonly emu: RunningEmulator;
  readonly client: NetSapiensClient;
  /** The temporary folder the files are written to (removed after the tests). */
  readonly dir: string;
  /** Writes `yaml` under the header (as it is when it starts with `version`); returns the file's path. */
  write(yaml: string, name?: string): string;
  /** Loads the file written from `yaml` and plans it against the emulator. */
  plan(yaml: string, flags?: PlanRunOptions): Promise<DomainRun>;
  /** Loads a file (or folder) already written and plans it against the emulator. */
  planFile(path: string, flags?: PlanRunOptions): Promise<DomainRun>;
  /**
   * Plans and applies `yaml`, expects every change applied, an empty re-plan and no contract violation;
   * returns the applied run and the re-plan.
   */
  applyAndReplan(yaml: string): Promise<{ run: DomainRun; again: DomainRun }>;
}

/** `action id field,field` for each change of a run: readable assertions on what a plan does. */
export const changeIds = (run: DomainRun): string[] =>
  run.plan.changes.map((c) => `${c.action} ${c.id} ${c.fields.map((f) => f.path).join(',')}`);

/** Starts the platform before the calling file's tests (vitest hooks) and closes it after them. */
export function useFilePlatform(options: FilePlatformOptions): FilePlatform {
  let platform: TestPlatform | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-kinds-'));
  const started = (): TestPlatform => {
    if (!platform) throw new Error('useFilePlatform: the platform starts in beforeAll');
    return platform;
  };
  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [options.domain]: options.seed ?? {} } });
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (yaml: string, name = 'domain.yaml'): string => {
    const file = join(dir, name);
    const header = `version: 1\ndomain: ${options.domain}\n${options.header ?? ''}`;
    writeFileSync(file, yaml.startsWith('version') ? yaml : `${header}${yaml}`);
    return file;
  };
  const planFile = (path: string, flags = options.flags ?? {}): Promise<DomainRun> => {
    const state = loadDesiredState(path, { secrets: envSecretResolver({ ...options.env }) });
    return planDomain(started().client, state.domains[0]!, flags);
  };
  const plan = (yaml: string, flags = options.flags ?? {}) => planFile(write(yaml), flags);
  return {
    get emu() {
      return started().emulator;
    },
    get client() {
      return started().client;
    },
    dir,
    write,
    plan,
    planFile,
    async applyAndReplan(yaml) {
      const run = await plan(yaml, options.applyFlags ?? options.flags ?? {});
      const { client, emulator } = started();
      const results = await applyDomainPlan({ plan: run.plan, desired: run.desired, live: run.live, client });
      expect(results.filter((r) => r.result !== 'applied')).toEqual([]);
      const again = await plan(yaml);
      expect(changeIds(again)).toEqual([]);
      expect(emulator.contractViolations).toEqual([]);
      return { run, again };
    },
  };
}
