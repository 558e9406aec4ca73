// The ES module build, so that the bundler keeps these nine lists and drops the other 53.
import { deu, eng, fra, ita, nld, pol, por, rus, spa, zho } from 'stopword/dist/stopword.esm.mjs';
import type { Block, WordStats } from '../types.js';
import { unspacedChars } from '../scripts.js';

export type { WordStats } from '../types.js';

const LISTS = [eng, deu, fra, spa, ita, por, nld, pol, rus];

/**
 * How much of plain prose each list covers, relative to English, in LISTS order (measured by
 * bench/stopword-coverage.mjs on fixtures/languages/, one news text per language written for the
 * project). A short list of an inflected language covers far less: Russian prose scored 0.28
 * against English's 0.50, so every paragraph of a Russian article fell below the "good" threshold
 * and whole articles were cut down to their longest paragraph. The model divides a block's
 * stopword share by this, so the thresholds mean the same in each language. Never above 1: a list
 * that covers more than English's makes nothing stricter.
 */
const COVERAGE = [1, 1, 0.85, 0.87, 0.93, 0.87, 0.98, 0.69, 0.55];

/** A block's stopword share in language `lang`, on the English scale the thresholds are set in. */
export const stopwordShare = (w: WordStats, lang: number): number => (w.words ? w.hits[lang] / w.words / COVERAGE[lang] : 0);

/** The lists by ISO 639-3 code, in the order of the model's language indexes. */
export const stopwordLists = (): Record<string, string[]> => ({ eng, deu, fra, spa, ita, por, nld, pol, rus });
let masks: Map<string, number> | undefined;
/** The longest stopword: a longer word is not looked up. */
let maxStopword = 0;

/**
 * Each stopword with a bit for every language whose list holds it: one look-up per word instead
 * of one per language. Built on first use (a run that never models an article never pays).
 */
function stopwordMasks(): Map<string, number> {
  if (masks) return masks;
  masks = new Map();
  LISTS.forEach((list, l) => {
    for (const w of list) {
      const k = w.toLowerCase();
      maxStopword = Math.max(maxStopword, k.length);
      masks!.set(k, (masks!.get(k) ?? 0) | (1 << l));
    }
  });
  return masks;
}

// The same masks in an open-addressing table keyed by a hash of the characters, so that a word
// is looked up where it stands in the block's text: cutting each word out and hashing it as a
// string was most of the model's time on a page. Each slot is two ints side by side, the hash and
// the bits with the word's length above them (0 for an empty slot), so a probe reads one cache
// line; the word itself is compared only when hash and length agree.
const TABLE_BITS = 14;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const LENGTH_SHIFT = 16;
let tableWords: Array<string | undefined> | undefined;
let tableSlots: Int32Array;

function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

function stopwordTable(): Array<string | undefined> {
  if (tableWords) return tableWords;
  const words: Array<string | undefined> = new Array(1 << TABLE_BITS).fill(undefined);
  tableSlots = new Int32Array(2 << TABLE_BITS);
  for (const [w, bits] of stopwordMasks()) {
    const h = hashOf(w, 0, w.length);
    let at = h & TABLE_MASK;
    while (words[at] !== undefined) at = (at + 1) & TABLE_MASK;
    words[at] = w;
    tableSlots[2 * at] = h;
    tableSlots[2 * at + 1] = bits | (w.length << LENGTH_SHIFT);
  }
  return (tableWords = words);
}

/** The language bits of text[from..to) as a stopword, 0 when it is none. */
function stopwordBitsAt(words: Array<string | undefined>, text: string, from: number, to: number): number {
  const h = hashOf(text, from, to);
  const key = (to - from) << LENGTH_SHIFT;
  const slots = tableSlots;
  for (let at = h & TABLE_MASK; ; at = (at + 1) & TABLE_MASK) {
    const entry = slots[2 * at + 1];
    if (entry === 0) return 0;
    if (slots[2 * at] === h && (entry & ~((1 << LENGTH_SHIFT) - 1)) === key && text.startsWith(words[at]!, from)) return entry & ((1 << LENGTH_SHIFT) - 1);
  }
}

