/**
 * The characters a match of an anchored regex can begin with. Most rules are `^(?:word|word…)` or
 * `^\W*(?:word|…)`: knowing the first letter they need lets a block whose first letter is
 * another skip the rule without running the regex, which is most of what detection costs on the
 * short blocks of a scraped page.
 *
 * Conservative by design: undefined whenever the source holds something this reader does not
 * follow, and only ASCII first characters are ever ruled out (a block that starts with any other
 * character runs every rule, so Unicode case folding cannot make the index wrong).
 */
import type { Lead } from '../core/prefilter.js';
import { matching, PUNCT_ESCAPES, splitTop } from './regex-source.js';


type Chars = Set<string>;
interface First {
  chars: Chars;
  nullable: boolean;
}

const ASCII_WORD = /^[A-Za-z0-9_]$/;
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = UPPER.toLowerCase();
const SPACES = ' \t\n\r\v\f';

export function leadOf(source: string, flags: string): Lead | undefined {
  // m: ^ also matches after a line break; v: classes nest and subtract, beyond this reader.
  if (flags.includes('m') || flags.includes('v')) return undefined;
  const fold = flags.includes('i');
  const alternatives = splitTop(source);
  if (!alternatives) return undefined;
  const plain: Chars = new Set();
  const word: Chars = new Set();
  for (const alt of alternatives) {
    if (!alt.startsWith('^')) return undefined;
    let rest = alt.slice(1);
    let target = plain;
    // \W* and its Unicode-aware spelling, [^\p{L}\p{N}_]*: the same over ASCII, where keys are made
    // (a block that starts with any other character gets no key and runs every rule).
    const skip = /^(?:\\W|\[\^\\p\{L\}\\p\{N\}_\])[*+]\??/.exec(rest);
    if (skip) {
      rest = rest.slice(skip[0].length);
      target = word;
    }
    const first = firstOf(rest, fold);
    if (!first || first.nullable) return undefined;
    for (const c of first.chars) {
      // After \W* a match can begin only with a word character; anything else and \W* might stop early.
      if (target === word && !ASCII_WORD.test(c)) return undefined;
      target.add(fold ? c.toLowerCase() : c);
    }
  }
  const join = (s: Chars) => (s.size ? [...s].sort().join('') : undefined);
  const lead = { plain: join(plain), word: join(word) };
  return lead.plain === undefined && lead.word === undefined ? undefined : lead;
}

/** First characters of a sequence, or undefined when some atom is beyond this reader. */
function firstOf(seq: string, fold: boolean): First | undefined {
  const chars: Chars = new Set();
  let i = 0;
  while (i < seq.length) {
    const atom = readAtom(seq, i, fold);
    if (!atom) return undefined;
    i = atom.next;
    let nullable = atom.first.nullable;
    const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(seq.slice(i));
    if (q) {
      i += q[0].length;
      if (q[0][0] === '?' || q[0][0] === '*' || (q[1] !== undefined && Number(q[1]) === 0)) nullable = true;
    }
    for (const c of atom.first.chars) chars.add(c);
    if (!nullable) return { chars, nullable: false };
  }
  return { chars, nullable: true };
}

function readAtom(s: string, i: number, fold: boolean): { first: First; next: number } | undefined {
  const ch = s[i];
  const none = (next: number) => ({ first: { chars: new Set<string>(), nullable: true }, next });
  const one = (cs: string, next: number) => ({ first: { chars: new Set(cs), nullable: false }, next });
  if (ch === '\\') {
    const e = s[i + 1];
    if (e === undefined) return undefined;
    if (e === 'b' || e === 'B') return none(i + 2);
    if (e === 'd') return one(DIGITS, i + 2);
    // Members beyond ASCII (NBSP, accented capitals) need no listing: a block that starts with one has no key.
    if (e === 's') return one(SPACES, i + 2);
    if (e === 'p') {
      const m = /^\\p\{(L|Lu|Ll|Letter|Uppercase_Letter|Lowercase_Letter)\}/.exec(s.slice(i));
      if (!m) return undefined;
      const cls = m[1];
      const letters = fold || cls === 'L' || cls === 'Letter' ? UPPER + LOWER : cls === 'Lu' || cls === 'Uppercase_Letter' ? UPPER : LOWER;
      return one(letters, i + m[0].length);
    }
    if (PUNCT_ESCAPES.has(e)) return one(e, i + 2);
    return undefined;
  }
  if (ch === '[') return readClass(s, i, fold);
  if (ch === '(') {
    const close = matching(s, i);
    if (close < 0) return undefined;
    if (/^\(\?(?:=|!|<=|<!)/.test(s.slice(i))) return none(close + 1);
    const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(s.slice(i))![0];
    const parts = splitTop(s.slice(i + head.length, close));
    if (!parts) return undefined;
    const chars: Chars = new Set();
    let nullable = false;
    for (const part of parts) {
      const f = firstOf(part, fold);
      if (!f) return undefined;
      for (const c of f.chars) chars.add(c);
      nullable ||= f.nullable;
    }
    return { first: { chars, nullable }, next: close + 1 };
  }
  if (ch === '$' || ch === '^') return none(i + 1);
  if (ch === '.' || ch === ')' || ch === ']' || ch === '|' || ch === '*' || ch === '+' || ch === '?' || ch === '{') return undefined;
  // A cased non-ASCII letter under /i can fold to an ASCII one (ſ → s, K → k): beyond this reader.
  if (ch.charCodeAt(0) >= 128 && fold && ch.toLowerCase() !== ch.toUpperCase()) return undefined;
  const width = ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) < 0xdc00 ? 2 : 1;
  return one(s.slice(i, i + width), i + width);
}

/** A class the index can follow: literal characters, ASCII ranges, \d, \s and escaped punctuation. */
function readClass(s: string, i: number, fold: boolean): { first: First; next: number } | undefined {
  if (s[i + 1] === '^') return undefined;
  const chars: Chars = new Set();
  let j = i + 1;
  while (j < s.length && s[j] !== ']') {
    const c = s[j];
    if (c === '\\') {
      const e = s[j + 1];
      if (e === 'd') for (const d of DIGITS) chars.add(d);
      else if (e === 's') for (const d of SPACES) chars.add(d);
      else if (e !== undefined && PUNCT_ESCAPES.has(e)) chars.add(e);
      else return undefined;
      j += 2;
      continue;
    }
    if (c.charCodeAt(0) >= 128 && fold && c.toLowerCase() !== c.toUpperCase()) return undefined;
    if (s[j + 1] === '-' && s[j + 2] !== undefined && s[j + 2] !== ']') {
      const to = s[j + 2];
      if (c.charCodeAt(0) >= 128 || to.charCodeAt(0) >= 128 || to === '\\') return undefined;
      for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
      j += 3;
      continue;
    }
    chars.add(c);
    j++;
  }
  if (j >= s.length) return undefined;
  // Non-ASCII members never rule a block out (the key of such a block is unknown), so they can stay.
  return { first: { chars, nullable: false }, next: j + 1 };
}
