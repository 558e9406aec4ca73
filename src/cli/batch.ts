import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { collectInputs, inside, type InputFile } from '../batch/inputs.js';
import { realPath } from '../io/write.js';
import { createRunner, mapFiles, workersFor, type Runner } from '../batch/pool.js';
import type { FileOutcome, FileTask, FingerprintOutcome } from '../batch/task.js';
import { CapacityError, Counts, DEFAULT_MAX_BLOCKS } from '../batch/counts.js';
import type { ResolvedConfig } from '../rules/resolve.js';
import { sweepTemps } from '../io/write.js';
import { renderJson } from '../core/render.js';
import type { CliOptions } from './program.js';
import type { World } from './world.js';
import { configFor, configPath } from './load-config.js';
import { explain, reporter, wouldChange } from './report.js';
import { EXIT } from './exit.js';
import { progress } from './progress.js';
import { statsClash, statsFor } from './stats-out.js';


function outPathFor(f: InputFile, outDir: string): string {
  const rel = path.relative(f.base, f.path);
  return path.join(outDir, rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(f.path) : rel);
}

/** Clean many files with one of the batch output modes. */
export async function runBatch(world: World, inputs: string[], o: CliOptions, c: ChalkInstance): Promise<number> {
  const { stdout, stderr, env, cwd } = world;
  const report = reporter(stderr, c, Boolean(o.quiet));
  const started = Date.now();
  const jobs = o.jobs ?? availableParallelism();
  const hasOutput = Boolean(o.outDir || o.write || o.check || o.listDifferent || o.format === 'json' || o.format === 'jsonl');
  const nowhere = (n: string) => report.error(undefined, `${n} inputs and nowhere to put them`, 'several inputs need --out-dir DIR, --write, --check, --list-different or --format jsonl');
  if (!hasOutput && inputs.length > 1) {
    nowhere(String(inputs.length));
    return EXIT.usage;
  }
  const ext = o.ext;
  const collected = await collectInputs(inputs, { cwd, ext, ignorePaths: o.ignorePath ?? [] });
  const { files } = collected;
  if (files.length === 0 && collected.errors.length === 0) {
    report.error(undefined, `no input files (folders are searched for ${ext.join(', ')})`, 'use --ext to pick other extensions, or check the ignore file');
    return EXIT.usage;
  }
  if (!hasOutput) {
    nowhere(`${files.length} input file${files.length === 1 ? '' : 's'}`);
    return EXIT.usage;
  }
  // Every config is validated up front, so a bad config stops the run before any file is written.
  const configOf = (file: string) => configPath(o.config, path.dirname(file), cwd);
  const loaded = new Map<string | undefined, ResolvedConfig>();
  for (const f of files) {
    const cf = configOf(f.path);
    if (loaded.has(cf)) continue;
    const cfg = await configFor(cf ?? false, undefined, cwd, stderr, c);
    if (!cfg.ok) return EXIT.usage;
    loaded.set(cf, cfg.resolved);
  }
  const repeatedOf = (f: InputFile) => {
    const cfg = loaded.get(configOf(f.path))!;
    const r = cfg.repeated;
    return { ...r, minDocs: o.minDocs ?? r.minDocs, minShare: o.minShare ?? r.minShare, mojibake: cfg.repair.mojibake };
  };
  let outPaths: string[] | undefined;
  if (o.outDir) {
    const outDir = path.resolve(cwd, o.outDir);
    // Compared by real path: an --out-dir that is a link to the input folder (or lies below one)
    // would otherwise write over the inputs.
    const realOut = realPath(outDir);
    const folder = collected.folders.find((d) => inside(realPath(d), realOut));
    if (folder) {
      report.error(o.outDir, `is inside the input folder ${path.relative(cwd, folder) || '.'}`, 'choose an --out-dir outside it, so outputs never mix with inputs');
      return EXIT.usage;
    }
    outPaths = files.map((f) => outPathFor(f, outDir));
    const inputsSet = new Set(files.map((f) => realPath(f.path)));
    const seen = new Map<string, string>();
    for (let i = 0; i < files.length; i++) {
      if (inputsSet.has(realPath(outPaths[i]))) {
        report.error(files[i].display, `--out-dir would write over the input ${path.relative(cwd, outPaths[i])}`, 'choose another --out-dir');
        return EXIT.usage;
      }
      const other = seen.get(outPaths[i]);
      if (other) {
        report.error(files[i].display, `and ${other} would both be written to ${path.relative(cwd, outPaths[i])}`, 'give their common folder instead of the files');
        return EXIT.usage;
      }
      seen.set(outPaths[i], files[i].display);
    }
  }
  const clash = statsClash(world, o, files.map((f) => f.path));
  if (clash) {
    report.error(clash, 'is one of the inputs; refusing to write the report over it', 'pick a path outside the inputs');
    return EXIT.usage;
  }
  if (o.write) for (const dir of new Set(files.map((f) => path.dirname(f.path)))) await sweepTemps(dir);

  const groupOf = (f: InputFile) => (o.groupBy === 'none' ? '' : path.relative(cwd, path.dirname(f.path)) || '.');
  // One pool serves both passes; a small batch stays in this thread (workers cost more to start).
  const runner = createRunner(workersFor(jobs, files.length));
  let acrossOf: ((f: InputFile) => FileTask['across']) | undefined;
  if (o.across ?? collected.folders.length > 0) {
    // Pass one counts every block of every document; pass two cleans with those counts. Two
    // passes make the result independent of file order and of how many workers there are.
    try {
      const counting = progress('counting', files.length, stderr, env, Boolean(o.quiet));
      acrossOf = await countAcross(runner, files, groupOf, repeatedOf, (bytes) => counting.tick(bytes), o.encoding).finally(() => counting.stop());
    } catch (err) {
      await runner.close();
      if (!(err instanceof CapacityError)) throw err;
      report.error(undefined, err.message);
      return EXIT.failed;
    }
  }

  const figures = statsFor(world, o);
  let failed = collected.errors.length;
  for (const e of collected.errors) {
    report.error(e.file, e.cause, e.hint);
    figures?.collector.failed();
  }
  let changed = 0;
  let removed = 0;
  const wantResult = Boolean(o.format === 'json' || o.format === 'jsonl' || o.explain);
  const bar = progress('cleaning', files.length, stderr, env, Boolean(o.quiet));
  try {
    await mapFiles<InputFile, FileOutcome>(
      runner,
      files,
      (f, i) => ({ kind: 'file', file: f.path, configFile: configOf(f.path), write: Boolean(o.write), outPath: outPaths?.[i], wantResult, strict: Boolean(o.strict), across: acrossOf?.(f), extract: o.extract, encoding: o.encoding, statsAs: figures ? f.display : undefined }),
      (r, i) => {
        const f = files[i];
        bar.tick(r.bytes);
        for (const w of r.warnings) report.warn(f.display, w);
        if (figures) {
          for (const w of r.warnings) figures.collector.warn(f.display, w);
          if (r.summary && r.ok) figures.collector.add(r.summary);
          if (!r.ok) figures.collector.failed();
          if (!r.ok && r.error) figures.collector.warn(f.display, r.error.cause);
        }
        if (!r.ok) {
          failed++;
          report.error(f.display, r.error!.cause, r.error!.hint);
          return;
        }
        removed += r.removed;
        if (r.changed) changed++;
        if (o.explain && r.result) stderr.write(explain(f.display, r.result, c));
        if (r.changed && o.check) stderr.write(wouldChange(c, f.display, r.rules, o.write));
        if (r.changed && o.listDifferent) stdout.write(`${f.display}${o.null ? '\0' : '\n'}`);
        if (r.result && (o.format === 'json' || o.format === 'jsonl')) stdout.write(renderJson(f.display, r.result));
      },
    );
  } finally {
    await runner.close();
    bar.stop();
  }
  figures?.done();
  const verb = o.write ? 'changed' : o.outDir || o.format ? 'changed by cleaning' : 'would change';
  if (!o.quiet) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    stderr.write(`clean-article: ${files.length} file${files.length === 1 ? '' : 's'} read, ${changed} ${verb}, ${failed} failed; ${removed} block${removed === 1 ? '' : 's'} removed; ${secs} s\n`);
    if (o.check && changed && !o.write) stderr.write(`clean-article: run with --write to fix ${changed === 1 ? 'it' : 'them'}.\n`);
  }
  if (failed) return EXIT.failed;
  if ((o.check || o.listDifferent) && !o.write && changed) return EXIT.failed;
  return EXIT.ok;
}