// Punctuation and symbols at a word's ends are not part of it; letters, digits and marks of any
// script are (ASCII punctuation and the common quotes and dashes are what scraped text has).
const isWordChar = (c: number) => !((c < 48 && c !== 39) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 191) || (c >= 0x2010 && c <= 0x206f));

const HIRAGANA = /\p{Script=Hiragana}/gu;
// Chinese has no spaces to split words at, but its function words are mostly one character each:
// the single characters of the package's Chinese list (的, 了, 是, 在 ...).
let functionChars: RegExp | undefined;
const functionPattern = () => (functionChars ??= new RegExp(`[${zho.filter((w) => [...w].length === 1).join('')}]`, 'gu'));

/** The words of lower-cased, folded text as wordStats sees them: split at spaces, end punctuation cut. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/\s+/)) {
    let i = 0;
    let j = piece.length;
    while (i < j && !isWordChar(piece.charCodeAt(i))) i++;
    while (j > i && !isWordChar(piece.charCodeAt(j - 1))) j--;
    if (j > i) out.push(piece.slice(i, j));
  }
  return out;
}

const NO_HITS: readonly number[] = Object.freeze(new Array<number>(LISTS.length).fill(0));

// Kept on the block itself: a WeakMap of every block of a page cost more than the counting.
export function wordStats(b: Block): WordStats {
  let s = b.wordStats;
  if (s) return s;
  // Block text is folded (single spaces), so words are what lies between spaces, less the
  // punctuation at their ends; a regex over every block cost more than the rest of the model.
  // Most blocks of a page hold no stopword at all ("Sport", "Login"): they share one array of zeros.
  let hits: number[] | undefined;
  const table = stopwordTable();
  let words = 0;
  let lastFrom = 0;
  let lastTo = 0;
  const text = b.lower;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    let i = start;
    let j = end;
    while (i < j && !isWordChar(text.charCodeAt(i))) i++;
    while (j > i && !isWordChar(text.charCodeAt(j - 1))) j--;
    if (j > i) {
      words++;
      lastFrom = i;
      lastTo = j;
      // A word longer than every stopword is not cut out and looked up.
      if (j - i <= maxStopword) {
        // Only the languages whose lists hold the word: most stopwords are in one or two.
        let rest = stopwordBitsAt(table, text, i, j);
        if (rest !== 0 && hits === undefined) hits = new Array<number>(LISTS.length).fill(0);
        for (; rest !== 0; rest &= rest - 1) hits![31 - Math.clz32(rest & -rest)]++;
      }
    }
    start = end + 1;
  }
  const last = words ? text.slice(lastFrom, lastTo) : undefined;
  const unspaced = unspacedChars(b.text);
  const kana = unspaced ? (b.text.match(HIRAGANA)?.length ?? 0) : 0;
  const fn = unspaced ? (b.text.match(functionPattern())?.length ?? 0) : 0;
  s = { words, hits: hits ?? NO_HITS, last, unspaced, kana, function: fn };
  b.wordStats = s;
  return s;
}

/**
 * The document's language, as an index into the lists: the one that covers most of its words.
 * Undefined when no list covers a twentieth of them, or the text is mostly in a script without
 * spaces (the model then falls back to length and sentence punctuation).
 */
const MAX_BLOCK_WORDS = 200;

export function detectLanguage(stats: WordStats[], chars: number): number | undefined {
  let words = 0;
  let unspaced = 0;
  const hits = new Array<number>(LISTS.length).fill(0);
  for (const s of stats) {
    // One huge block (a drop-down of 3,000 company names) must not outvote the page's sentences.
    const weight = s.words > MAX_BLOCK_WORDS ? MAX_BLOCK_WORDS / s.words : 1;
    words += s.words * weight;
    unspaced += s.unspaced;
    for (let l = 0; l < hits.length; l++) hits[l] += s.hits[l] * weight;
  }
  if (unspaced > 0.3 * chars) return undefined;
  let best = 0;
  for (let l = 1; l < hits.length; l++) if (hits[l] > hits[best]) best = l;
  return words > 0 && hits[best] / words >= 0.05 ? best : undefined;
}

/** Is this lower-cased word a stopword of language `lang`? */
export function isStopword(lang: number, word: string): boolean {
  const table = stopwordTable();
  return word.length <= maxStopword && (stopwordBitsAt(table, word, 0, word.length) & (1 << lang)) !== 0;
}
