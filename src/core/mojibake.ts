// Mojibake: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1) somewhere on the way, once
// or more: "donâ€™t", "cafÃ©", "Ã¢â‚¬â„¢". Each such character stands for one byte; a run of them
// that spells a well-formed UTF-8 sequence is put back. Genuine text almost never holds such a run
// (a UTF-8 lead letter like Ã, Â or â directly followed by a character that stands for a
// continuation byte, such as ©, ™ or a C1 control), while "NÃO", "Â" or "×" alone never form one.

// Windows-1252's bytes 0x80-0x9F, as browsers decode them; the five it leaves undefined become C1
// controls. (Written out: Node's TextDecoder reads 'windows-1252' as Latin-1.)
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b), b);
// Text read as Latin-1 instead holds C1 controls for bytes 0x80-0x9F.
for (let b = 0x80; b < 0xa0; b++) if (!BYTE.has(String.fromCharCode(b))) BYTE.set(String.fromCharCode(b), b);

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const charsFor = (lo: number, hi: number) => {
  const out: string[] = [];
  for (const [c, b] of BYTE) if (b >= lo && b <= hi) out.push(escape(c));
  return `[${out.join('')}]`;
};
const CONT = charsFor(0x80, 0xbf);
const LEAD2 = charsFor(0xc2, 0xdf);
const LEAD3 = charsFor(0xe0, 0xef);
const LEAD4 = charsFor(0xf0, 0xf4);
// One or more UTF-8 sequences spelled in single-byte characters, side by side.
const RUN = new RegExp(`(?:${LEAD2}${CONT}|${LEAD3}${CONT}{2}|${LEAD4}${CONT}{3})+`, 'g');
// A cheap look first: any UTF-8 lead letter followed by a continuation character at all.
const MAYBE = new RegExp(`[${LEAD2.slice(1, -1)}${LEAD3.slice(1, -1)}${LEAD4.slice(1, -1)}]${CONT}`);
const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Double mojibake is repaired a layer at a time; three layers is more than text ever carries.
const MAX_LAYERS = 3;

export interface Repair {
  before: string;
  after: string;
}

/** The run's characters as the bytes they stood for, read as UTF-8; undefined if that is not UTF-8. */
function undo(run: string): string | undefined {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) bytes[i] = BYTE.get(run[i])!;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Repair the mojibake in one line; `repairs` gets each run before and after. A layer may leave C1
 * controls that the next layer reads as bytes (double mojibake); a C1 control the repair leaves at
 * the end, that the line did not hold, means a wrong guess, and the line stays as it was.
 */
export function repairMojibake(line: string, repairs: Repair[]): string {
  // Most lines hold no UTF-8 lead letter at all (Â to ô) and nothing that composes: one class settles them.
  if (!LEADS_OR_COMPOSES.test(line)) return line;
  if (!MAYBE.test(line) && !COMPOSES.test(line)) return line;
  // What segmentation does to the line later (compose to NFC, drop zero-width characters) is done
  // first, so that it cannot make a run appear that a second cleaning would then repair.
  let text = line.replace(ZERO_WIDTH, '').normalize('NFC');
  if (!MAYBE.test(text)) return line;
  const made: Repair[] = [];
  for (let layer = 0; layer < MAX_LAYERS && MAYBE.test(text); layer++) {
    let changed = false;
    text = text.replace(RUN, (run) => {
      const fixed = undo(run);
      if (fixed === undefined) return run;
      changed = true;
      made.push({ before: run, after: fixed });
      return fixed;
    });
    if (!changed) break;
  }
  if (made.length === 0) return line;
  if (C1.test(text) && countC1(text) > countC1(line)) return line;
  repairs.push(...made);
  return text;
}

const C1 = /[\u0080-\u009f]/;
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
// Combining marks and zero-width characters: after NFC and their removal, a run may appear.
const COMPOSES = /[\u0300-\u036f\u200B\u2060\uFEFF]/;
const LEADS_OR_COMPOSES = /[\u00c2-\u00f4\u0300-\u036f\u200B\u2060\uFEFF]/;
const countC1 = (s: string) => s.match(/[\u0080-\u009f]/g)?.length ?? 0;
