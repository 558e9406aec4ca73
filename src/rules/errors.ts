import { closest, distance } from 'fastest-levenshtein';

/** One problem in a config: where (file and JSON path) and what. */
export interface ConfigError {
  file: string;
  path: string;
  message: string;
}

/** `rules[2].pattern` from ['rules', 2, 'pattern']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** ` (did you mean "x"?)` when a candidate is close enough to be the likely intent, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(word, candidates as string[]);
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}
