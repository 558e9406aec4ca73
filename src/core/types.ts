import type { Lead, LeadKeys } from './prefilter.js';

/** What the article model reads of a block's words (hits in the stopword lists of article/stopwords.ts, in their order): made once per block and kept across rounds. */
export interface WordStats {
  words: number;
  /** Stopwords of each language's list. */
  hits: readonly number[];
  /** Its last word, lower-cased. */
  last: string | undefined;
  /** Characters in scripts without spaces between words. */
  unspaced: number;
  /** Of those, Hiragana (Japanese particles and endings) and Chinese function characters (的, 了, 是 ...). */
  kana: number;
  function: number;
}

/** One paragraph as the segmenter built it from the input lines. */
export interface Block {
  /** Folded text: single spaces, trimmed. */
  text: string;
  /** The folded text of each input line that went into the block, in order. */
  parts: string[];
  /** 1-based input line numbers of the first and last line of the block. */
  first: number;
  last: number;
  words: number;
  /** The text lower-cased: the rules' literal prefilter and the repeat key. */
  lower: string;
  /** First character and first word character, for the rules' first-letter index. */
  keys: LeadKeys;
  /** The text changed in the last round (a span was cut), so every rule must look at it again. */
  changed: boolean;
  /** Internal: what the article model read of its words, made on first use and kept across rounds. */
  wordStats: WordStats | undefined;
}

export interface Removal {
  /** Id of the rule that fired, `group/name`. */
  rule: string;
  /** Why, in words a person can check. */
  reason: string;
  /** The text removed (a whole block, or the span inside one). */
  text: string;
  /** 1-based input line range the removed text came from. */
  lines: [number, number];
}

/** A repair of the text (not a removal): mojibake put back. */
export interface TextRepair {
  /** `repair/mojibake`. */
  rule: string;
  before: string;
  after: string;
  lines: [number, number];
}

export interface CleanStats {
  inputChars: number;
  outputChars: number;
  paragraphsKept: number;
  paragraphsRemoved: number;
  entitiesDecoded: number;
  doubleEncodingsRepaired: number;
  /** Runs of UTF-8 read as Windows-1252 or Latin-1 that were put back. */
  mojibakeRepaired: number;
  /** Share of the article's words (after decoding) that cleaning removed, 0..1. */
  removedShare: number;
}

export interface CleanResult {
  text: string;
  paragraphs: string[];
  /** The 1-based input lines each paragraph came from, in the order of `paragraphs` (not in the JSON output). */
  paragraphLines: Array<[number, number]>;
  removed: Removal[];
  /** Text put back, not removed: mojibake repairs, each with before and after. */
  repairs: TextRepair[];
  /** What a rule proposed and the context kept (a credit line), with why. */
  overruled: Removal[];
  stats: CleanStats;
  warnings: string[];
}

export type Scope = 'block' | 'line';
export type Action = 'remove-block' | 'remove-match' | 'remove-following' | 'remove-range' | 'remove-section';

/**
 * A compiled pattern: a RegExp (built-in presets, literal rules) or anything that behaves like
 * one for these members (users' regex rules run by RE2, see rules/re2.ts).
 */
export interface Pattern {
  readonly source: string;
  readonly flags: string;
  readonly ignoreCase: boolean;
  lastIndex: number;
  exec(text: string): { 0: string; index: number } | null;
  test(text: string): boolean;
}

/** A rule ready to run: patterns compiled once, defaults filled in. */
export interface CompiledRule {
  id: string;
  description: string;
  preset?: string;
  scope: Scope;
  action: Action;
  count: number;
  maxWords: number;
  /** remove-match: blocks with more words than this are not searched. */
  maxBlockWords?: number;
  minRun: number;
  /** The block is the label of a list of other stories (see core/article/edges.ts). */
  label: boolean;
  position?: { from: 'start' | 'end'; within: number };
  test: Pattern;
  /** `test` with the g flag, for remove-match. */
  all: Pattern;
  end?: Pattern;
  confirm?: Pattern;
  minConfirm: number;
  /**
   * Lower-case literals of which every match holds one (derived from the pattern). A block that
   * holds none is skipped without running the regex; undefined means the rule runs everywhere.
   */
  needles?: string[];
  /**
   * The first characters a match can begin with (derived from an anchored pattern, block scope
   * only). A block that begins with another ASCII character is skipped without running the regex.
   */
  lead?: Lead;
  /** `lead` as a table over ASCII key codes (see core/prefilter.ts leadMask). */
  leadMask?: Uint8Array;
}

export interface RepeatedOptions {
  /** Blocks shorter than this (characters, after folding) never count as repeats. */
  minChars: number;
}

/** The article model (core/article): when it runs, and its thresholds (jusText's, measured here). */
export interface ArticleOptions {
  /** `auto`: only where the input looks like a page (many short or link-like lines); `on`: always; `off`: never. */
  extract: 'auto' | 'on' | 'off';
  /** Blocks shorter than this (characters) are `short`. */
  lengthLow: number;
  /** A stopword-rich block longer than this is `good`. */
  lengthHigh: number;
  stopwordsLow: number;
  stopwordsHigh: number;
  /** A block with more of its characters in lone short text nodes (links) than this is `bad`. */
  maxLinkDensity: number;
  /** Blocks of other classes allowed between two good ones inside one region. */
  maxGap: number;
  /** A region lighter than this share of the heaviest one is not article. */
  minRegionShare: number;
  /** auto: at least this many blocks, and at least this share of them short lines without a sentence end. */
  minBlocks: number;
  minShortShare: number;
}

export const DEFAULT_ARTICLE: ArticleOptions = {
  extract: 'auto',
  lengthLow: 70,
  lengthHigh: 200,
  stopwordsLow: 0.2,
  stopwordsHigh: 0.32,
  maxLinkDensity: 0.7,
  maxGap: 3,
  minRegionShare: 0.3,
  minBlocks: 40,
  minShortShare: 0.4,
};

export interface GuardOptions {
  /** Warn when cleaning removes more than this share of a document's words. */
  maxRemovedShare: number;
}

/**
 * Blocks known to repeat across the documents of a batch group (found by a counting pass over the
 * whole group), with the number of documents each is in.
 */
export interface AcrossDocuments {
  /** fingerprint → number of documents of the group that hold it. */
  counts: Map<string, number>;
  /** Documents in the group. */
  docs: number;
  maskDigits: boolean;
  maxWords: number;
}

/** What `clean` needs: compiled rules and thresholds. Build it with `compileConfig`. */
export interface CleanOptions {
  rules: CompiledRule[];
  repeated: RepeatedOptions & { enabled: boolean };
  guard: GuardOptions;
  /** Text repairs; mojibake repair is on when absent. */
  repair?: { mojibake: boolean };
  /** The article model; DEFAULT_ARTICLE when absent. */
  article?: ArticleOptions;
  across?: AcrossDocuments;
}
