// Which context-free rules may match a block, read from tables once per block instead of each
// rule visiting every block, where most visits were settled by a word limit, a first letter or a
// missing literal. Here those three tests are masks over the rules (one word of bits per 32
// rules): the block's word count, its first characters and the literals the round's scan found
// pick a row each, and only the rules left in all three run (detect on the dev pages 115 -> 107 ms).
import type { Block, CompiledRule } from '../types.js';
import { scanNeedles, type NeedleIndex } from './needle-index.js';
import { blockLimit, type Round } from './common.js';

export interface Dispatch {
  /** The context-free rules, in config order, with their place in the full rule list. */
  rules: CompiledRule[];
  rank: Int32Array;
  /** Words of bits per mask: ceil(rules / 32). */
  width: number;
  /** Row w: the rules a block of w words is within the limit of; past the last row, lastRow. */
  byWords: Int32Array;
  wordRows: number;
  /** Rules whose limit is on what they match, not on the block (remove-match): never cut by words. */
  lastRow: Int32Array;
  /** Row c: the rules a first character c allows (rules without a lead in every row); byWordKey for the first word character. */
  byPlain: Int32Array;
  byWordKey: Int32Array;
  /** Every rule: for blocks whose keys are unknown (non-ASCII first letters). */
  all: Int32Array;
  /** Rules that need a literal the round's scan finds; the others pass that test. */
  needy: Int32Array;
  /** A scan's mask (the needle index's bits) to rules here, a byte at a time: row byte*256 + value. */
  fromNeedles: Int32Array;
  /** Each rule's bit in the needle index, 0 for none (Round.bit while it runs). */
  bits: Int32Array;
}

// Word limits past this are read from a scan of the limits, not a table row per word count.
const MAX_WORD_ROWS = 1024;

const cache = new WeakMap<CompiledRule[], Dispatch>();

/** The dispatch tables of a rule list's context-free rules (built once per list). */
export function dispatchOf(rules: CompiledRule[], free: (r: CompiledRule) => boolean, index: NeedleIndex | undefined): Dispatch {
  let d = cache.get(rules);
  if (!d) {
    d = build(rules, free, index);
    cache.set(rules, d);
  }
  return d;
}

const limitsBlock = (r: CompiledRule) => blockLimit(r) !== undefined;

function build(all: CompiledRule[], free: (r: CompiledRule) => boolean, index: NeedleIndex | undefined): Dispatch {
  const rules: CompiledRule[] = [];
  const ranks: number[] = [];
  all.forEach((r, k) => {
    if (free(r)) {
      rules.push(r);
      ranks.push(k);
    }
  });
  const width = Math.max(1, Math.ceil(rules.length / 32));
  const set = (m: Int32Array, row: number, j: number) => (m[row * width + (j >>> 5)] |= 1 << (j & 31));
  let top = 0;
  for (const r of rules) if (limitsBlock(r)) top = Math.max(top, blockLimit(r)!);
  const wordRows = Math.min(top, MAX_WORD_ROWS) + 1;
  const byWords = new Int32Array(wordRows * width);
  const lastRow = new Int32Array(width);
  const byPlain = new Int32Array(128 * width);
  const byWordKey = new Int32Array(128 * width);
  const everyRule = new Int32Array(width);
  const needy = new Int32Array(width);
  const fromNeedles = new Int32Array(4 * 256 * width);
  rules.forEach((r, j) => {
    set(everyRule, 0, j);
    for (let w = 0; w < wordRows; w++) if (!limitsBlock(r) || w <= blockLimit(r)!) set(byWords, w, j);
    if (!limitsBlock(r)) set(lastRow, 0, j);
    for (let c = 0; c < 128; c++) {
      if (!r.leadMask || (r.leadMask[c] & 1) !== 0) set(byPlain, c, j);
      if (r.leadMask && (r.leadMask[c] & 2) !== 0) set(byWordKey, c, j);
    }
    const bit = index?.bits.get(r);
    if (bit !== undefined) {
      set(needy, 0, j);
      const b = 31 - Math.clz32(bit);
      const byte = b >>> 3;
      for (let v = 0; v < 256; v++) if ((v >>> (b & 7)) & 1) set(fromNeedles, byte * 256 + v, j);
    }
  });
  return { rules, rank: Int32Array.from(ranks), width, byWords, wordRows, lastRow, byPlain, byWordKey, all: everyRule, needy, fromNeedles, bits: Int32Array.from(rules, (r) => index?.bits.get(r) ?? 0) };
}

/**
 * The rules that may match block i, as a mask in `into`: within their word limit, allowed by its
 * first characters (keys of -1 allow every rule), and, for rules that need a literal, holding one
 * (the round's scan of the block is made only when some such rule is left). False when none may.
 */
export function candidates(d: Dispatch, block: Block, i: number, round: Round, into: Int32Array): boolean {
  const { width } = d;
  const words = block.words;
  const { plain, word } = block.keys;
  let any = 0;
  let needs = 0;
  for (let k = 0; k < width; k++) {
    let m = d.all[k];
    m &= words < d.wordRows ? d.byWords[words * width + k] : wordsPast(d, words, k);
    if (plain >= 0 && word >= 0) m &= d.byPlain[plain * width + k] | d.byWordKey[word * width + k];
    into[k] = m;
    any |= m;
    needs |= m & d.needy[k];
  }
  if (any === 0) return false;
  if (needs === 0) return true;
  let found = round.needles[i];
  if (found === -1) found = round.needles[i] = scanNeedles(round.index!, block.lower);
  // Rules that need a literal keep their bit only where the scan found one of theirs.
  const t = d.fromNeedles;
  const b0 = (found & 255) * width;
  const b1 = (256 + ((found >>> 8) & 255)) * width;
  const b2 = (512 + ((found >>> 16) & 255)) * width;
  const b3 = (768 + (found >>> 24)) * width;
  any = 0;
  for (let k = 0; k < width; k++) {
    into[k] &= ~d.needy[k] | t[b0 + k] | t[b1 + k] | t[b2 + k] | t[b3 + k];
    any |= into[k];
  }
  return any !== 0;
}

/** The mask of rules a block of `words` words (past the table) is within the limit of. */
function wordsPast(d: Dispatch, words: number, k: number): number {
  let m = d.lastRow[k];
  for (let j = k * 32; j < Math.min(d.rules.length, k * 32 + 32); j++) {
    const r = d.rules[j];
    if (limitsBlock(r) && words <= blockLimit(r)!) m |= 1 << (j & 31);
  }
  return m;
}
