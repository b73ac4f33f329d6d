import { writeOutputs } from '../actions-io';
import {
  type ChangedDomains,
  changedDomains,
  type DomainUnit,
  listDomainUnits,
  shardUnits,
  stageUnits,
} from '../changed-domains';
import { nonEmptyShards, parseShard } from '../../reconciler';
import { type CiIo, integer, parse, required } from './args';

/** `changed-domains` and `shard`: which domains a run plans, and how they are split into shard jobs. */

function domainOutputs(
  selection: { all: boolean; domains: readonly DomainUnit[]; removed: readonly string[] },
  shards: number,
): Record<string, string | number | boolean> {
  const names = selection.domains.map((d) => d.name);
  const used = nonEmptyShards(names, shards);
  return {
    count: selection.domains.length,
    domains: JSON.stringify(names),
    paths: JSON.stringify(selection.domains.map((d) => d.path)),
    removed: JSON.stringify(selection.removed),
    all: selection.all,
    shards,
    jobs: used.length,
    matrix: JSON.stringify({ include: used.map((i) => ({ shard: `${i}/${shards}`, id: `${i}-of-${shards}` })) }),
  };
}

function applyShardSelection(
  values: Record<string, unknown>,
  io: CiIo,
  selection: ChangedDomains,
  output: Record<string, string | number | boolean>,
): ChangedDomains {
  const shardText = values.shard as string | undefined;
  if (!shardText) return selection;
  const shard = parseShard(shardText);
  const domains = shardUnits(selection.domains, shard);
  const stage = values.stage as string | undefined;
  if (stage) output.stage = stageUnits(domains, stage, io.cwd);
  output['shard-count'] = domains.length;
  return { ...selection, domains };
}

export async function changedDomainsCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    root: { type: 'string', default: 'domains' },
    'all-on': { type: 'string', multiple: true },
    shards: { type: 'string', default: '1' },
    shard: { type: 'string' },
    stage: { type: 'string' },
  });
  const shards = integer(values.shards, 'shards', 1) ?? 1;
  const selection = changedDomains({
    base: (values.base as string | undefined) ?? '',
    head: required(values, 'head'),
    root: values.root as string,
    cwd: io.cwd,
    allOn: values['all-on'] as string[] | undefined,
  });
  const output = domainOutputs(selection, shards);
  const selected = applyShardSelection(values, io, selection, output);
  writeOutputs(io.env, output);
  io.stdout(`${JSON.stringify({ ...selected, stage: output.stage }, null, 2)}\n`);
  if (selection.removed.length > 0) {
    io.stderr(
      `note: removed domain file(s) are no longer managed and are not planned: ${selection.removed.join(', ')}\n`,
    );
  }
  return 0;
}

export async function shardCommand(argv: string[], io: CiIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    count: { type: 'string' },
    index: { type: 'string' },
    shard: { type: 'string' },
    stage: { type: 'string' },
  });
  const root = positionals[0] ?? 'domains';
  let count: number;
  let index: number | undefined;
  if (values.shard) {
    ({ index, count } = parseShard(values.shard as string));
  } else {
    count = integer(required(values, 'count'), 'count', 1) as number;
    index = integer(values.index, 'index', 1);
  }
  const selection: ChangedDomains = { all: true, domains: listDomainUnits(root, io.cwd), removed: [] };
  const output = domainOutputs(selection, count);
  const selected =
    index === undefined
      ? selection
      : applyShardSelection({ ...values, shard: `${index}/${count}` }, io, selection, output);
  writeOutputs(io.env, output);
  io.stdout(`${JSON.stringify({ domains: selected.domains, stage: output.stage }, null, 2)}\n`);
  return 0;
}
