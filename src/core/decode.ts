import he from 'he';
import { repairMojibake, type Repair } from './mojibake.js';

/** A double encoding: `&amp;` followed by what is itself an entity. */
const DOUBLE = /&amp;(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** What a scraper leaves: decimal, hex and named references (named ones may lack the `;`). */
const ENTITY = /&(?:#\d+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{1,31};?)/g;
// `&amp;lt;` and friends are how an article about HTML shows markup, so these are repaired only
// in a document that shows double encoding of an unambiguous kind elsewhere.
const AMBIGUOUS = new Set(['lt', 'gt', 'amp', 'quot']);
// NBSP and the other fixed-width spaces read as plain spaces; ZWSP, word joiner, a stray BOM and
// the soft hyphen are invisible and split words for every tokenizer. ZWJ/ZWNJ stay: they carry
// meaning in emoji sequences and in Persian and Indic scripts.
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;
const SPACE_OR_INVISIBLE = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\u2060\uFEFF\u00AD]/;

export interface DecodeCounts {
  entitiesDecoded: number;
  doubleEncodingsRepaired: number;
}

/** A mojibake run put back, with the 1-based input line it was on. */
export interface LineRepair extends Repair {
  line: number;
}

/**
 * Decode entities line by line (only lines holding `&`), repairing double encodings, then (with
 * `mojibake`) UTF-8 that was read as Windows-1252 or Latin-1.
 */
export function decodeLines(lines: string[], mojibake = true, mayHoldAmp = true): { lines: string[]; counts: DecodeCounts; repairs: LineRepair[]; ascii: Uint8Array } {
  const counts: DecodeCounts = { entitiesDecoded: 0, doubleEncodingsRepaired: 0 };
  const repairs: LineRepair[] = [];
  const found: Repair[] = [];
  let repairAmbiguous = false;
  // (The caller may know that no line holds "&amp;": then there is no double encoding to look at.)
  for (const line of mayHoldAmp ? lines : []) {
    if (!line.includes('&amp;')) continue;
    DOUBLE.lastIndex = 0;
    for (let m = DOUBLE.exec(line); m; m = DOUBLE.exec(line)) {
      if (!AMBIGUOUS.has(m[1].toLowerCase())) {
        repairAmbiguous = true;
        break;
      }
    }
    if (repairAmbiguous) break;
  }
  const out = new Array<string>(lines.length);
  // Most lines are plain ASCII once decoded: nothing after this (mojibake, spacing characters, the
  // long s) can apply to them, so one look here spares the later looks.
  const ascii = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.includes('&')) {
      if (line.includes('&amp;')) {
        line = line.replace(DOUBLE, (whole, inner: string) => {
          if (!repairAmbiguous && AMBIGUOUS.has(inner.toLowerCase())) return whole;
          const single = `&${inner};`;
          if (he.decode(single) === single) return whole;
          counts.doubleEncodingsRepaired++;
          return single;
        });
      }
      let decoded = decodeCounting(line);
      counts.entitiesDecoded += decoded.count;
      line = decoded.text;
      // What one decode leaves that decodes again (`&amp;amp;#39;`, `&amp&amp`) is decoded to a
      // fixed point, so that the output holds nothing a second cleaning would decode.
      while (line.includes('&') && (decoded = decodeCounting(line)).count > 0) {
        counts.doubleEncodingsRepaired += decoded.count;
        line = decoded.text;
      }
      if (line.includes(';')) line = repairAbbreviations(line);
    }
    if (!NON_ASCII.test(line)) ascii[i] = 1;
    else if (mojibake && line.length > 1) {
      line = repairMojibake(line, found);
      for (const r of found) repairs.push({ ...r, line: i + 1 });
      found.length = 0;
    }
    out[i] = line;
  }
  return { lines: out, counts, repairs, ascii };
}

// "AT&T;", "Texas A&M;", "R&D;": a serializer that took the ampersand in an abbreviation for the
// start of an entity closed it with a semicolon. No such entity exists, so nothing decodes it and
// the semicolon stays glued to the word; it goes (with any more after it, so that a second cleaning
// finds nothing to do), where a capital or digit is right before the
// ampersand and the "name" is a short capitalised word that is no entity.
const ABBREVIATION = /(?<=[A-Z0-9])&([A-Z][A-Za-z]{0,3});+/g;

function repairAbbreviations(line: string): string {
  return line.replace(ABBREVIATION, (whole, name: string) => (he.decode(whole) === whole ? `&${name}` : whole));
}

/**
 * The line decoded, and how many references in it decoded to something else: one pass, each
 * reference decoded where it is found. (It equals he.decode of the whole line: checked on every
 * line of the dev corpus and on 200,000 generated strings of entity fragments.)
 */
function decodeCounting(line: string): { text: string; count: number } {
  let count = 0;
  const text = line.replace(ENTITY, (ref) => {
    const d = he.decode(ref);
    if (d !== ref) count++;
    return d;
  });
  return { text, count };
}

/** The text decoded once more, or undefined when that changes nothing. */
export function decodeAgain(text: string): string | undefined {
  if (!text.includes('&')) return undefined;
  const next = he.decode(text);
  return next === text ? undefined : next;
}

/** Map spacing characters to a space and drop invisible ones; NFC-normalise. */
export function cleanCharacters(line: string): string {
  let s = line;
  if (NON_ASCII.test(s)) {
    // Curly quotes and dashes are most of what is not ASCII; spaces and invisibles are rarer.
    if (SPACE_OR_INVISIBLE.test(s)) s = s.replace(SPACES, ' ').replace(INVISIBLE, '');
    s = s.normalize('NFC');
  }
  return s;
}
