import path from 'node:path';
import type { CleanResult } from '../core/types.js';
import { cleanWith, overGuard } from '../core/clean.js';
import { documentFingerprints } from '../core/fingerprint.js';
import { describeFsError, readInput } from '../io/read.js';
import { ensureDir, writeAtomic, writeNew } from '../io/write.js';
import { compileConfig, withExtract } from '../rules/resolve.js';
import type { ArticleOptions, CleanOptions } from '../core/types.js';
import { cleanJsonlLines, countJsonlLines, type JsonlChunkResult, type OnError, type RecordCount } from './jsonl-record.js';
import type { GroupSpec } from './jsonl-group.js';
import { loadAcrossTable } from './across-table.js';
import { summarize, type DocumentSummary } from './stats.js';

export interface FileTask {
  kind: 'file';
  file: string;
  /** The config file that applies (undefined: the defaults). Already validated by the caller. */
  configFile?: string;
  /** Rewrite the file in place when cleaning changes it. */
  write: boolean;
  /** Write the clean text here (--out-dir). */
  outPath?: string;
  /** Send the whole result back (--format json/jsonl, --explain). */
  wantResult: boolean;
  strict: boolean;
  /** Blocks of this file's group found in many of its documents (the counting pass). */
  across?: { counts: Array<[string, number]>; docs: number; maskDigits: boolean; maxWords: number };
  /** --extract, over the config's article.extract. */
  extract?: ArticleOptions['extract'];
  /** --encoding: a legacy encoding's name, or auto. */
  encoding?: string;
  /** --stats/--report: send back this document's figures, under this name. */
  statsAs?: string;
}

export interface FileOutcome {
  ok: boolean;
  error?: { cause: string; hint?: string };
  warnings: string[];
  changed: boolean;
  written: boolean;
  rules: string[];
  removed: number;
  bytes: number;
  result?: CleanResult;
  summary?: DocumentSummary;
}

export interface JsonlTask {
  kind: 'jsonl';
  lines: string[];
  firstLine: number;
  field: string;
  onError: OnError;
  configFile?: string;
  extract?: ArticleOptions['extract'];
  strict?: boolean;
  /** --stats/--report: each record's figures, named `NAME:LINE`. */
  statsAs?: string;
  /** Repeats across documents: how records are grouped, and the file of each group's frequent blocks. */
  group?: GroupSpec;
  acrossFile?: string;
}

/** The counting pass over a chunk of JSON Lines records. */
export interface JsonlCountTask {
  kind: 'jsonl-count';
  lines: string[];
  firstLine: number;
  field: string;
  group?: GroupSpec;
  maskDigits: boolean;
  maxWords: number;
  mojibake: boolean;
}

export interface FingerprintTask {
  kind: 'fingerprint';
  file: string;
  encoding?: string;
  mojibake?: boolean;
  maskDigits: boolean;
  maxWords: number;
}

export interface FingerprintOutcome {
  ok: boolean;
  fingerprints: Array<[string, string]>;
  bytes: number;
}

/** Several tasks in one message: a file is often cleaned faster than a message crosses threads. */
export interface ChunkTask {
  kind: 'chunk';
  tasks: Array<FileTask | FingerprintTask>;
}

export type Task = FileTask | JsonlTask | FingerprintTask | ChunkTask | JsonlCountTask;
export type Outcome = FileOutcome | JsonlChunkResult | FingerprintOutcome | Array<FileOutcome | FingerprintOutcome> | RecordCount[];

let defaults: CleanOptions | undefined;
let loader: typeof import('../config/load.js') | undefined;

