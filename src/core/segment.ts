import type { Block } from './types.js';
import { cleanCharacters, decodeAgain, type LineRepair } from './decode.js';
import { repairMojibake, type Repair } from './mojibake.js';
import { leadKeys } from './prefilter.js';
import { unspacedWords } from './scripts.js';

// A line that opens with one of these closes the sentence the previous line left open
// ("provided by " / "Tidewater" / ". Powered by"). Straight quotes count only when they close something:
// a line that starts with `"It's…` opens a new quoted paragraph.
const CLOSING = /^(?:[.,;:)!?\]}%’”]|["'](?=[\s.,;:!?)]|$))/;
const TERMINAL = /[.!?:"”’)\]]$/;
const INDENT = /^(?:\t| {2,})/;
const BLANK = /^\s*$/;

/** Words: runs between spaces, and in scripts without spaces about one for every two and a half characters. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n + unspacedWords(text);
}

/** Words of folded text (single spaces, trimmed): one more than its spaces, and as wordCount. */
function foldedWords(text: string, ascii: boolean): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) n++;
  // Text known to be ASCII holds no script without spaces: no second scan.
  return ascii ? n : n + unspacedWords(text);
}

// Two white space characters in a row, or any kind but the plain space: what needs more than a trim.
// (Written as "any kind but the space, or two spaces": the same strings, and a faster scan.)
const UNFOLDED = /[^\S ]| {2}/;

/**
 * Runs of white space to one space, trimmed. Most lines need nothing, and most of the rest only a
 * trim (a text node ending in a space), so look before rewriting the whole string.
 */
export function fold(text: string): string {
  if (!UNFOLDED.test(text)) return text.trim();
  return text.length > FOLD_CHUNK ? foldLong(text) : text.replace(IRREGULAR, ' ').trim();
}

// Only runs that are not already one plain space: most white space in prose is, and a replace
// costs per match, so /\s+/g (a match at every word) is ten times slower for the same result.
const IRREGULAR = /\s{2,}|[^\S ]/g;

// A regex replace costs a few hundred nanoseconds per match and holds every match until it returns:
// a 50 MB line with a tab between words took 4 s and 1 GB. Long texts are folded by one scan
// that copies the stretches between irregular runs of white space, joined a few thousand at a time.
const FOLD_CHUNK = 1 << 16;

/** The characters /\s/ matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function foldLong(text: string): string {
  const joined: string[] = [];
  let batch: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    if (end - i === 1 && text.charCodeAt(i) === 32) continue;
    batch.push(text.slice(from, i), ' ');
    from = end;
    i = end - 1;
    if (batch.length >= 8192) {
      joined.push(batch.join(''));
      batch = [];
    }
  }
  batch.push(text.slice(from));
  joined.push(batch.join(''));
  return joined.join('').trim();
}

/**
 * Does `line` carry on the paragraph that `prev` belongs to? Inline link texts land on lines of
 * their own, so a line continues its predecessor when the seam between them is open: the
 * previous line ends in white space, or this one starts with white space or closing punctuation.
 * Deep indentation after a finished sentence is the source's formatting of a new element, not a seam.
 */
export function continues(prev: string, line: string): boolean {
  if (/\s$/.test(prev)) return true;
  if (CLOSING.test(line)) return true;
  if (/^\s/.test(line)) return !(INDENT.test(line) && TERMINAL.test(prev));
  return false;
}

/**
 * A block with every field set, always in the same order: the rules read these fields for every
 * block, and objects of one shape keep those reads fast.
 */
export function makeBlock(text: string, parts: string[], first: number, last: number, changed = false, ascii = false): Block {
  return { text, parts, first, last, words: foldedWords(text, ascii), lower: ascii ? text.toLowerCase() : caseFold(text), keys: leadKeys(text), changed, wordStats: undefined };
}

/**
 * Lower case as the rules' Unicode case-insensitive matching sees it: /s/iu matches the long s
 * (ſ), which toLowerCase keeps, so a literal prefilter looking for "cookies" would miss "COOKIEſ".
 * (The Kelvin sign, the other such letter, toLowerCase already makes a k.)
 */
export function caseFold(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/**
 * Rejoin text-node fragments into paragraphs, keeping each paragraph's input line range. `ascii`
 * marks the lines known to be plain ASCII (decodeLines looked): they need no character clean-up.
 */
export function segment(lines: string[], repairs?: LineRepair[], ascii?: Uint8Array): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let first = 0;
  let prev = '';
  let allAscii = true;
  const close = (last: number) => {
    if (parts.length === 0) return;
    const joined = fold(parts.join(''));
    let text = joined;
    // An entity split over two text nodes, or broken by an invisible character that is dropped
    // only now, appears when the parts are joined: decode it here, or a second cleaning would.
    for (let again = decodeAgain(text); again !== undefined; again = decodeAgain(text)) text = fold(cleanCharacters(again));
    // Likewise mojibake split over two text nodes ("caf" / "Ã©"), when the decode step repairs it.
    // (Decoding again may have made ASCII text something else.)
    const plain = allAscii && text === joined;
    if (repairs && parts.length > 1 && !plain) {
      const found: Repair[] = [];
      const fixed = repairMojibake(text, found);
      if (fixed !== text) {
        text = fold(cleanCharacters(fixed));
        for (const r of found) repairs.push({ ...r, line: first });
      }
    }
    if (text) {
      blocks.push(makeBlock(text, parts.length === 1 ? [text] : parts.map(fold).filter(Boolean), first, last, false, plain));
    }
    parts = [];
    allAscii = true;
  };
  for (let i = 0; i < lines.length; i++) {
    const known = ascii !== undefined && ascii[i] === 1;
    const line = known ? lines[i] : cleanCharacters(lines[i]);
    if (BLANK.test(line)) {
      close(i);
      prev = '';
      continue;
    }
    if (parts.length > 0 && !continues(prev, line)) close(i);
    if (parts.length === 0) first = i + 1;
    if (!known) allAscii = false;
    parts.push(line);
    prev = line;
  }
  close(lines.length);
  return blocks;
}
