import type { CleanOptions } from '../core/types.js';
import { cleanWith, overGuard } from '../core/clean.js';
import { summarize, type DocumentSummary } from './stats.js';
import { groupOf, type GroupSpec } from './jsonl-group.js';
import { documentFingerprints } from '../core/fingerprint.js';
import type { AcrossDocuments } from '../core/types.js';

/** Repeats across documents for JSON Lines: which group a record is in, and each group's table. */
export interface JsonlAcross {
  group?: GroupSpec;
  byGroup: Map<string, AcrossDocuments>;
}

export type OnError = 'skip' | 'keep' | 'fail';

export interface JsonlChunkResult {
  /** Output lines, each with its newline. */
  out: string;
  errors: Array<{ line: number; cause: string }>;
  /** Records cleaned with something to say (invalid UTF-8, control characters, the removed-share warning). */
  warnings: Array<{ line: number; cause: string }>;
  records: number;
  changed: number;
  removed: number;
  bytes: number;
  /** With on-error fail: the chunk stopped at the first error. */
  stopped: boolean;
  /** With statsAs: the figures of each record cleaned. */
  summaries?: DocumentSummary[];
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Index just past the JSON string that starts at `i` (at its opening quote). */
function skipString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return -1;
}

/** Index just past the JSON value that starts at `i`. */
function skipValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22) return skipString(s, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === 0x22) {
        j = skipString(s, j) - 1;
        if (j < 0) return -1;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < s.length && !WS.has(s.charCodeAt(j)) && s[j] !== ',' && s[j] !== '}') j++;
  return j;
}

/**
 * Where the value of top-level key `field` sits in the text of a JSON object, or undefined.
 * Only that span is replaced, so every other byte of the record — key order, number spelling,
 * big integers JSON.parse would round — stays exactly as it came. With the key twice, the last
 * one is the value: JSON.parse and most other parsers keep the last, so that is what is cleaned.
 */
export function fieldSpan(line: string, field: string): [number, number] | undefined {
  let i = 0;
  const ws = () => {
    while (i < line.length && WS.has(line.charCodeAt(i))) i++;
  };
  ws();
  if (line[i] !== '{') return undefined;
  i++;
  let found: [number, number] | undefined;
  for (;;) {
    ws();
    if (line[i] === '}') return found;
    const keyEnd = skipString(line, i);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(line.slice(i, keyEnd)) as string;
    i = keyEnd;
    ws();
    if (line[i] !== ':') return undefined;
    i++;
    ws();
    const end = skipValue(line, i);
    if (end < 0) return undefined;
    if (key === field) found = [i, end];
    i = end;
    ws();
    if (line[i] === ',') i++;
    else return line[i] === '}' ? found : undefined;
  }
}

/** Clean the `field` of each JSON Lines record; other fields pass through byte for byte. */
export function cleanJsonlLines(lines: string[], firstLine: number, field: string, onError: OnError, options: CleanOptions, strict = false, statsAs?: string, across?: JsonlAcross): JsonlChunkResult {
  const res: JsonlChunkResult = { out: '', errors: [], warnings: [], records: 0, changed: 0, removed: 0, bytes: 0, stopped: false };
  if (statsAs !== undefined) res.summaries = [];
  const parts: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') continue;
    let cause: string | undefined;
    let value: unknown;
    let opts = options;
    try {
      const record = JSON.parse(line) as unknown;
      if (record === null || typeof record !== 'object' || Array.isArray(record)) cause = 'the record is not a JSON object';
      else if (typeof (record as Record<string, unknown>)[field] !== 'string') cause = `the record has no string field "${field}"`;
      else {
        value = (record as Record<string, unknown>)[field];
        const table = across?.byGroup.get(groupOf(record as Record<string, unknown>, across.group));
        if (table) opts = { ...options, across: table };
      }
    } catch (err) {
      cause = `malformed JSON: ${(err as Error).message}`;
    }
    const span = cause ? undefined : fieldSpan(line, field);
    if (!cause && !span) cause = `the record has no string field "${field}"`;
    const result = cause ? undefined : cleanWith(value as string, opts);
    // --strict: a record that would lose more than the guard share is an error, as in the other modes.
    if (result && strict && overGuard(result, options.guard)) {
      cause = `cleaning would remove ${Math.round(result.stats.removedShare * 100)}% of the words (limit ${Math.round(options.guard.maxRemovedShare * 100)}%; --strict)`;
    }
    if (cause || !result) {
      res.errors.push({ line: firstLine + k, cause: cause ?? '' });
      if (onError === 'keep') parts.push(line + '\n');
      if (onError === 'fail') {
        res.stopped = true;
        break;
      }
      continue;
    }
    res.records++;
    res.bytes += (value as string).length;
    // A record read from bytes that were not UTF-8 arrives with U+FFFD where they stood.
    if ((value as string).includes('\uFFFD')) {
      result.warnings.unshift('holds U+FFFD replacement characters: invalid UTF-8 in the input, or already in the text (convert the file to UTF-8 first)');
    }
    for (const w of result.warnings) res.warnings.push({ line: firstLine + k, cause: w });
    res.removed += result.removed.length;
    if (result.text !== value) res.changed++;
    res.summaries?.push(summarize(`${statsAs}:${firstLine + k}`, result, result.text !== value));
    parts.push(line.slice(0, span![0]) + JSON.stringify(result.text) + line.slice(span![1]) + '\n');
  }
  res.out = parts.join('');
  return res;
}

/** One record's group and the distinct fingerprints of its text, for the counting pass. */
export interface RecordCount {
  line: number;
  group: string;
  fingerprints: Array<[string, string]>;
}

/** The counting pass over JSON Lines records: records that cannot be cleaned are left out of the count. */
export function countJsonlLines(lines: string[], firstLine: number, field: string, group: GroupSpec | undefined, fp: { maskDigits: boolean; maxWords: number; mojibake: boolean }): RecordCount[] {
  const out: RecordCount[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) continue;
    const value = (record as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    out.push({ line: firstLine + k, group: groupOf(record as Record<string, unknown>, group), fingerprints: documentFingerprints(value, fp) });
  }
  return out;
}
