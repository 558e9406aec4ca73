import { orderedMap, type Runner } from '../batch/pool.js';
import type { Counts } from '../batch/counts.js';
import type { GroupSpec } from '../batch/jsonl-group.js';
import type { RecordCount } from '../batch/jsonl-record.js';
import type { World } from './world.js';
import { jsonlChunks } from './jsonl-source.js';

export interface CountOptions {
  field: string;
  group?: GroupSpec;
  maskDigits: boolean;
  maxWords: number;
  mojibake: boolean;
}

/**
 * The counting pass over JSON Lines inputs: every record's distinct blocks, counted per group. A
 * record's example name is `FILE:LINE`, so the same records counted in any split give one table.
 */
export async function countJsonl(world: World, runner: Runner, sources: string[], o: CountOptions, counts: Counts, fail: (name: string, cause: string) => void): Promise<number> {
  let records = 0;
  await orderedMap(
    jsonlChunks(world, sources, fail),
    Math.max(2, runner.threads * 2),
    (ch) => runner.run({ kind: 'jsonl-count', lines: ch.lines, firstLine: ch.first, field: o.field, group: o.group, maskDigits: o.maskDigits, maxWords: o.maxWords, mojibake: o.mojibake }).then((r) => ({ r: r as RecordCount[], name: ch.name })),
    ({ r, name }) => {
      for (const rec of r) counts.addDocument(rec.group, `${name}:${rec.line}`, rec.fingerprints);
      records += r.length;
    },
  );
  return records;
}
