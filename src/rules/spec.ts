// The formats a user writes: a rule, its examples, a config. The core never sees these; the rules
// layer compiles them into the core's CompiledRule and CleanOptions.
import type { Action, ArticleOptions, CompiledRule, Scope } from '../core/types.js';

export type MatchKind = 'phrase' | 'exact' | 'prefix' | 'suffix' | 'regex';

/** A rule as a user writes it in a config or a preset file. */
export interface RuleSpec {
  id: string;
  description?: string;
  match: MatchKind;
  pattern: string | string[];
  flags?: string;
  scope?: Scope;
  action?: Action;
  /** remove-following: how many blocks after the matching one go too. */
  count?: number;
  /** remove-range: the pattern (same match kind) that closes the range. */
  end?: string | string[];
  /** remove-section: blocks (same match kind) that must follow the heading for the section to go. */
  confirm?: string | string[];
  /** remove-section: how many confirming blocks are needed (default 2). */
  minConfirm?: number;
  position?: { from: 'start' | 'end'; within: number };
  /** The guard: a block (or match) with more words than this is never removed by the rule. */
  maxWords?: number;
  /** remove-match: never search a block with more words than this (a span rule kept out of long paragraphs). */
  maxBlockWords?: number;
  /** Fire only where at least this many consecutive blocks match (share-button runs). */
  minRun?: number;
  /**
   * remove-block, remove-following: the block is the label of a list of other stories ("Most
   * Popular"); after an article container's last prose, everything from it to the end goes.
   */
  label?: boolean;
  examples?: RuleExample[];
}

export interface RuleExample {
  input: string;
  removed?: boolean;
  output?: string;
}

/** A compiled rule with the spec it came from (its examples, its description as written). */
export interface RuleOf extends CompiledRule {
  spec: RuleSpec;
}

/** A config as a user writes it (`.clean-article.json`, `.yaml`, a package.json key, or the API). */
export interface Config {
  $schema?: string;
  /** Presets and (in config files) relative paths to other configs, applied in order. Default: recommended. */
  extends?: string | string[];
  rules?: RuleSpec[];
  /** Rule ids to switch off, from presets or from `rules`. */
  disable?: string[];
  repeated?: { enabled?: boolean; minChars?: number; minDocs?: number; minShare?: number; maxWords?: number; maskDigits?: boolean };
  guard?: { maxRemovedShare?: number };
  /** Text repairs: mojibake (on by default). */
  repair?: { mojibake?: boolean };
  /** The article model (core/article): when it runs and its thresholds. */
  article?: Partial<ArticleOptions>;
}

export const DEFAULT_CONFIG: Config = { extends: ['recommended'] };

