import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { collectInputs } from '../batch/inputs.js';
import { createRunner, mapFiles, workersFor } from '../batch/pool.js';
import { CapacityError, Counts, DEFAULT_MAX_BLOCKS } from '../batch/counts.js';
import { readCountsFile, writeCountsFile } from '../batch/counts-file.js';
import { learnRules, rulesYaml } from '../batch/learn.js';
import type { FingerprintOutcome } from '../batch/task.js';
import { writeAtomic } from '../io/write.js';
import type { World } from './world.js';
import { configFor } from './load-config.js';
import { reporter } from './report.js';
import { statsFor } from './stats-out.js';
import { countJsonl } from './jsonl-count.js';
import { groupSpec } from './jsonl.js';

export interface LearnOptions {
  output?: string;
  json?: boolean;
  countsOut?: string;
  prune?: boolean;
  merge?: boolean;
  minDocs?: number;
  minShare?: number;
  maxWords?: number;
  maxBlocks?: number;
  groupBy: 'folder' | 'none';
  ext: string[];
  ignorePath?: string[];
  jobs?: number;
  config?: string | false;
  quiet?: boolean;
  report?: string;
  stats?: string;
  inputFormat?: 'text' | 'jsonl';
  field?: string;
  groupField?: string;
  urlField?: string;
}

/** `clean-article learn`: count repeated blocks over folders (or merge shard counts) and write them as rules. */
export async function learn(world: World, args: string[], o: LearnOptions, c: ChalkInstance): Promise<number> {
  const { stdout, stderr, cwd } = world;
  const report = reporter(stderr, c, false);
  if (args.length === 0) {
    report.error(undefined, o.merge ? 'no count files to merge' : 'no folders to learn from', o.merge ? 'learn --merge counts-1.json counts-2.json -o rules.yaml' : 'learn articles/ -o rules.yaml');
    return 2;
  }
  const cfg = await configFor(o.config, undefined, cwd, stderr, c);
  if (!cfg.ok) return 2;
  const r = cfg.resolved.repeated;
  const minDocs = o.minDocs ?? r.minDocs;
  const minShare = o.minShare ?? r.minShare;
  const maxWords = o.maxWords ?? r.maxWords;
  const counts = new Counts(r.maskDigits, maxWords, o.maxBlocks ?? DEFAULT_MAX_BLOCKS);
  let documents = 0;
  const unread: string[] = [];
  try {
    if (o.merge) {
      for (const file of args) {
        try {
          await readCountsFile(path.resolve(cwd, file), counts, (h) =>
            h.pruned ? 'holds pruned counts (learn --prune), which cannot be added up: merge the counts of the shards themselves' : undefined,
          );
        } catch (err) {
          if (err instanceof CapacityError) throw err;
          const e = err as NodeJS.ErrnoException;
          report.error(file, e.code === 'ENOENT' ? 'no such file' : e.code ? `cannot be read: ${e.message}` : e.message, 'pass files written by learn --counts-out');
          return 1;
        }
      }
    } else if (o.inputFormat === 'jsonl') {
      if (o.groupBy === 'folder') {
        report.error(undefined, '--group-by folder takes folders of text files', 'group JSON Lines records with --group-field NAME or --group-by url-host');
        return 2;
      }
      const runner = createRunner(o.jobs ?? availableParallelism());
      let unreadable = 0;
      try {
        await countJsonl(world, runner, args, { field: o.field ?? 'text', group: groupSpec(o), maskDigits: counts.maskDigits, maxWords, mojibake: cfg.resolved.repair.mojibake }, counts, (name, cause) => {
          unreadable++;
          report.error(name, cause);
        });
      } finally {
        await runner.close();
      }
      if (unreadable) return 1;
    } else {
      const collected = await collectInputs(args, { cwd, ext: o.ext, ignorePaths: o.ignorePath ?? [] });
      for (const e of collected.errors) report.error(e.file, e.cause, e.hint);
      if (collected.errors.length) return 1;
      const files = collected.files;
      const jobs = o.jobs ?? availableParallelism();
      const runner = createRunner(workersFor(jobs, files.length));
      try {
        await mapFiles<(typeof files)[number], FingerprintOutcome>(
          runner,
          files,
          (f) => ({ kind: 'fingerprint', file: f.path, maskDigits: counts.maskDigits, maxWords }),
          (res, i) => {
            const f = files[i];
            if (!res.ok) {
              unread.push(f.display);
              return void report.warn(f.display, 'could not be read as text; left out of the count');
            }
            counts.addDocument(o.groupBy === 'folder' ? path.relative(cwd, path.dirname(f.path)) || '.' : '', f.display, res.fingerprints);
          },
        );
      } finally {
        await runner.close();
      }
    }
  } catch (err) {
    if (!(err instanceof CapacityError)) throw err;
    report.error(undefined, err.message);
    return 1;
  }
  for (const g of counts.groups.values()) documents += g.docs;
  if (o.countsOut) await writeCountsFile(path.resolve(cwd, o.countsOut), counts, o.prune ? { minDocs, minShare } : undefined);
  const rules = learnRules(counts, minDocs, minShare);
  // Counting has no per-document removals: the figures are the documents counted and what was learned.
  const figures = statsFor(world, o);
  if (figures) {
    figures.collector.stats.documents = documents;
    for (const f of unread) {
      figures.collector.failed();
      figures.collector.warn(f, 'could not be read as text; left out of the count');
    }
    for (const rule of rules) figures.collector.learnedBlock(rule.text, rule.docs);
    figures.done();
  }
  if (!o.countsOut || o.output || o.json) {
    const data = o.json
      ? JSON.stringify({ documents, minDocs, minShare, maxWords, maskDigits: counts.maskDigits, rules }, null, 2) + '\n'
      : rulesYaml(rules, { docs: documents, minDocs, minShare, maxWords, sources: o.merge ? args.map((a) => path.basename(a)) : args });
    if (o.output) writeAtomic(path.resolve(cwd, o.output), data);
    else stdout.write(data);
  }
  if (!o.quiet) {
    stderr.write(`clean-article: ${rules.length} repeated block${rules.length === 1 ? '' : 's'} from ${documents} document${documents === 1 ? '' : 's'} (${counts.size} distinct blocks counted)${o.countsOut ? `; counts written to ${o.countsOut}` : ''}\n`);
  }
  return 0;
}
