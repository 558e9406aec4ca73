import type { AcrossDocuments, Block, RepeatedOptions } from './types.js';
import { fingerprint, keyOf } from './fingerprint.js';
import { isCredit } from './credit.js';
import type { Proposal } from './detect.js';

export const WITHIN_DOCUMENT = 'repeated/within-document';
export const ACROSS_DOCUMENTS = 'repeated/across-documents';
export const TRUNCATED = 'repeated/truncated';

/**
 * Prose is a sentence a reader would miss: enough words, a lower-case letter, and a sentence end.
 * A repeated prose block (a pull quote) keeps its first copy, and so does a headline printed
 * twice at the top; any other repeated block (a credit line, a promo, a legal footer echo)
 * loses every copy.
 */
export function isProse(text: string): boolean {
  return !text.startsWith('(') && /[.!?]["'”’)]?$/.test(text) && spaces(text, 7) && /\p{Ll}/u.test(text);
}

/** Does the text hold at least n spaces (n + 1 words, when folded)? Counted without splitting it. */
function spaces(text: string, n: number): boolean {
  let at = -1;
  for (let k = 0; k < n; k++) if ((at = text.indexOf(' ', at + 1)) < 0) return false;
  return true;
}

// Pages print the headline twice (title and h1) near the top; a person wants one copy kept.
const HEADLINE_ZONE = 5;
function isHeadline(text: string, index: number): boolean {
  if (index >= HEADLINE_ZONE || /[|:]$|\s[|•·]\s/.test(text) || !/\p{Ll}/u.test(text)) return false;
  const words = text.split(' ').length;
  return words >= 3 && words <= 25 && /^["'“‘]?\p{Lu}/u.test(text);
}

function adjacent(at: number[]): boolean {
  for (let k = 1; k < at.length; k++) if (at[k] === at[k - 1] + 1) return true;
  return false;
}

function firstProse(blocks: Block[]): number {
  for (let i = 0; i < blocks.length; i++) if (isProse(blocks[i].text)) return i;
  return blocks.length;
}

/** Propose removing blocks that occur more than once in the same document. */
export function detectRepeats(blocks: Block[], options: RepeatedOptions): Proposal[] {
  const seen = new Map<string, number[]>();
  for (let i = 0; i < blocks.length; i++) {
    const key = keyOf(blocks[i]);
    if (key.length < options.minChars) continue;
    const at = seen.get(key);
    if (at) at.push(i);
    else seen.set(key, [i]);
  }
  const out: Proposal[] = [];
  let lede = -1;
  for (const at of seen.values()) {
    if (at.length < 2) continue;
    const first = blocks[at[0]];
    const where = at.map((i) => `${blocks[i].first}-${blocks[i].last}`).join(', ');
    // Copies one right after the other, under a line that is not prose (the card's headline or a
    // "Caption" label), are a card printed twice (a carousel's or a gallery's summary, as alt text
    // and as caption), not a pull quote; unless the first prose of the document is what repeats (a
    // standfirst that is also the first paragraph). A paragraph of the article doubled in place has
    // the article's prose before it: it keeps a copy.
    const twice = adjacent(at) && at[0] > 0 && !isProse(blocks[at[0] - 1].text) && (lede < 0 ? (lede = firstProse(blocks)) : lede) < at[0];
    const keepFirst = !twice && (isProse(first.text) || isHeadline(first.text, at[0]) || isCredit(first.text));
    for (let k = keepFirst ? 1 : 0; k < at.length; k++) {
      out.push({
        rule: WITHIN_DOCUMENT,
        reason: `occurs ${at.length} times in the document (lines ${where})${k > 0 ? '' : twice ? '; printed twice in a row (a card), so no copy is kept' : '; not prose, so no copy is kept'}`,
        from: at[k],
        to: at[k],
        kind: 'context',
      });
    }
  }
  return out;
}

// A page cuts its teasers and captions at one width and marks the cut with an ellipsis: three or
// more blocks that end so, this long, within this many characters of one length. A writer's own
// lines that trail off ("Here's what I want you to remember …") vary in length; two of them can
// match by chance.
const TRUNCATED_END = /(?:…|\.\.\.)$/;
const TRUNCATED_MIN = 60;
const TRUNCATED_SPREAD = 2;
const TRUNCATED_RUN = 3;

/** Propose removing blocks cut at one width with an ellipsis (teasers, gallery captions). */
export function detectTruncated(blocks: Block[]): Proposal[] {
  const cut: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i].text;
    if (t.length >= TRUNCATED_MIN && TRUNCATED_END.test(t)) cut.push(i);
  }
  if (cut.length < TRUNCATED_RUN) return [];
  cut.sort((a, b) => blocks[a].text.length - blocks[b].text.length);
  const out: Proposal[] = [];
  for (let k = 0; k < cut.length; ) {
    let end = k;
    while (end + 1 < cut.length && blocks[cut[end + 1]].text.length - blocks[cut[k]].text.length <= TRUNCATED_SPREAD) end++;
    if (end - k + 1 >= TRUNCATED_RUN) {
      const width = blocks[cut[k]].text.length;
      for (let m = k; m <= end; m++) {
        out.push({ rule: TRUNCATED, reason: `one of ${end - k + 1} blocks cut at ${width} characters or so with an ellipsis (teasers or captions)`, from: cut[m], to: cut[m], kind: 'context' });
      }
    }
    k = end + 1;
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Propose removing blocks that the batch's counting pass found in many documents of the group. */
export function detectAcross(blocks: Block[], across: AcrossDocuments): Proposal[] {
  const out: Proposal[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.words > across.maxWords) continue;
    const n = across.counts.get(fingerprint(b, across.maskDigits));
    if (n === undefined) continue;
    out.push({
      rule: ACROSS_DOCUMENTS,
      reason: `in ${n} of the ${across.docs} documents of its group (${Math.round((n / across.docs) * 100)}%)`,
      from: i,
      to: i,
      kind: 'context',
    });
  }
  return out;
}
