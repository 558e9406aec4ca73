// On an article container (text that does not look like a page), the model stays light: only short
// lines at the two ends of the article go (a related-stories rail after it, a section label, a
// "Published on ... by" line, a contact line), and only where they do not read as a list that ends
// the article (the qualified teams, the dates of a tour) or as its title.
//
// Everything here reads the text of the blocks alone, no classes and no link density, but for one
// thing: a rail of headlines joined from link pieces after the article, which always goes. The
// rest depends on how the source split its lines, which the output does not keep, so a decision
// made from it could come out otherwise when the output is cleaned again.
import type { ArticleOptions, Block } from '../types.js';
import { HAS_SENTENCE_END, joinedLinks, SENTENCE_END } from './classify.js';
import { introduces, isListGap, type ListItem } from './lists.js';
import { isCredit } from '../credit.js';
import { isProse } from '../repeated.js';
import { TITLE_LOOKBACK, titleShaped } from './region.js';

const TITLE_WORDS = 4;
// Link pieces with words in a rail: with two, no more was found on the dev corpus.
const RAIL_PIECES = 3;
const SHORT_TITLE_WORDS = 2;

/** A short line without a sentence end, that is not a credit line ("Reporting by ..."). */
const isEdgeLine = (b: Block, o: ArticleOptions) => b.text.length < o.lengthLow && !SENTENCE_END.test(b.text) && !isCredit(b.text);

/**
 * Can edgeBlocks find anything here? Only when the first or the last block that wording leaves is
 * a short line without a sentence end, or a label of other stories follows the last prose: a cheap
 * look first.
 */
export function mayHaveEdges(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions): boolean {
  for (let i = 0; i < blocks.length; i++) {
    if (excluded[i]) continue;
    if (isEdgeLine(blocks[i], o)) return true;
    break;
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (excluded[i]) continue;
    if (isEdgeLine(blocks[i], o) || isRail(blocks[i], o)) return true;
    break;
  }
  return labelAfterProse(blocks, excluded) >= 0;
}

// Separators between menu items ("News | Sport | Weather"); a headline does not stand them alone.
const SEPARATOR = / [|»•·] /;

// An author line without "By": two or more names of one to three capitalised words, joined by
// "and", "&" or commas ("Ann Lee and Sam Ortiz"). A headline in title case has longer stretches.
const NAME = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}$/u;
function isAuthors(text: string): boolean {
  const names = text.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  return names.length >= 2 && names.every((n) => NAME.test(n));
}

/**
 * A title as the region step reads one (titleShaped), from the text alone: a capital, a quote or a
 * figure first, no menu separator, not an author line.
 */
