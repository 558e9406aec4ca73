import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncFile } from '../io/write.js';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import type { ChalkInstance } from 'chalk';
import { createRunner, orderedMap, type Runner } from '../batch/pool.js';
import type { JsonlChunkResult } from '../batch/jsonl-record.js';
import { Counts, CapacityError, DEFAULT_MAX_BLOCKS } from '../batch/counts.js';
import { readCountsFile } from '../batch/counts-file.js';
import { acrossTable } from '../batch/across-table.js';
import type { GroupSpec } from '../batch/jsonl-group.js';
import type { ResolvedConfig } from '../rules/resolve.js';
import { gzipped, zstded, zstdTo } from '../io/compressed.js';
import type { CliOptions } from './program.js';
import type { World } from './world.js';
import { configFor } from './load-config.js';
import { plural, problem, reporter } from './report.js';
import { EXIT } from './exit.js';
import { statsClash, statsFor } from './stats-out.js';
import { jsonlChunks } from './jsonl-source.js';
import { countJsonl } from './jsonl-count.js';

/** How JSON Lines records are grouped for repeats across documents, from the command line. */
export function groupSpec(o: { groupField?: string; groupBy?: string; urlField?: string }): GroupSpec {
  if (o.groupField) return { by: 'field', field: o.groupField };
  if (o.groupBy === 'url-host') return { by: 'url-host', field: o.urlField ?? 'url' };
  return { by: 'none' };
}

/** Does this JSON Lines run look for blocks repeated across its records? */
const wantsAcross = (o: CliOptions) => o.across !== false && Boolean(o.counts || o.groupField || o.groupBy === 'url-host' || o.across);

/** Add a counts file written by learn --counts-out (gzip or not); throws with a cause a user can act on. */
export async function readCounts(file: string, counts: Counts, thresholds: { minDocs: number; minShare: number }): Promise<void> {
  await readCountsFile(file, counts, (h) => {
    // Pruned counts lack the blocks under their thresholds: cleaning with lower ones would miss them.
    if (h.pruned && (thresholds.minDocs < h.pruned.minDocs || thresholds.minShare < h.pruned.minShare)) {
      return `was pruned at min-docs ${h.pruned.minDocs}, min-share ${h.pruned.minShare}; this run uses ${thresholds.minDocs}, ${thresholds.minShare} (prune with the thresholds you clean with, or use unpruned counts)`;
    }
    return undefined;
  });
}

/**
 * The counting step of a JSON Lines run: from --counts, or a first pass over the input files. The
 * frequent blocks go to a temp file the cleaning threads read once. Returns the file, or an error.
 */
async function prepareAcross(world: World, runner: Runner, sources: string[], o: CliOptions, cfg: ResolvedConfig, fail: (name: string, cause: string) => void): Promise<{ file?: string; dir?: string; error?: { cause: string; hint?: string } }> {
  const r = cfg.repeated;
  const counts = new Counts(r.maskDigits, r.maxWords, DEFAULT_MAX_BLOCKS, false);
  if (o.counts) {
    try {
      await readCounts(path.resolve(world.cwd, o.counts), counts, { minDocs: o.minDocs ?? r.minDocs, minShare: o.minShare ?? r.minShare });
    } catch (err) {
      if (err instanceof CapacityError) return { error: { cause: err.message } };
      const e = err as NodeJS.ErrnoException;
      return { error: { cause: `${o.counts}: ${e.code === 'ENOENT' ? 'no such file' : e.message}` } };
    }
  } else {
    if (sources.includes('-')) {
      return { error: { cause: 'repeats across records need two passes, and stdin can be read only once', hint: 'count first (clean-article learn --input-format jsonl … --counts-out FILE), then clean with --counts FILE; or pass the file' } };
    }
    try {
      await countJsonl(world, runner, sources, { field: o.field, group: groupSpec(o), maskDigits: r.maskDigits, maxWords: r.maxWords, mojibake: cfg.repair.mojibake }, counts, fail);
    } catch (err) {
      if (err instanceof CapacityError) return { error: { cause: err.message } };
      throw err;
    }
  }
  const table = acrossTable(counts, o.minDocs ?? r.minDocs, o.minShare ?? r.minShare);
  const dir = mkdtempSync(path.join(tmpdir(), 'clean-article-across-'));
  const file = path.join(dir, 'table.json');
  writeFileSync(file, JSON.stringify(table));
  return { file, dir };
}

