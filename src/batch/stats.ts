import type { CleanResult } from '../core/types.js';
import { ACROSS_DOCUMENTS } from '../core/repeated.js';
import { wordCount } from '../core/segment.js';

/**
 * What a batch removed, in figures: the data behind `--stats FILE.json` and `--report FILE.html`.
 * Every field adds up across shards (`mergeStats`), so a cluster run makes one report.
 */
export const STATS_FORMAT = 'clean-article-stats';
export const STATS_VERSION = 1;
/** Documents kept with their removals in context: the ones that lost the most. */
export const TOP_DOCUMENTS = 20;
const MAX_WARNINGS = 500;
const MAX_LEARNED = 200;
const MAX_PARTS = 80;
const MAX_PART_CHARS = 600;
export const BINS = 20;

export interface RuleFigures {
  documents: number;
  blocks: number;
  words: number;
}

/** One paragraph of a document as the report shows it: kept, or removed by `rule`. */
export interface Part {
  text: string;
  lines: [number, number];
  rule?: string;
  reason?: string;
}

export interface DocumentFigures {
  source: string;
  words: number;
  removedWords: number;
  /** Removed words / words (0 for an empty document). */
  share: number;
  parts: Part[];
  /** Paragraphs left out of `parts` to keep the file small. */
  partsOmitted: number;
}

export interface LearnedBlock {
  text: string;
  /** Documents it was found (and removed) in. */
  documents: number;
}

export interface BatchStats {
  format: typeof STATS_FORMAT;
  version: typeof STATS_VERSION;
  /** The run was interrupted: figures for the documents done so far. */
  partial: boolean;
  /** The command lines that made these figures (several after a merge). */
  commands: string[];
  documents: number;
  changed: number;
  failed: number;
  words: number;
  removedWords: number;
  /** Documents by removed share: bin i holds shares in [i/BINS, (i+1)/BINS), the last one 1 too. */
  histogram: number[];
  rules: Record<string, RuleFigures>;
  top: DocumentFigures[];
  learned: LearnedBlock[];
  warnings: Array<{ source: string; message: string }>;
  /** Warnings in all, of which `warnings` lists the first few hundred. */
  warningsTotal: number;
  /** Wall-clock seconds of the run (summed over merged runs). */
  seconds: number;
}

export function emptyStats(command: string): BatchStats {
  return {
    format: STATS_FORMAT,
    version: STATS_VERSION,
    partial: false,
    commands: command ? [command] : [],
    documents: 0,
    changed: 0,
    failed: 0,
    words: 0,
    removedWords: 0,
    histogram: new Array<number>(BINS).fill(0),
    rules: {},
    top: [],
    learned: [],
    warnings: [],
    warningsTotal: 0,
    seconds: 0,
  };
}

/** What one cleaned document adds to the figures: computed where it was cleaned, small to send back. */
export interface DocumentSummary {
  words: number;
  removedWords: number;
  changed: boolean;
  rules: Record<string, RuleFigures>;
  across: string[];
  view: DocumentFigures;
}

export function summarize(source: string, result: CleanResult, changed: boolean): DocumentSummary {
  const rules: Record<string, RuleFigures> = {};
  let removedWords = 0;
  const across: string[] = [];
  for (const r of result.removed) {
    const words = wordCount(r.text);
    removedWords += words;
    const f = (rules[r.rule] ??= { documents: 1, blocks: 0, words: 0 });
    f.blocks++;
    f.words += words;
    if (r.rule === ACROSS_DOCUMENTS) across.push(r.text);
  }
  let keptWords = 0;
  const parts: Part[] = [];
  for (let i = 0; i < result.paragraphs.length; i++) {
    keptWords += wordCount(result.paragraphs[i]);
    parts.push({ text: result.paragraphs[i], lines: result.paragraphLines[i] });
  }
  for (const r of result.removed) parts.push({ text: r.text, lines: r.lines, rule: r.rule, reason: r.reason });
  parts.sort((a, b) => a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1] || (a.rule ? 1 : 0) - (b.rule ? 1 : 0));
  const words = keptWords + removedWords;
  const shown = parts.slice(0, MAX_PARTS).map((p) => (p.text.length > MAX_PART_CHARS ? { ...p, text: p.text.slice(0, MAX_PART_CHARS) + ' …' } : p));
  return {
    words,
    removedWords,
    changed,
    rules,
    across: [...new Set(across)],
    view: { source, words, removedWords, share: share(removedWords, words), parts: shown, partsOmitted: parts.length - shown.length },
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1e4) / 1e4);
const bin = (s: number) => Math.min(BINS - 1, Math.floor(s * BINS));

const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Lost more: a larger share first, then more words, then by what the document holds, and only
 * then by the source name. Merging is order-free either way; going by content before the name
 * also makes shards of one batch agree with the batch run whole, where the same record has
 * another name (`part-1.jsonl:3` there, `all.jsonl:22` here).
 */