function isTitle(b: Block, min: number): boolean {
  return titleShaped(b.text, b.words, min) && /^["'“‘]?[\p{Lu}\p{Lo}\p{N}]/u.test(b.text) && !SEPARATOR.test(b.text) && !isAuthors(b.text);
}

/** A block that goes from an end of a container: a short line before or after the article, or a rail of headlines after it. */
export interface Edge {
  block: number;
  side: 'before' | 'after';
  /** For a rail: how many link pieces it was run together from. */
  rail?: number;
}

/**
 * The short lines at the ends of a container that go: before the first block that stays (or the
 * title just before it) and after the last, in runs that are not lists; and rails after the last.
 */
export function edgeBlocks(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions): Edge[] {
  const n = blocks.length;
  // A paragraph of prose (at least lengthHigh characters, with sentence punctuation): without one,
  // the container holds no article to find the ends of.
  let prose = false;
  for (let i = 0; i < n && !prose; i++) prose = !excluded[i] && blocks[i].text.length >= o.lengthHigh && HAS_SENTENCE_END.test(blocks[i].text);
  if (!prose) return [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (excluded[i] || isEdgeLine(blocks[i], o)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return [];
  // Headlines of other stories run together from their link pieces ("Latest Stories KEANE SIGNS
  // ... BORO BID FAILS ...") close the article too: they go whole, before the short lines are
  // judged. Only after the article: a title with a link in it reads the same. (This reads link
  // pieces, which the output does not keep; a rail found so is always taken, so the output never
  // holds a block that was judged by them.)
  const rails = new Set<number>();
  while (last > first && isRail(blocks[last], o)) {
    rails.add(last);
    do last--;
    while (last > first && (excluded[last] || isEdgeLine(blocks[last], o)));
  }
  const skip = rails.size ? Array.from({ length: n }, (_, i) => excluded[i] || rails.has(i)) : excluded;
  // The article's title a little before its first paragraph stays (bylines and dates between it
  // and the paragraph stay with it): the nearest line of four words or more that reads as one
  // (taking the farthest kept more menu lines than titles on the dev corpus), else a line of two
  // or three right before the paragraph ("Spanish Lessons").
  let title = -1;
  let adjacent = -1;
  for (let t = first - 1, seen = 0; t >= 0 && seen < TITLE_LOOKBACK; t--) {
    if (excluded[t]) continue;
    seen++;
    if (seen === 1) adjacent = t;
    if (isTitle(blocks[t], TITLE_WORDS)) {
      title = t;
      break;
    }
  }
  if (title < 0 && adjacent >= 0 && isTitle(blocks[adjacent], SHORT_TITLE_WORDS)) title = adjacent;
  if (title >= 0) first = title;
  const out: Edge[] = [];
  // What isListGap reads, from the text alone (link pieces are not kept in the output).
  let items: ListItem[] | undefined;
  // A list that its own sentence introduces ("The board thanked these volunteers:" and the names)
  // stays from that sentence on, whether the sentence is in the run or is the paragraph just before it.
  const take = (from: number, to: number, side: 'before' | 'after') => {
    let before = from - 1;
    while (before >= 0 && skip[before]) before--;
    if (before >= 0 && introduces(blocks[before])) return;
    for (let k = from; k <= to; k++) {
      if (introduces(blocks[k])) {
        judge(from, k - 1, side);
        return;
      }
    }
    judge(from, to, side);
  };
  const judge = (from: number, to: number, side: 'before' | 'after') => {
    if (from > to) return;
    if (to > from) {
      items ??= blocks.map((b) => ({ words: b.words, links: 0 }));
      if (isListGap(blocks, items, skip, from, to, o) || parallel(blocks, from, to)) return;
    }
    for (let k = from; k <= to; k++) out.push({ block: k, side });
  };
  const runs = (from: number, to: number, side: 'before' | 'after') => {
    let start = -1;
    for (let i = from; i <= to + 1; i++) {
      if (i <= to && !skip[i]) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) take(start, i - 1, side);
      start = -1;
    }
  };
  runs(0, first - 1, 'before');
  // A label of other stories ("» Recommended Stories", "Most Popular") after the article's last
  // paragraph of prose: what follows it to the end, none of it prose, is that list of stories,
  // however long its lines (a headline with its source and date).
  const label = labelAfterProse(blocks, excluded);
  if (label >= 0) {
    for (let k = label + 1; k < n; k++) if (!skip[k]) out.push({ block: k, side: 'after' });
  } else runs(last + 1, n - 1, 'after');
  for (const r of rails) out.push({ block: r, side: 'after', rail: joinedLinks(blocks[r], o) });
  return out;
}

/** The first block after the last prose paragraph that a label rule (`label: true`) took, or -1. */
function labelAfterProse(blocks: Block[], excluded: ArrayLike<unknown>): number {
  let prose = -1;
  for (let i = blocks.length - 1; i >= 0 && prose < 0; i--) if (!excluded[i] && isProse(blocks[i].text)) prose = i;
  if (prose < 0) return -1;
  for (let i = prose + 1; i < blocks.length; i++) if ((excluded[i] as { label?: boolean } | undefined)?.label) return i;
  return -1;
}

/**
 * Items of one list share a shape: "England (Group A): 10th appearance", "Spain (Group F): 11th
 * appearance". Most items (at least 60%, two or more) have the same punctuation, and some.
 * Headlines of other stories mostly have none, or each its own.
 */
function parallel(blocks: Block[], from: number, to: number): boolean {
  const counts = new Map<string, number>();
  for (let k = from; k <= to; k++) {
    const skeleton = blocks[k].text.replace(/[\p{L}\p{N}\s]+/gu, '');
    if (skeleton) counts.set(skeleton, (counts.get(skeleton) ?? 0) + 1);
  }
  const top = Math.max(0, ...counts.values());
  return top >= 2 && top >= 0.6 * (to - from + 1);
}

/** Headlines run together from three or more link pieces (see joinedLinks). */
const isRail = (b: Block, o: ArticleOptions) => joinedLinks(b, o) >= RAIL_PIECES;
