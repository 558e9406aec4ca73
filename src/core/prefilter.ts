// The runtime half of the rules' prefilters: what a block's keys are and whether a rule's derived
// first characters allow it. Deriving a Lead from a pattern is the rules layer's job (rules/lead.ts).

export interface Lead {
  /** First characters for alternatives anchored as `^x`: checked against the block's first character. */
  plain?: string;
  /** First characters for alternatives anchored as `^\W*x`: checked against the first word character. */
  word?: string;
}

/** A block's keys: character codes (ASCII), -1 where there is none. */
export interface LeadKeys {
  /** The first character. */
  plain: number;
  /** The first word character after ASCII non-word ones. */
  word: number;
}

/** The block's keys for the index: first character, and first word character after ASCII non-word ones. */
export function leadKeys(text: string): LeadKeys {
  const c0 = text.charCodeAt(0);
  const plain = c0 < 128 ? c0 : -1;
  let word = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Non-ASCII: under /iu, ſ and the Kelvin sign are word characters; give no key rather than guess.
    if (c >= 128) break;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      word = c;
      break;
    }
  }
  return { plain, word };
}

/**
 * A lead as a table over the ASCII key codes: bit 1 where a block's first character allows the
 * rule, bit 2 where its first word character does. What leadAllows answers, in one array read per
 * block instead of two string searches.
 */
export function leadMask(lead: Lead, fold: boolean): Uint8Array {
  const mask = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    const key = fold ? ch.toLowerCase() : ch;
    if (lead.plain !== undefined && lead.plain.includes(key)) mask[c] |= 1;
    if (lead.word !== undefined && lead.word.includes(key)) mask[c] |= 2;
  }
  return mask;
}

/** leadAllows, through the rule's mask (see leadMask). */
export function maskAllows(mask: Uint8Array, keys: LeadKeys): boolean {
  if (keys.plain < 0 || keys.word < 0) return true;
  return (mask[keys.plain] & 1) !== 0 || (mask[keys.word] & 2) !== 0;
}

/**
 * Can a rule with this lead match a block with these keys? Unknown keys always can. (What the
 * mask answers, read from the lead's strings: the tests hold the two to each other.)
 */
export function leadAllows(lead: Lead, fold: boolean, keys: LeadKeys): boolean {
  if (keys.plain < 0 || keys.word < 0) return true;
  const key = (c: number) => (fold ? String.fromCharCode(c).toLowerCase() : String.fromCharCode(c));
  if (lead.plain !== undefined && lead.plain.includes(key(keys.plain))) return true;
  if (lead.word !== undefined && lead.word.includes(key(keys.word))) return true;
  return false;
}

/** Text as a regex that matches it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
