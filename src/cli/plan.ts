import type { CliOptions } from './program.js';

/**
 * What a command line asks for, decided once: which mode cleans (one input to stdout or -o, a
 * batch of files, or JSON Lines records) and the options it runs with; or why it cannot run.
 * Every mode reads this plan instead of looking at the flags again.
 */
export type Mode = 'single' | 'batch' | 'jsonl';

export interface Plan {
  mode: Mode;
  inputs: string[];
  options: CliOptions;
}

export function planRun(inputs: string[], options: CliOptions): { plan: Plan } | { error: string } {
  const error = conflicts(inputs, options);
  if (error) return { error };
  const mode: Mode = options.printConfig ? 'single' : options.inputFormat === 'jsonl' ? 'jsonl' : isBatch(inputs, options) ? 'batch' : 'single';
  return { plan: { mode, inputs, options } };
}

/** Flags that contradict each other, refused before any work is done. */
function conflicts(inputs: string[], o: CliOptions): string | undefined {
  if (o.check && o.listDifferent) return 'Cannot use --check and --list-different together.';
  if (o.null && !o.listDifferent) return '-z ends the paths -l prints; use it with -l.';
  if (o.outDir && o.write) return 'Cannot use --out-dir and --write together: pick one place for the clean text.';
  if (o.outDir && (o.check || o.listDifferent)) return 'Cannot use --out-dir with --check or --list-different.';
  if (o.output && (o.outDir || o.write || o.check || o.listDifferent)) return 'Cannot use -o with --out-dir, --write, --check or --list-different.';
  if (o.inputFormat === 'jsonl') {
    if (o.outDir || o.write || o.check || o.listDifferent) return 'JSON Lines input is cleaned to stdout or -o; --out-dir, --write, --check and --list-different take text files.';
    if (o.format && o.format !== 'jsonl') return 'JSON Lines input gives JSON Lines output; drop --format.';
    if (o.encoding && !/^utf-?8$/i.test(o.encoding)) return 'JSON Lines is UTF-8 by definition; --encoding takes text files (mojibake inside records is still repaired).';
    return undefined;
  }
  if (o.groupField || o.groupBy === 'url-host' || o.counts) return '--group-field, --group-by url-host and --counts group JSON Lines records; add --input-format jsonl (folders group by folder).';
  if (inputs.includes('-') && inputs.length > 1) return 'Cannot mix - (stdin) with files; clean stdin on its own.';
  if (inputs.includes('-') && (o.outDir || o.write)) return '--out-dir and --write take files, not stdin.';
  if (o.output && inputs.length > 1) return '-o takes one input; for several, use --out-dir DIR.';
  return undefined;
}

/** Does this command line need the batch path (several inputs, a folder, a glob, an in-place mode)? */
function isBatch(inputs: string[], o: CliOptions): boolean {
  if ((o.check || o.listDifferent) && inputs.length === 1 && inputs[0] === '-') return false;
  return inputs.length > 1 || Boolean(o.outDir || o.write || o.check || o.listDifferent) || o.format === 'jsonl' || o.inputFormat === 'jsonl';
}
