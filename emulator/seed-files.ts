// Reading seeds from disk: one `.json`/`.yaml`/`.yml` file, or a directory of `*.seed.json` /
// `*.seed.yaml` / `*.seed.yml` files (what `pbxctl doctor --record DIR` writes, one per domain) whose
// domains are merged. A domain in two files of a directory is an error, as is a directory without seeds.

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { EmulatorSeed } from './types';

const SEED_FILE = /\.seed\.(json|ya?ml)$/i;

export function readSeedFile(file: string): EmulatorSeed {
  const text = fs.readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = /\.ya?ml$/i.test(file) ? YAML.parse(text) : JSON.parse(text);
  } catch (e) {
    throw new Error(`seed ${file} cannot be parsed: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`seed ${file} is not an object`);
  const domains = (parsed as EmulatorSeed).domains;
  if (domains !== undefined && (domains === null || typeof domains !== 'object' || Array.isArray(domains)))
    throw new Error(`seed ${file}: domains must be a mapping of domain name → collections`);
  return parsed as EmulatorSeed;
}

/** A seed file, or a directory of `*.seed.{json,yaml,yml}` files merged by domain. */
export function readSeed(location: string): EmulatorSeed {
  if (!fs.existsSync(location)) throw new Error(`seed ${location} does not exist`);
  if (!fs.statSync(location).isDirectory()) return readSeedFile(location);
  const files = fs
    .readdirSync(location)
    .filter((f) => SEED_FILE.test(f))
    .sort();
  if (files.length === 0)
    throw new Error(`seed directory ${location} holds no *.seed.json, *.seed.yaml or *.seed.yml file`);
  const domains: NonNullable<EmulatorSeed['domains']> = {};
  const from = new Map<string, string>();
  for (const f of files) {
    for (const [name, d] of Object.entries(readSeedFile(path.join(location, f)).domains ?? {})) {
      const first = from.get(name);
      if (first) throw new Error(`seed directory ${location}: domain ${name} is in both ${first} and ${f}`);
      from.set(name, f);
      domains[name] = d;
    }
  }
  return { domains };
}
