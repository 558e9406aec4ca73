// Lists and tables inside the article: a gap of short items between two stretches of the article
// region (a stats table, a spec list) belongs to the article, and shape rules do not take it.
import type { ArticleOptions, Block } from '../types.js';
import { COLON_END, SENTENCE_END, type BlockFeatures } from './classify.js';
import { unspacedChars } from '../scripts.js';

const MAX_LIST = 60;
const MAX_LINKED_ITEMS = 0.2;
const MIN_FIGURE_ITEMS = 0.3;

// A Chinese or Japanese sentence that introduces a list ("施工期间的安排如下："): longer than a
// label ("热门文章：") in a script without capitals.
const UNSPACED_INTRO = 8;

/**
 * A list introduced by its own sentence ("The band will play these venues:"): a colon at the end of
 * at most 30 words, two or more of them lower-case, not a label ("Most Popular:", "More from Fox News:").
 */
export function introduces(b: Block): boolean {
  if (!COLON_END.test(b.text) || b.words > 30) return false;
  if (unspacedChars(b.text) >= UNSPACED_INTRO) return true;
  let lower = 0;
  for (const w of b.text.split(' ')) if (/^\p{Ll}/u.test(w)) lower++;
  return lower >= 2;
}

/** What isListGap reads of a block's features. */
export type ListItem = Pick<BlockFeatures, 'words' | 'links'>;

/**
 * A table or list between two stretches of the article (a score table, a roster, a spec list
 * between paragraphs) is part of it: every block of the gap from..to is a short item, few of them
 * with link pieces, at least a few with figures, none taken by wording, and there are at most
 * MAX_LIST of them. A teaser rail is longer, made of link pieces or of title-case headlines.
 */
export function isListGap(blocks: Block[], f: ListItem[], excluded: ArrayLike<unknown>, from: number, to: number, o: ArticleOptions): boolean {
  let items = 0;
  let linked = 0;
  let headlines = 0;
  let figures = 0;
  for (let k = from; k <= to; k++) {
    // Boilerplate that wording found in the gap (an "Advertisement", a footer link) says it is chrome.
    if (excluded[k]) return false;
    items++;
    if (items > MAX_LIST || f[k].words > 40) return false;
    if (f[k].links > o.maxLinkDensity) linked++;
    if (isTitleCaseHeadline(blocks[k].text, f[k].words)) headlines++;
    if (/\d/.test(blocks[k].text)) figures++;
  }
  // A table cell glued from two nodes ("Plays" and "%") reads as link text now and then.
  return items > 0 && linked <= MAX_LINKED_ITEMS * items && headlines < 0.5 * items && figures >= MIN_FIGURE_ITEMS * items;
}

/** Marks the gap from..to as a list of the article, with the cells of the same table on either side that are already inside. */
function takeList(blocks: Block[], f: BlockFeatures[], excluded: ArrayLike<unknown>, inside: Uint8Array, lists: Set<number>, from: number, to: number): void {
  for (let k = from; k <= to; k++) {
    inside[k] = 1;
    lists.add(k);
  }
  for (let k = from - 1; k >= 0 && inside[k] && !excluded[k] && isCell(blocks[k], f[k]); k--) lists.add(k);
  for (let k = to + 1; k < blocks.length && inside[k] && !excluded[k] && isCell(blocks[k], f[k]); k++) lists.add(k);
}

/** Lists between two stretches of the article that the region steps left out (see isListGap). */
export function keepListsBetween(blocks: Block[], f: BlockFeatures[], excluded: ArrayLike<unknown>, inside: Uint8Array, titles: number[], lists: Set<number>, o: ArticleOptions): void {
  const n = blocks.length;
  let last = -1;
  for (let i = 0; i < n; i++) {
    // A title is not article text on either side of a list: the byline and dates after it are not one.
    if (excluded[i] || !inside[i] || titles.includes(i)) continue;
    if (last >= 0 && i - last > 1 && isListGap(blocks, f, excluded, last + 1, i - 1, o)) takeList(blocks, f, excluded, inside, lists, last + 1, i - 1);
    last = i;
  }
}

const isCell = (b: Block, f: BlockFeatures) => f.words <= 12 && f.cls !== 'good' && !SENTENCE_END.test(b.text);

/**
 * A headline of another story: three to 14 words in title case, no figures, no sentence end.
 * Table cells (names, figures) and list items in sentence case are not.
 */
function isTitleCaseHeadline(text: string, words: number): boolean {
  if (words < 3 || words > 14 || SENTENCE_END.test(text) || /\d/.test(text) || !/^\P{L}*\p{Lu}/u.test(text)) return false;
  let long = 0;
  let capital = 0;
  for (const w of text.split(' ')) {
    if (w.length <= 3) continue;
    long++;
    if (/^\P{L}*\p{Lu}/u.test(w)) capital++;
  }
  return long > 0 && capital >= 0.6 * long;
}