function lostMore(a: DocumentFigures, b: DocumentFigures): number {
  return b.share - a.share || b.removedWords - a.removedWords || b.words - a.words || order(JSON.stringify(a.parts), JSON.stringify(b.parts)) || order(a.source, b.source);
}

function keepTop(top: DocumentFigures[]): DocumentFigures[] {
  return top.sort(lostMore).slice(0, TOP_DOCUMENTS);
}

/** Collects the figures of a batch as its documents are delivered. */
export class StatsCollector {
  readonly stats: BatchStats;
  private learned = new Map<string, number>();
  private pending: DocumentFigures[] = [];

  constructor(command: string) {
    this.stats = emptyStats(command);
  }

  add(doc: DocumentSummary): void {
    const s = this.stats;
    s.documents++;
    if (doc.changed) s.changed++;
    s.words += doc.words;
    s.removedWords += doc.removedWords;
    s.histogram[bin(doc.view.share)]++;
    for (const [rule, f] of Object.entries(doc.rules)) {
      const t = (s.rules[rule] ??= { documents: 0, blocks: 0, words: 0 });
      t.documents += f.documents;
      t.blocks += f.blocks;
      t.words += f.words;
    }
    for (const text of doc.across) this.learned.set(text, (this.learned.get(text) ?? 0) + 1);
    if (doc.removedWords > 0) {
      this.pending.push(doc.view);
      // Sorting once per few hundred documents keeps a long batch from holding every view.
      if (this.pending.length >= TOP_DOCUMENTS * 10) this.pending = keepTop(this.pending);
    }
  }

  failed(): void {
    this.stats.failed++;
  }

  warn(source: string, message: string): void {
    this.stats.warningsTotal++;
    if (this.stats.warnings.length < MAX_WARNINGS) this.stats.warnings.push({ source, message });
  }

  /** Learned blocks from a `learn` run, with the number of documents each was found in. */
  learnedBlock(text: string, documents: number): void {
    this.learned.set(text, Math.max(this.learned.get(text) ?? 0, documents));
  }

  /** The figures so far; `partial` when the run did not finish. */
  finish(seconds: number, partial = false): BatchStats {
    const s = this.stats;
    s.rules = sortedRules(s.rules);
    s.top = keepTop([...this.pending]);
    s.learned = sortLearned([...this.learned].map(([text, documents]) => ({ text, documents })));
    s.seconds = Math.round(seconds * 100) / 100;
    s.partial = partial;
    return s;
  }
}

/** Rules by name: the same figures give the same file whatever order the documents came in. */
function sortedRules(rules: Record<string, RuleFigures>): Record<string, RuleFigures> {
  return Object.fromEntries(Object.entries(rules).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function sortLearned(xs: LearnedBlock[]): LearnedBlock[] {
  return xs.sort((a, b) => b.documents - a.documents || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).slice(0, MAX_LEARNED);
}

/** Is this a stats file this version reads? Returns the reason when not. */
export function checkStats(data: unknown): string | undefined {
  const d = data as Partial<BatchStats> | null;
  if (!d || typeof d !== 'object' || d.format !== STATS_FORMAT) return `not a stats file (no "format": "${STATS_FORMAT}")`;
  if (d.version !== STATS_VERSION) return `stats version ${String(d.version)}; this clean-article reads version ${STATS_VERSION}`;
  if (!Array.isArray(d.histogram) || d.histogram.length !== BINS || typeof d.rules !== 'object') return 'the stats file is incomplete';
  return undefined;
}

/**
 * Add up the figures of several runs (shards of one corpus). Associative and order-free: sums,
 * the union of the top documents cut to the same count by the same order, learned blocks summed
 * by text (the shards hold different documents).
 */
export function mergeStats(all: BatchStats[]): BatchStats {
  const out = emptyStats('');
  const learned = new Map<string, number>();
  const top: DocumentFigures[] = [];
  for (const s of all) {
    out.partial ||= s.partial;
    out.commands.push(...s.commands);
    out.documents += s.documents;
    out.changed += s.changed;
    out.failed += s.failed;
    out.words += s.words;
    out.removedWords += s.removedWords;
    for (let i = 0; i < BINS; i++) out.histogram[i] += s.histogram[i];
    for (const [rule, f] of Object.entries(s.rules)) {
      const t = (out.rules[rule] ??= { documents: 0, blocks: 0, words: 0 });
      t.documents += f.documents;
      t.blocks += f.blocks;
      t.words += f.words;
    }
    top.push(...s.top);
    for (const l of s.learned) learned.set(l.text, (learned.get(l.text) ?? 0) + l.documents);
    out.warningsTotal += s.warningsTotal;
    out.warnings.push(...s.warnings);
    out.seconds += s.seconds;
  }
  out.seconds = Math.round(out.seconds * 100) / 100;
  out.rules = sortedRules(out.rules);
  out.commands.sort();
  out.warnings = out.warnings.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0)).slice(0, MAX_WARNINGS);
  out.top = keepTop(top);
  out.learned = sortLearned([...learned].map(([text, documents]) => ({ text, documents })));
  return out;
}
