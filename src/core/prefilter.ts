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
  return { plain, word, plainFolded: plain?.toLowerCase(), wordFolded: word?.toLowerCase() };
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