/** JSON Lines in, JSON Lines out: streamed in order, memory bounded by the chunks in flight. */
export async function runJsonl(world: World, inputs: string[], o: CliOptions, c: ChalkInstance): Promise<number> {
  const jobs = o.jobs ?? availableParallelism();
  const report = reporter(world.stderr, c, Boolean(o.quiet));
  const { stdin, stdout, stderr, cwd } = world;
  const started = Date.now();
  const sources = inputs.length ? inputs : ['-'];
  if (sources.includes('-') && inputs.length === 0 && stdin.isTTY) {
    report.error(undefined, 'no input', 'pass JSON Lines files, or pipe them on stdin');
    return EXIT.usage;
  }
  const cfg = await configFor(o.config, undefined, cwd, stderr, c);
  if (!cfg.ok) return EXIT.usage;
  const configFile = cfg.file;
  const clash = statsClash(world, o, sources.filter((s) => s !== '-'));
  if (clash) {
    report.error(clash, 'is one of the inputs; refusing to write the report over it', 'pick another path');
    return EXIT.usage;
  }
  // Before anything can fail: the counting pass reports into the figures too.
  const figures = statsFor(world, o);
  let unreadable = 0;
  const failed = new Set<string>();
  const fail = (name: string, cause: string) => {
    if (failed.has(name)) return;
    failed.add(name);
    unreadable++;
    report.error(name, cause);
    figures?.collector.warn(name, cause);
  };
  const runner = createRunner(jobs);
  let across: Awaited<ReturnType<typeof prepareAcross>> | undefined;
  if (wantsAcross(o)) {
    try {
      across = await prepareAcross(world, runner, sources, o, cfg.resolved, fail);
    } catch (err) {
      await runner.close();
      throw err;
    }
    if (across.error) {
      await runner.close();
      report.error(undefined, across.error.cause, across.error.hint);
      return across.error.hint ? EXIT.usage : EXIT.failed;
    }
  }
  // -o goes through a temp file renamed at the end: a failed run never leaves half an output.
  const outFile = o.output ? path.resolve(cwd, o.output) : undefined;
  const tmp = outFile ? `${outFile}.clean-article-partial-${process.pid}` : undefined;
  if (outFile) await mkdir(path.dirname(outFile), { recursive: true });
  const file = tmp ? createWriteStream(tmp) : undefined;
  // An output named *.gz is written gzip-compressed, *.zst zstd-compressed.
  let compressor: NodeJS.WritableStream | undefined;
  if (file && gzipped(outFile!)) {
    const gzip = createGzip();
    gzip.pipe(file);
    compressor = gzip;
  } else if (file && zstded(outFile!)) compressor = zstdTo(file);
  const sink: NodeJS.WritableStream = compressor ?? file ?? stdout;
  const write = (s: string) => (sink.write(s) ? undefined : new Promise<void>((resolve) => sink.once('drain', () => resolve())));
  let records = 0;
  let changed = 0;
  let bad = 0;
  let stopped = false;
  const group = across ? groupSpec(o) : undefined;
  try {
    await orderedMap(
      jsonlChunks(world, sources, fail, () => stopped),
      Math.max(2, jobs * 2),
      (ch) =>
        runner
          .run({ kind: 'jsonl', lines: ch.lines, firstLine: ch.first, field: o.field, onError: o.onError, configFile, extract: o.extract, strict: Boolean(o.strict), statsAs: figures ? ch.name : undefined, group, acrossFile: across?.file })
          .then((r) => ({ r: r as JsonlChunkResult, name: ch.name })),
      async ({ r, name }) => {
        if (stopped) return;
        for (const w of r.warnings) report.warn(`${name}:${w.line}`, w.cause);
        for (const e of r.errors) stderr.write(problem(c, o.onError === 'fail' ? 'error' : 'warning', `${name}:${e.line}`, e.cause, o.onError === 'keep' ? 'passed through unchanged' : o.onError === 'skip' ? 'skipped' : undefined));
        if (figures) {
          for (const s of r.summaries ?? []) figures.collector.add(s);
          for (const w of r.warnings) figures.collector.warn(`${name}:${w.line}`, w.cause);
          for (const e of r.errors) {
            figures.collector.failed();
            figures.collector.warn(`${name}:${e.line}`, e.cause);
          }
        }
        records += r.records;
        changed += r.changed;
        bad += r.errors.length;
        if (r.stopped) stopped = true;
        await write(r.out);
      },
    );
  } finally {
    await runner.close();
    if (across?.dir) rmSync(across.dir, { recursive: true, force: true });
  }
  figures?.done();
  if (tmp) {
    await new Promise<void>((resolve, reject) => {
      file!.once('error', reject);
      file!.once('close', () => resolve());
      sink.end();
    });
    if (stopped || unreadable) await unlink(tmp).catch(() => undefined);
    else {
      // As the atomic writer does for every other output: on disk before it takes the name.
      syncFile(tmp);
      await rename(tmp, outFile!);
    }
  }
  if (!o.quiet) {
    stderr.write(`clean-article: ${plural(records, 'record')} cleaned, ${changed} changed, ${bad} not cleaned (${o.onError === 'keep' ? 'passed through' : o.onError === 'skip' ? 'skipped' : 'failed'}); ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return stopped || unreadable ? EXIT.failed : EXIT.ok;
}
