import type { ChalkInstance } from 'chalk';
import type { CleanResult } from '../core/types.js';

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The --explain report: one entry per removal, with its lines, rule and reason. */
export function explain(name: string, result: CleanResult, c: ChalkInstance): string {
  const { removed, stats } = result;
  const head = `${c.bold(name)}: removed ${removed.length} item${removed.length === 1 ? '' : 's'}, ${Math.round(stats.removedShare * 100)}% of the words; ${stats.entitiesDecoded} entities decoded${stats.doubleEncodingsRepaired ? `, ${stats.doubleEncodingsRepaired} double encodings repaired` : ''}${stats.mojibakeRepaired ? `, ${stats.mojibakeRepaired} mojibake runs repaired` : ''}\n`;
  const width = Math.max(0, ...removed.map((r) => `${r.lines[0]}-${r.lines[1]}`.length));
  const rows = removed.map((r) => {
    const at = `${r.lines[0]}-${r.lines[1]}`.padStart(width);
    return `  ${c.dim(at)}  ${c.yellow(r.rule)}  ${c.dim(r.reason)}\n  ${' '.repeat(width)}  ${c.red(clip(r.text, 100))}\n`;
  });
  const kept = result.overruled.map((r) => `  ${c.dim(`${r.lines[0]}-${r.lines[1]}`.padStart(width))}  ${c.green(r.rule)}  ${c.dim(r.reason)}\n  ${' '.repeat(width)}  ${clip(r.text, 100)}\n`);
  const fixed = result.repairs.map((r) => `  ${c.dim(`${r.lines[0]}-${r.lines[1]}`.padStart(width))}  ${c.cyan(r.rule)}  ${clip(r.before, 40)} -> ${clip(r.after, 40)}\n`);
  return head + rows.join('') + (fixed.length ? `  ${c.bold('repaired')}:\n${fixed.join('')}` : '') + (kept.length ? `  ${c.bold('kept by the context')}:\n${kept.join('')}` : '');
}

/** `[warn] FILE: rule, rule` — a file that --check found cleaning would change, and why. */
export function wouldChange(c: ChalkInstance, file: string, rules: string[], fixed = false): string {
  return `${c.yellow('[warn]')} ${file}${fixed ? ' (fixed)' : ''}: ${rules.length ? rules.join(', ') : 'white space and entities'}\n`;
}

/** `clean-article: FILE: cause (hint)` — the one shape every error and warning line takes. */
export function problem(c: ChalkInstance, kind: 'error' | 'warning', file: string | undefined, cause: string, hint?: string): string {
  const label = kind === 'error' ? c.red('error') : c.yellow('warning');
  return `clean-article: ${label}: ${file ? `${file}: ` : ''}${cause}${hint ? ` (${hint})` : ''}\n`;
}

/** `1 record`, `2 records`. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Where every mode says what went wrong: one line each, `clean-article: error|warning: FILE: cause
 * (hint)`, coloured as decided once, warnings dropped under --quiet.
 */
export interface Reporter {
  readonly c: ChalkInstance;
  error(file: string | undefined, cause: string, hint?: string): void;
  warn(file: string | undefined, cause: string, hint?: string): void;
}

export function reporter(stderr: NodeJS.WritableStream, c: ChalkInstance, quiet: boolean): Reporter {
  return {
    c,
    error: (file, cause, hint) => void stderr.write(problem(c, 'error', file, cause, hint)),
    warn: (file, cause, hint) => void (quiet || stderr.write(problem(c, 'warning', file, cause, hint))),
  };
}