// A worker without a config file never loads the YAML parser and the schema library.
async function options(configFile: string | undefined): Promise<CleanOptions> {
  if (configFile === undefined) return (defaults ??= compileConfig());
  loader ??= await import('../config/load.js');
  const loaded = loader.loadConfigFile(configFile);
  // The caller validated every config before starting; a failure here is a bug, not user input.
  if (!loaded.ok) throw new Error(`config ${configFile} failed to load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.options;
}

// Every file of a group shares one counts array (one object per chunk message, and the same object
// in this thread), so its Map is built once per array, not once per file.
const maps = new WeakMap<Array<[string, number]>, Map<string, number>>();
function countsMap(counts: Array<[string, number]>): Map<string, number> {
  let m = maps.get(counts);
  if (!m) maps.set(counts, (m = new Map(counts)));
  return m;
}

/** Clean one file of a batch: read, clean, and write where the task says. Never throws for bad input. */
export async function processFile(task: FileTask): Promise<FileOutcome> {
  const outcome: FileOutcome = { ok: true, warnings: [], changed: false, written: false, rules: [], removed: 0, bytes: 0 };
  const read = readInput(task.file, task.encoding, task.encoding ? await import('../io/legacy.js') : undefined);
  if (!read.ok) return { ...outcome, ok: false, error: { cause: read.error.cause, hint: read.error.hint } };
  const base = withExtract(await options(task.configFile), task.extract);
  const opts = task.across ? { ...base, across: { ...task.across, counts: countsMap(task.across.counts) } } : base;
  const result = cleanWith(read.text, opts);
  outcome.bytes = Buffer.byteLength(read.text);
  outcome.warnings = [...read.warnings, ...result.warnings];
  outcome.changed = result.text !== read.text;
  outcome.rules = [...new Set(result.removed.map((r) => r.rule))];
  outcome.removed = result.removed.length;
  if (task.wantResult) outcome.result = result;
  if (task.statsAs !== undefined) outcome.summary = summarize(task.statsAs, result, outcome.changed);
  if (task.strict && overGuard(result, opts.guard)) {
    return { ...outcome, ok: false, error: { cause: `cleaning would remove ${Math.round(result.stats.removedShare * 100)}% of the words (limit ${Math.round(opts.guard.maxRemovedShare * 100)}%); not written`, hint: 'check it with --explain' } };
  }
  // An input that cannot be written back as it came (invalid UTF-8, UTF-16 or UTF-32) is never
  // rewritten in place: that would change bytes the cleaning did not decide on. It fails, so the
  // summary and the exit code say it was left alone.
  if (task.write && outcome.changed && read.encoding) {
    return { ...outcome, ok: false, error: { cause: `not rewritten in place: the file is ${read.encoding === 'invalid UTF-8' ? 'not valid UTF-8' : read.encoding}`, hint: 'convert it to UTF-8 first, or write the clean text elsewhere with --out-dir' } };
  }
  if (task.write && outcome.changed) {
    writeAtomic(task.file, result.text);
    outcome.written = true;
  }
  if (task.outPath) {
    ensureDir(path.dirname(task.outPath));
    await writeNew(task.outPath, result.text);
    outcome.written = true;
  }
  return outcome;
}

export async function processTask(task: Task): Promise<Outcome> {
  if (task.kind === 'chunk') {
    // Started one after another without waiting: each file is cleaned in turn (this thread runs
    // one at a time), while the --out-dir writes of those before it go on in libuv's threads.
    return Promise.all(task.tasks.map((t) => processTask(t) as Promise<FileOutcome | FingerprintOutcome>));
  }
  if (task.kind === 'fingerprint') {
    // An unreadable file is left out of the count; the cleaning pass reports it.
    const read = readInput(task.file, task.encoding, task.encoding ? await import('../io/legacy.js') : undefined);
    return read.ok ? { ok: true, fingerprints: documentFingerprints(read.text, task), bytes: read.text.length } : { ok: false, fingerprints: [], bytes: 0 };
  }
  if (task.kind === 'file') {
    try {
      return await processFile(task);
    } catch (err) {
      // A file that vanished or became unwritable mid-run fails alone; the batch goes on.
      const e = describeFsError(err, task.file);
      return { ok: false, error: { cause: e.cause, hint: e.hint }, warnings: [], changed: false, written: false, rules: [], removed: 0, bytes: 0 };
    }
  }
  if (task.kind === 'jsonl-count') return countJsonlLines(task.lines, task.firstLine, task.field, task.group, task);
  const across = task.acrossFile ? { group: task.group, byGroup: loadAcrossTable(task.acrossFile) } : undefined;
  return cleanJsonlLines(task.lines, task.firstLine, task.field, task.onError, withExtract(await options(task.configFile), task.extract), task.strict, task.statsAs, across);
}
