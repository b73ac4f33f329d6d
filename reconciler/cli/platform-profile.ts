/**
 * Which platform profile (docs/platform-profile.md) a command that is not given a desired-state directory uses:
 * `export` (the profile of the directory it writes into) and `welcome` (`--platform FILE`, else `./_platform.yaml`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type Ajv2020 from 'ajv/dist/2020';
import { loadPlatformFile, PLATFORM_SECTION_SCHEMA } from '../desired/platform-section';
import { UsageError } from '../errors';
import {
  DEFAULT_PLATFORM_PROFILE,
  mergeProfile,
  type PlatformProfile,
  type RawPlatformSection,
  sectionOf,
} from '../platform/profile';
import { lazyAjv2020, lazyYaml } from '../util/lazy-modules';
import { validatorFor } from '../desired/precompiled';
import type { CliIo, Flags } from './io';

const display = (io: CliIo, file: string) => relative(io.cwd, file) || file;

/** `loadPlatformFile`, with a missing file a usage error rather than a crash. */
function loadProfileFile(path: string, name: string): PlatformProfile {
  if (!existsSync(path))
    throw new UsageError(`--platform ${name}: no such file (a _platform.yaml: version: 1 and platform:)`);
  return loadPlatformFile(path, name);
}

/** `_platform.yaml` (or `.yml`) in `dir` or a parent of it, up to and including `stop`. */
export function findFleetProfile(dir: string, stop: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const name of ['_platform.yaml', '_platform.yml']) if (existsSync(join(d, name))) return join(d, name);
    if (d === resolve(stop) || dirname(d) === d || relative(resolve(stop), d).startsWith('..')) return undefined;
  }
}

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** The `platform:` section of a domain file that is about to be overwritten, checked (undefined when none). */
function existingSection(file: string, name: string): RawPlatformSection | undefined {
  if (!existsSync(file)) return undefined;
  let value: unknown;
  try {
    value = lazyYaml().parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not YAML: nothing to carry over, and export replaces it
  }
  const raw = (value as { platform?: unknown } | null)?.platform;
  if (raw === undefined || value === null || typeof value !== 'object') return undefined;
  validate ??= validatorFor('platformSection', PLATFORM_SECTION_SCHEMA, () =>
    new (lazyAjv2020())({ allErrors: true, strict: false }).compile(PLATFORM_SECTION_SCHEMA),
  );
  if (!validate(raw)) {
    const e = validate.errors?.[0];
    const where = `platform${(e?.instancePath ?? '').replace(/\//g, '.')}`;
    throw new UsageError(
      `${name}: ${where} ${e?.message ?? 'is invalid'} — export keeps this file's platform: section, so fix it first (docs/platform-profile.md)`,
    );
  }
  return raw as RawPlatformSection;
}

export interface ExportProfile {
  readonly profile: PlatformProfile;
  /** The `platform:` section the exported file carries (from --platform or the file it replaces). */
  readonly section?: RawPlatformSection;
  /** Where the profile came from, for the message. */
  readonly from?: string;
}

/**
 * `export`: `--platform FILE` (then written into the export), else the `_platform.yaml` of the target
 * directory (or a parent, up to the working directory) merged with the `platform:` section of the file
 * the export replaces (kept in the export).
 */
export function profileForExport(flags: Flags, io: CliIo, out: string | undefined): ExportProfile {
  if (typeof flags.platform === 'string') {
    const profile = loadProfileFile(resolve(io.cwd, flags.platform), flags.platform);
    const section = sectionOf(profile);
    return { profile, ...(Object.keys(section).length ? { section } : {}), from: flags.platform };
  }
  if (out === undefined) return { profile: DEFAULT_PLATFORM_PROFILE };
  const fleetFile = findFleetProfile(dirname(out), io.cwd);
  const fleet = fleetFile ? loadProfileFile(fleetFile, display(io, fleetFile)) : DEFAULT_PLATFORM_PROFILE;
  const section = existingSection(out, display(io, out));
  const from = [fleetFile && display(io, fleetFile), section && `${display(io, out)} platform:`].filter(Boolean);
  return {
    profile: mergeProfile(fleet, section),
    ...(section ? { section } : {}),
    ...(from.length ? { from: from.join(' + ') } : {}),
  };
}

/** `welcome` (and other domain commands without a directory): `--platform FILE`, else `./_platform.yaml`. */
export function profileForCommand(flags: Flags, io: CliIo): PlatformProfile {
  if (typeof flags.platform === 'string') return loadProfileFile(resolve(io.cwd, flags.platform), flags.platform);
  const fleetFile = findFleetProfile(io.cwd, io.cwd);
  return fleetFile ? loadProfileFile(fleetFile, display(io, fleetFile)) : DEFAULT_PLATFORM_PROFILE;
}
