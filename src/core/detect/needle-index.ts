// Which rules' literals a block holds, found in one scan of its lower-cased text: an Aho–Corasick
// automaton over all the rules' needles, as a dense table. One regex alternation of every needle
// answered only "any of them?" at several nanoseconds a character, and each rule then looked for its
// own needles again with includes; a table step is one array read a character.
import type { CompiledRule } from '../types.js';

// Bits 0..29 of an int name rules; a block's mask is -1 in a round until it is scanned.
const MAX_RULES = 30;

export interface NeedleIndex {
  /** The bit of each rule that has one (rules past MAX_RULES keep their own includes check). */
  bits: Map<CompiledRule, number>;
  /** Character code to column; 0 for characters in no needle. */
  column: Uint16Array;
  columns: number;
  /** next[state * columns + column]: the automaton's move, failure links folded in. */
  next: Int32Array;
  /** The rules whose needles end at each state (through its failure links). */
  out: Int32Array;
}

const indexOf = new WeakMap<CompiledRule[], NeedleIndex | undefined>();

/** The index of a rule list, built once per list. undefined when no rule has needles. */
export function needleIndex(rules: CompiledRule[]): NeedleIndex | undefined {
  if (indexOf.has(rules)) return indexOf.get(rules);
  const index = build(rules);
  indexOf.set(rules, index);
  return index;
}

function build(rules: CompiledRule[]): NeedleIndex | undefined {
  const bits = new Map<CompiledRule, number>();
  for (const r of rules) if (r.needles && r.needles.length > 0 && bits.size < MAX_RULES) bits.set(r, 1 << bits.size);
  if (bits.size === 0) return undefined;
  const column = new Uint16Array(65536);
  let columns = 1;
  for (const r of bits.keys()) {
    for (const needle of r.needles!) {
      for (let i = 0; i < needle.length; i++) {
        const c = needle.charCodeAt(i);
        if (column[c] === 0) column[c] = columns++;
      }
    }
  }
  // The trie, as a growable table of moves (0 = none; state 0 is the root).
  let size = 1;
  let goto = new Int32Array(16 * columns);
  let out = new Int32Array(16);
  for (const [r, bit] of bits) {
    for (const needle of r.needles!) {
      let s = 0;
      for (let i = 0; i < needle.length; i++) {
        const col = column[needle.charCodeAt(i)];
        let t = goto[s * columns + col];
        if (t === 0) {
          if (size * columns >= goto.length) {
            const grown = new Int32Array(goto.length * 2);
            grown.set(goto);
            goto = grown;
            const grownOut = new Int32Array(out.length * 2);
            grownOut.set(out);
            out = grownOut;
          }
          t = size++;
          goto[s * columns + col] = t;
        }
        s = t;
      }
      out[s] |= bit;
    }
  }
  // Breadth first: each state's failure link, its outputs merged, its missing moves taken from it.
  const next = new Int32Array(size * columns);
  const fail = new Int32Array(size);
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  for (let col = 1; col < columns; col++) {
    const t = goto[col];
    next[col] = t;
    if (t !== 0) queue[tail++] = t;
  }
  while (head < tail) {
    const s = queue[head++];
    out[s] |= out[fail[s]];
    for (let col = 1; col < columns; col++) {
      const t = goto[s * columns + col];
      if (t !== 0) {
        fail[t] = next[fail[s] * columns + col];
        next[s * columns + col] = t;
        queue[tail++] = t;
      } else {
        next[s * columns + col] = next[fail[s] * columns + col];
      }
    }
  }
  return { bits, column, columns, next, out: out.slice(0, size) };
}

/** The bits of the rules whose needles `lower` holds. */
export function scanNeedles(index: NeedleIndex, lower: string): number {
  const { column, columns, next, out } = index;
  let s = 0;
  let mask = 0;
  for (let i = 0; i < lower.length; i++) {
    s = next[s * columns + column[lower.charCodeAt(i)]];
    mask |= out[s];
  }
  return mask;
}
