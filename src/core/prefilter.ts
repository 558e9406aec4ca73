// The runtime half of the rules' prefilters: what a block's keys are and whether a rule's derived
// first characters allow it. Deriving a Lead from a pattern is the rules layer's job (rules/lead.ts).

export interface Lead {
  /** First characters for alternatives anchored as `^x`: checked against the block's first character. */
  plain?: string;
  /** First characters for alternatives anchored as `^\W*x`: checked against the first word character. */
  word?: string;
}

export interface LeadKeys {
  plain: string | undefined;
  word: string | undefined;
  /** The same lower-cased, made once per block rather than once per rule. */
  plainFolded: string | undefined;
  wordFolded: string | undefined;
  /** Their character codes (ASCII), -1 when there is none: what a rule's lead mask is read with. */
  plainCode: number;
  wordCode: number;
}

/** The block's keys for the index: first character, and first word character after ASCII non-word ones. */
export function leadKeys(text: string): LeadKeys {
  const c0 = text.charCodeAt(0);
  const plain = c0 < 128 ? text[0] : undefined;
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Non-ASCII: under /iu, ſ and the Kelvin sign are word characters; give no key rather than guess.
    if (c >= 128) break;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      word = text[i];
      break;
    }
  }
  return { plain, word, plainFolded: plain?.toLowerCase(), wordFolded: word?.toLowerCase(), plainCode: plain === undefined ? -1 : c0, wordCode: word === undefined ? -1 : word.charCodeAt(0) };
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
  if (keys.plainCode < 0 || keys.wordCode < 0) return true;
  return (mask[keys.plainCode] & 1) !== 0 || (mask[keys.wordCode] & 2) !== 0;
}

/** Can a rule with this lead match a block with these keys? Unknown keys always can. */
export function leadAllows(lead: Lead, fold: boolean, keys: LeadKeys): boolean {
  if (keys.plain === undefined || keys.word === undefined) return true;
  if (lead.plain !== undefined && lead.plain.includes(fold ? keys.plainFolded! : keys.plain)) return true;
  if (lead.word !== undefined && lead.word.includes(fold ? keys.wordFolded! : keys.word)) return true;
  return false;
}


/** Text as a regex that matches it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