type Repeated = ResolvedConfig['repeated'] & { mojibake: boolean };

/** The counting pass: which blocks of each group are in enough of its documents. */
async function countAcross(
  runner: Runner,
  files: InputFile[],
  groupOf: (f: InputFile) => string,
  repeatedOf: (f: InputFile) => Repeated,
  tick: (bytes: number) => void,
  encoding: string | undefined,
): Promise<(f: InputFile) => FileTask['across']> {
  const first = repeatedOf(files[0]);
  const counts = new Counts(first.maskDigits, first.maxWords, DEFAULT_MAX_BLOCKS, false);
  await mapFiles<InputFile, FingerprintOutcome>(
    runner,
    files,
    (f) => {
      const r = repeatedOf(f);
      return { kind: 'fingerprint', file: f.path, maskDigits: r.maskDigits, maxWords: r.maxWords, encoding, mojibake: r.mojibake };
    },
    (r, i) => {
      tick(r.bytes);
      if (r.ok) counts.addDocument(groupOf(files[i]), files[i].display, r.fingerprints);
    },
  );
  const cache = new Map<string, FileTask['across']>();
  return (f) => {
    const r = repeatedOf(f);
    const group = groupOf(f);
    const key = `${group}\0${r.minDocs}\0${r.minShare}\0${r.maskDigits}\0${r.maxWords}`;
    let hit = cache.get(key);
    if (!hit) {
      const frequent = counts.frequent(group, r.minDocs, r.minShare);
      hit = { counts: [...frequent].map(([k, v]) => [k, v.docs] as [string, number]), docs: counts.groups.get(group)?.docs ?? 0, maskDigits: r.maskDigits, maxWords: r.maxWords };
      cache.set(key, hit);
    }
    return hit.counts.length ? hit : undefined;
  };
}
