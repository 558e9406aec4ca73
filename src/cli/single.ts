import { existsSync } from 'node:fs';
import path from 'node:path';
import { renderJson } from '../core/render.js';
import { cleanWith, overGuard } from '../core/clean.js';
import { withExtract } from '../rules/resolve.js';
import { decodeBytes, describeFsError, readInput, readStream, type ReadResult } from '../io/read.js';
import { sameFile, writeAtomic } from '../io/write.js';
import type { CliOptions } from './program.js';
import { colorLevel, makeChalk } from './color.js';
import { explain, problem, reporter, wouldChange } from './report.js';
import { configFor, printable } from './load-config.js';
import type { World } from './world.js';
import { EXIT } from './exit.js';

/** Clean one file or stdin to stdout or -o: the everyday pipe. */
export async function cleanOne(world: World, input: string | undefined, opts: CliOptions): Promise<number> {
  const { stdin, stdout, stderr, env, cwd } = world;
  const c = await makeChalk(colorLevel(opts.color, env, Boolean(stderr.isTTY)));
  const report = reporter(stderr, c, Boolean(opts.quiet));
  const fromStdin = input === undefined || input === '-';
  const cfg = await configFor(opts.config, fromStdin ? undefined : input, cwd, stderr, c);
  if (!cfg.ok) return EXIT.usage;
  if (opts.printConfig) {
    stdout.write(printable(cfg));
    return EXIT.ok;
  }
  if (input !== undefined && input !== '-' && /[*?[\]{}]/.test(input) && !existsSync(path.resolve(cwd, input))) {
    const { runBatch } = await import('./batch.js');
    return runBatch(world, [input], opts, c);
  }
  if (input === undefined && stdin.isTTY) {
    report.error(undefined, 'no input', 'pass a file, or pipe text on stdin; see clean-article --help');
    return EXIT.usage;
  }
  const name = fromStdin ? '-' : input;
  const file = fromStdin ? undefined : path.resolve(cwd, input);
  if (opts.output && file && (await sameFile(file, path.resolve(cwd, opts.output)))) {
    report.error(opts.output, 'is the input file; refusing to write over it', 'pick another -o path');
    return EXIT.usage;
  }
  if (file && (opts.report || opts.stats)) {
    const clash = (await import('./stats-out.js')).statsClash(world, opts, [file]);
    if (clash) {
      report.error(clash, 'is the input file; refusing to write the report over it', 'pick another path');
      return EXIT.usage;
    }
  }
  const legacy = opts.encoding ? await import('../io/legacy.js') : undefined;
  const read: ReadResult = file ? readInput(file, opts.encoding, legacy) : decodeBytes(await readStream(stdin), '-', opts.encoding, legacy);
  if (!read.ok) {
    report.error(name, read.error.cause, read.error.hint);
    return EXIT.failed;
  }
  const result = cleanWith(read.text, withExtract(cfg.options, opts.extract));
  const warnings = [...read.warnings, ...result.warnings];
  const refused = opts.strict && overGuard(result, cfg.options.guard);
  if (opts.report || opts.stats) {
    // A batch of one: the same page and figures as for a folder.
    const { statsFor } = await import('./stats-out.js');
    const { summarize } = await import('../batch/stats.js');
    const figures = statsFor(world, opts)!;
    for (const w of warnings) figures.collector.warn(name, w);
    if (refused) figures.collector.failed();
    else figures.collector.add(summarize(name, result, result.text !== read.text));
    figures.done();
  }
  if (!opts.quiet || refused) {
    for (const w of warnings) stderr.write(problem(c, refused ? 'error' : 'warning', name, w));
  }
  if (opts.explain) stderr.write(explain(name, result, c));
  if (refused) return EXIT.failed;
  if (opts.check || opts.listDifferent) {
    // stdin under --check/-l: say whether cleaning would change it, write nothing.
    const changed = result.text !== read.text;
    if (changed && opts.check) stderr.write(wouldChange(c, '-', [...new Set(result.removed.map((r) => r.rule))]));
    if (changed && opts.listDifferent) stdout.write(opts.null ? '-\0' : '-\n');
    return changed ? EXIT.failed : EXIT.ok;
  }
  const data = opts.format === 'json' ? renderJson(name, result, true) : result.text;
  if (!opts.output) {
    stdout.write(data);
    return EXIT.ok;
  }
  try {
    writeAtomic(path.resolve(cwd, opts.output), data);
  } catch (err) {
    const e = describeFsError(err, opts.output);
    report.error(opts.output, `cannot be written: ${e.cause}`, e.cause === 'no such file' ? 'create its folder first' : e.hint);
    return EXIT.failed;
  }
  return EXIT.ok;
}
