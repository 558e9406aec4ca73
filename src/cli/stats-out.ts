import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { StatsCollector, checkStats, mergeStats, type BatchStats } from '../batch/stats.js';
import { reportHtml } from '../batch/report-html.js';
import { realPath, writeAtomic } from '../io/write.js';
import type { World } from './world.js';
import { reporter } from './report.js';
import { EXIT } from './exit.js';

export interface StatsTargets {
  /** --report FILE.html */
  report?: string;
  /** --stats FILE.json */
  stats?: string;
}

/** Write the figures where asked: JSON and HTML, each atomically (a reader sees the old file or the new). */
export function writeStats(world: World, t: StatsTargets, stats: BatchStats): void {
  if (t.stats) writeAtomic(path.resolve(world.cwd, t.stats), JSON.stringify(stats, null, 1) + '\n', true, false);
  if (t.report) writeAtomic(path.resolve(world.cwd, t.report), reportHtml(stats), true, false);
}

/** The --report or --stats path that is one of the inputs (real paths compared), or undefined. */
export function statsClash(world: World, t: StatsTargets, inputs: string[]): string | undefined {
  const real = new Set(inputs.map((i) => realPath(path.resolve(world.cwd, i))));
  return [t.report, t.stats].find((f) => f !== undefined && real.has(realPath(path.resolve(world.cwd, f))));
}

/**
 * A batch's figures, collected as it runs. Until `done`, Ctrl-C (SIGINT) or SIGTERM writes what was
 * collected so far, marked partial, then ends the process as the signal would (exit 130 / 143).
 */
export function statsFor(world: World, t: StatsTargets): { collector: StatsCollector; done: () => void } | undefined {
  if (!t.report && !t.stats) return undefined;
  const collector = new StatsCollector(['clean-article', ...world.argv].map(quote).join(' '));
  const started = Date.now();
  let finished = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (finished) return;
    finished = true;
    try {
      writeStats(world, t, collector.finish((Date.now() - started) / 1000, true));
      world.stderr.write(`\nclean-article: interrupted; the ${t.report && t.stats ? 'report and stats cover' : t.report ? 'report covers' : 'stats cover'} the documents done so far\n`);
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    collector,
    done: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (finished) return;
      finished = true;
      writeStats(world, t, collector.finish((Date.now() - started) / 1000));
    },
  };
}

function quote(arg: string): string {
  return /^[\w./:=,@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `clean-article report STATS.json…`: add up the figures of several runs and write one report. */
export function reportCommand(world: World, files: string[], t: StatsTargets, c: ChalkInstance): number {
  const report = reporter(world.stderr, c, false);
  if (files.length === 0) {
    report.error(undefined, 'no stats files', 'clean-article report shard-*.stats.json --report all.html');
    return EXIT.usage;
  }
  if (!t.report && !t.stats) {
    report.error(undefined, 'nowhere to write', 'give --report FILE.html, --stats FILE.json, or both');
    return EXIT.usage;
  }
  const all: BatchStats[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.resolve(world.cwd, file), 'utf8'));
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      report.error(file, e.code === 'ENOENT' ? 'no such file' : `cannot be read as a stats file: ${e.message}`, 'pass files written by --stats');
      return EXIT.failed;
    }
    const why = checkStats(data);
    if (why) {
      report.error(file, why, 'pass files written by --stats');
      return EXIT.failed;
    }
    all.push(data as BatchStats);
  }
  writeStats(world, t, mergeStats(all));
  return EXIT.ok;
}
