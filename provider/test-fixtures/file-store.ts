import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  attr,
  block,
  defineDataSource,
  defineResource,
  type ProviderConfig,
  ProviderError,
  type ProviderOptions,
  types,
  validators,
} from '../framework';

/*
 * TEST ONLY: a resource backed by a JSON file that stands in for the platform
 * API, used by the protocol and terraform E2E tests. The provider block's
 * api_url is a file: URL naming the store.
 */

export interface TestExtension {
  id: string | null;
  name: string;
  number: string;
  voicemail: boolean | null;
  tags: string[] | null;
  pin: string | null;
  settings: { ring_seconds: number | null; label: string | null } | null;
  forward: { to: string; after_seconds: number | null }[];
}

export interface FileStore {
  readonly path: string;
}

type StoreData = { extensions: Record<string, Omit<TestExtension, 'id'>> };

export function readStore(store: FileStore): StoreData {
  if (!existsSync(store.path)) return { extensions: {} };
  return JSON.parse(readFileSync(store.path, 'utf8')) as StoreData;
}

function writeStore(store: FileStore, data: StoreData): void {
  const tmp = `${store.path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, store.path);
}

function content(m: TestExtension): Omit<TestExtension, 'id'> {
  return {
    name: m.name,
    number: m.number,
    voicemail: m.voicemail ?? false,
    tags: m.tags,
    pin: m.pin,
    settings: m.settings,
    forward: m.forward ?? [],
  };
}

export const testExtension = defineResource<TestExtension, FileStore>({
  typeName: 'netsapiens_test_extension',
  schema: {
    description: 'TEST ONLY: an extension stored in a JSON file.',
    attributes: {
      id: attr.string({ computed: true, description: 'Store id.' }),
      name: attr.string({ required: true, validators: [validators.lengthBetween(1, 40)] }),
      number: attr.string({
        required: true,
        forceNew: true,
        validators: [
          (v) =>
            typeof v === 'string' && !/^\d{2,6}$/.test(v)
              ? { summary: 'Invalid extension number', detail: `"${v}" must be 2-6 digits` }
              : undefined,
        ],
      }),
      voicemail: attr.bool({ default: false }),
      tags: attr.set(types.string, { optional: true }),
      pin: attr.string({ optional: true, sensitive: true }),
      settings: attr.nested(
        'single',
        {
          ring_seconds: attr.number({ optional: true, validators: [validators.intBetween(5, 120)] }),
          label: attr.string({ optional: true }),
        },
        { optional: true },
      ),
    },
    blocks: {
      forward: block.list(
        {
          attributes: {
            to: attr.string({ required: true }),
            after_seconds: attr.number({ default: 20 }),
          },
        },
        { maxItems: 3 },
      ),
    },
  },
  async create({ client, planned }) {
    const data = readStore(client);
    const id = `ext-${planned.number}-${randomBytes(3).toString('hex')}`;
    data.extensions[id] = content(planned);
    writeStore(client, data);
    return { id };
  },
  async read({ client, state }) {
    const rec = state.id ? readStore(client).extensions[state.id] : undefined;
    if (!rec) return null;
    return { ...rec, id: state.id };
  },
  async update({ client, prior, planned }) {
    const data = readStore(client);
    if (!prior.id || !data.extensions[prior.id]) throw new ProviderError('Extension vanished', `id ${prior.id}`);
    if (planned.name === 'explode') throw new Error('simulated platform failure');
    data.extensions[prior.id] = content(planned);
    writeStore(client, data);
    return {};
  },
  async delete({ client, state }) {
    const data = readStore(client);
    if (state.id) delete data.extensions[state.id];
    writeStore(client, data);
  },
});

export interface TestExtensionLookup {
  number: string;
  id: string | null;
  name: string | null;
}

export const testExtensionLookup = defineDataSource<TestExtensionLookup, FileStore>({
  typeName: 'netsapiens_test_extension',
  schema: {
    attributes: {
      number: attr.string({ required: true }),
      id: attr.string({ computed: true }),
      name: attr.string({ computed: true }),
    },
  },
  async read({ client, config }) {
    const found = Object.entries(readStore(client).extensions).find(([, e]) => e.number === config.number);
    if (!found) throw new ProviderError('Extension not found', `no extension ${config.number}`);
    return { id: found[0], name: found[1].name };
  },
});

export function configureFileStore(config: ProviderConfig): FileStore {
  if (!config.apiUrl?.startsWith('file:')) {
    throw new ProviderError('Missing store', 'api_url (or NS_API_URL) must be a file: URL of the JSON store.');
  }
  return { path: fileURLToPath(config.apiUrl) };
}

export const testProviderOptions: ProviderOptions<FileStore> = {
  resources: [testExtension],
  dataSources: [testExtensionLookup],
  configure: configureFileStore,
};
