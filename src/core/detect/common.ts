import type { Block, CompiledRule } from '../types.js';
import { maskAllows } from '../prefilter.js';
import { needleIndex, scanNeedles, type NeedleIndex } from './needle-index.js';

/** A removal a rule proposes: blocks `from..to` whole, or a span inside block `from`. */
export interface Proposal {
  rule: string;
  reason: string;
  from: number;
  to: number;
  span?: { start: number; end: number };
  /**
   * `wording`: the block says something boilerplate says (strong evidence, removes anywhere).
   * `context`: its shape or its repetition looks like boilerplate (runs of short lines, repeats),
   * which content can share: the decide step may overrule these (a credit line).
   */
  kind?: 'wording' | 'context';
  /** Made by a rule whose block is the label of a list of other stories (`label: true`). */
  label?: boolean;
}

export const quote = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 57) + '…' : s);

export function inPosition(rule: CompiledRule, i: number, n: number): boolean {
  if (!rule.position) return true;
  const { from, within } = rule.position;
  return from === 'start' ? i < within : n - 1 - i < within;
}

/** Can the rule match this block at all? Cheap tests (first letter, substrings) before any regex runs. */
export function mayMatch(rule: CompiledRule, block: Block): boolean {
  return mayMatchAt(rule, block, 0, undefined);
}

/**
 * What one detection round knows beyond each rule: blocks a whole-block proposal already took
 * (a later rule's proposal for them can never be the one recorded, see apply), and which rules'
 * literals each block holds (one scan of the block for all rules, made when a rule first asks).
 */
export interface Round {
  /** Per block, 1 + the config place of the first rule that took it whole; 0 while none has. */
  claimed: Int32Array;
  /** The config place of the rule now running. */
  rank: number;
  index: NeedleIndex | undefined;
  /** Per block, the bits of the rules whose literals it holds; -1 until scanned. */
  needles: Int32Array;
  /** The bit of the rule now running, 0 when the index does not hold it. */
  bit: number;
}

export function newRound(n: number, rules: CompiledRule[]): Round {
  return { claimed: new Int32Array(n), rank: 0, index: needleIndex(rules), needles: new Int32Array(n).fill(-1), bit: 0 };
}

/** mayMatch for block i of a round: its literals come from the round's one scan of the block when the index holds the rule. */
export function mayMatchAt(rule: CompiledRule, block: Block, i: number, round: Round | undefined): boolean {
  if (rule.leadMask && !maskAllows(rule.leadMask, block.keys)) return false;
  if (round && round.bit !== 0) {
    let mask = round.needles[i];
    if (mask === -1) mask = round.needles[i] = scanNeedles(round.index!, block.lower);
    return (mask & round.bit) !== 0;
  }
  const needles = rule.needles;
  if (!needles) return true;
  const lower = block.lower;
  for (let k = 0; k < needles.length; k++) if (lower.includes(needles[k])) return true;
  return false;
}

/** The text the rule's pattern matched in a block, or undefined. */
export function matchIn(rule: CompiledRule, block: Block, i: number, round: Round | undefined): string | undefined {
  if (!mayMatchAt(rule, block, i, round)) return undefined;
  if (rule.scope === 'line') {
    for (const part of block.parts) {
      const m = rule.test.exec(part);
      if (m) return m[0];
    }
    return undefined;
  }
  const m = rule.test.exec(block.text);
  return m ? m[0] : undefined;
}

/** What the rule matched in block i, if the block is within its word limit and position window. */
export function hitAt(rule: CompiledRule, blocks: Block[], i: number, round: Round | undefined): string | undefined {
  const b = blocks[i];
  return b.words <= rule.maxWords && inPosition(rule, i, blocks.length) ? matchIn(rule, b, i, round) : undefined;
}

/** Blocks from..to are taken whole by the running rule (a rule earlier in the config may have taken them first). */
export function claim(round: Round | undefined, from: number, to: number): void {
  if (!round) return;
  const by = round.rank + 1;
  for (let i = from; i <= to; i++) if (round.claimed[i] === 0 || round.claimed[i] > by) round.claimed[i] = by;
}

/**
 * The most words a block may have for the rule to look at it: a whole-block rule's guard, or a span
 * rule's own limit on the blocks it searches (undefined: no limit).
 */
export const blockLimit = (r: CompiledRule): number | undefined => (r.action === 'remove-block' ? r.maxWords : r.action === 'remove-match' ? r.maxBlockWords : undefined);

/** Did a rule before the running one take block i whole? */
export const claimedBefore = (round: Round | undefined, i: number): boolean => round !== undefined && round.claimed[i] !== 0 && round.claimed[i] <= round.rank;

/**
 * Does the rule's answer for a block depend only on that block? Then, once a round has run, it
 * can change only where the block's text changed.
 */
export function contextFree(rule: CompiledRule): boolean {
  return !rule.position && rule.minRun <= 1 && (rule.action === 'remove-block' || rule.action === 'remove-match');
}

