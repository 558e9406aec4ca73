// The article model, second half: the classes of classify.ts revised by the neighbours, and the
// article region as the heaviest run of good blocks. What lies outside the region on a page-like
// input is boilerplate even when no rule names it (an unseen legal wording, "Follow X on /
// Instagram" fragments, teaser rails).
import type { ArticleOptions, Block } from '../types.js';
import { classifyBlocks, COLON_END, linkDensity, SENTENCE_END, type BlockClass, type BlockFeatures } from './classify.js';
import { findThread, type Thread } from './thread.js';
import { keepListsBetween } from './lists.js';

export type { BlockClass, BlockFeatures } from './classify.js';

export interface Region {
  /** Blocks outside the article, each with its features for the reason. */
  outside: Array<{ block: number; features: BlockFeatures }>;
  /** The article titles found just before its regions: shape rules do not take them. */
  titles: number[];
  /** Where a thread of stamped comments after the article begins (its blocks go even past the guard), or -1. */
  thread: number;
  /** Lists and tables that the region takes in (between its parts, or after a colon): shape rules do not take them. */
  lists: Set<number>;
}

/**
 * For each block, the class of its nearest neighbour in one direction that is neither short nor
 * (with skipNear) near-good, passing over `skip` blocks; 'bad' past either end. One pass, where a
 * walk per block was quadratic on a long menu of short blocks.
 */
function nearest(from: BlockClass[], skipNear: boolean, step: 1 | -1, skip?: ArrayLike<unknown>): BlockClass[] {
  const n = from.length;
  const out = new Array<BlockClass>(n);
  let last: BlockClass = 'bad';
  for (let k = 0; k < n; k++) {
    const i = step === 1 ? n - 1 - k : k;
    out[i] = last;
    if (skip?.[i]) continue;
    const c = from[i];
    if (c !== 'short' && !(skipNear && c === 'near-good')) last = c;
  }
  return out;
}

// A byline's first word ("By Ann Lee", "Von Anke Brodersen", "Par Yann Le Gall").
const BYLINE = /^(?:by|von|par|por|di|da|door|przez|от|автор)$/iu;
export const TITLE_LOOKBACK = 4;

/**
 * The shape of a title, whatever else the caller asks of it: `min` to 25 words, no sentence end,
 * at most one word with digits (not a date line), not a byline.
 */
export function titleShaped(text: string, words: number, min: number): boolean {
  if (words < min || words > 25 || SENTENCE_END.test(text)) return false;
  const list = text.split(' ');
  return !BYLINE.test(list[0]) && list.filter((w) => /\d/.test(w)).length <= 1;
}

/**
 * The nearest of the few blocks before `from` that reads as a title: four to 25 words, a capital
 * (or a letter of a script without capitals) first, no sentence end, no link pieces, at most one
 * word with digits (not a date line), not a byline. -1 when there is none.
 */
function titleBefore(blocks: Block[], f: BlockFeatures[], excluded: ArrayLike<unknown>, from: number): number {
  for (let t = from - 1, seen = 0; t >= 0 && seen < TITLE_LOOKBACK; t--) {
    if (excluded[t]) continue;
    seen++;
    const text = blocks[t].text;
    if (f[t].links > 0 || !/^[\p{Lu}\p{Lo}]/u.test(text) || !titleShaped(text, f[t].words, 4)) continue;
    return t;
  }
  return -1;
}

/**
 * Where a region really ends. After its last good block, near-good paragraphs that follow it
 * directly belong to the article (a short closing paragraph), and so does a list that a line
 * ending in a colon introduces; at the first short or bad block the article has ended, and what
 * the revision pulled in after it (a legal notice in sentences, "Follow X on / Instagram"
 * fragments) stays outside.
 */
function tailOf(blocks: Block[], f: BlockFeatures[], excluded: ArrayLike<unknown>, from: number, to: number): number {
  let end = to;
  while (end > from && f[end].cls !== 'good') end--;
  for (let k = end + 1; k <= to; ) {
    // Blocks wording took (an inline "Related: …" line) neither end the article nor belong to it.
    if (excluded[k]) {
      k++;
      continue;
    }
    if (f[k].cls === 'near-good') {
      end = k++;
      continue;
    }
    // Short sentences between the article and a near-good paragraph ("Fox warned businesses
    // against price gouging." and the quote after it) do not end the article. (Before the
    // article, such lines are photo captions as often as ledes: measured, no gain there.)
    if (isShortSentence(blocks[k], f[k])) {
      // Past the sentences (and what wording took between them) to the block that decides.
      let j = k + 1;
      let sentences = 1;
      while (j <= to && (excluded[j] || (sentences < MAX_TAIL_SENTENCES && isShortSentence(blocks[j], f[j])))) {
        if (!excluded[j]) sentences++;
        j++;
      }
      if (j <= to && f[j].cls === 'near-good') {
        end = j;
        k = j + 1;
        continue;
      }
    }
    if (COLON_END.test(blocks[k].text) && f[k].words >= 3 && f[k].words <= 30) {
      end = k++;
      while (k <= to && f[k].cls === 'short' && f[k].links === 0) end = k++;
      continue;
    }
    break;
  }
  return end;
}

const MAX_TAIL_SENTENCES = 3;
const isShortSentence = (b: Block, f: BlockFeatures) => f.cls === 'short' && f.links === 0 && f.words >= 4 && SENTENCE_END.test(b.text);

const MIN_COMMENT_PROSE = 2;
// The opening paragraphs before a box inside the article: at most this many blocks (that wording
// left) before the region they open, and this many paragraphs of this many words. Measured on the
// dev corpus with 5/8/12/20 blocks, 1-3 paragraphs and 20-30 words: 8, 2 and 20 gained recall on
// all three variants for 0.0001 of page precision.
const OPENING_GAP = 8;
const OPENING_PARAGRAPHS = 2;
const OPENING_WORDS = 20;
const MENU_PARTS = 20;

// A run after the article continues it when it has this many distinct capitalised words, and this
// share of them are in the article. Measured on the dev corpus: 5 to 12 names and a share of 0.4 or
// 0.5 gave the same figures; at 0.7 nothing was found.
const CONTINUED_NAMES = 8;
const CONTINUED_SHARE = 0.5;
const NAME = /\p{Lu}[\p{L}'’-]{2,}/gu;

/** The capitalised words of blocks from..to that wording left (names, mostly, and sentence starts). */
function namesIn(blocks: Block[], excluded: ArrayLike<unknown>, from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let i = from; i <= to; i++) if (!excluded[i]) for (const m of blocks[i].text.matchAll(NAME)) out.add(m[0]);
  return out;
}

/** Does this input look like a page (many short or link-like lines), where the region step pays? */
export function looksLikePage(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions): boolean {
  let n = 0;
  let short = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (excluded[i]) continue;
    const b = blocks[i];
    // A block joined from many short lines (a drop-down or a menu whose lines end in spaces) is
    // that many lines of a page.
    if (b.parts.length >= MENU_PARTS && linkDensity(b) > o.maxLinkDensity) {
      n += b.parts.length;
      short += b.parts.length;
      continue;
    }
    n++;
    if (b.text.length < 40 && !SENTENCE_END.test(b.text)) short++;
  }
  return n >= o.minBlocks && short / n >= o.minShortShare;
}

/**
 * The blocks outside the article. `excluded` blocks (taken by wording rules this round) are
 * boilerplate already: they are never promoted, and they count as bad neighbours. `found` is the
 * comment thread of these blocks, when the caller has looked for it already.
 */
export function findRegion(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions, found: Thread | undefined = findThread(blocks)): Region {
  const n = blocks.length;
  const f = classifyBlocks(blocks, excluded, o);
  const cls = f.map((x) => x.cls);
  if (!cls.includes('good')) {
    // Nothing reads as good: the longest block with some stopwords is the article's best guess.
    let best = -1;
    for (let i = 0; i < n; i++) if (!excluded[i] && f[i].stopwords >= o.stopwordsLow && (best < 0 || f[i].chars > f[best].chars)) best = i;
    if (best < 0) return { outside: [], titles: [], lists: new Set(), thread: -1 };
    const nearGood = f[best].cls === 'near-good';
    // f too: tailOf reads the classes there.
    cls[best] = f[best].cls = 'good';
    // A short story told in near-good paragraphs (a sports brief full of names) has the best guess
    // in a run of them: the near-good paragraphs of that run, short lines between allowed, go with it.
    if (nearGood) {
      // Block k joins the run: near-good, or short with a near-good one beyond it.
      const joins = (k: number, step: 1 | -1) => k >= 0 && k < n && !excluded[k] && (cls[k] === 'near-good' || (cls[k] === 'short' && cls[k + step] === 'near-good'));
      let from = best;
      let to = best;
      while (joins(from - 1, -1)) from--;
      while (joins(to + 1, 1)) to++;
      for (let i = from; i <= to; i++) if (cls[i] === 'near-good') cls[i] = f[i].cls = 'good';
    }
  }

  // jusText's revision: short blocks take the class of their good or bad neighbours, near-good
  // ones are good unless both neighbours are bad.
  const revised = [...cls];
  const prevSkip = nearest(cls, true, -1);
  const nextSkip = nearest(cls, true, 1);
  const prevAny = nearest(cls, false, -1);
  const nextAny = nearest(cls, false, 1);
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'short') continue;
    const prev = prevSkip[i];
    const next = nextSkip[i];
    if (prev === 'good' && next === 'good') revised[i] = 'good';
    else if (prev === 'bad' && next === 'bad') revised[i] = 'bad';
    else if ((prev === 'bad' && prevAny[i] === 'near-good') || (next === 'bad' && nextAny[i] === 'near-good')) revised[i] = 'good';
    else revised[i] = 'bad';
  }
  // A near-good paragraph looks past the blocks wording took to its neighbours: an inline
  // "Related: …" line or a photo credit inside the article does not cut it off from the article.
  const afterShort = [...revised];
  const prevR = nearest(afterShort, true, -1, excluded);
  const nextR = nearest(afterShort, true, 1, excluded);
  for (let i = 0; i < n; i++) {
    if (afterShort[i] === 'near-good') revised[i] = prevR[i] === 'bad' && nextR[i] === 'bad' ? 'bad' : 'good';
  }

  // Regions: good blocks with gaps of at most maxGap blocks between them. Weighed by all their
  // characters, so that cleaning the output again finds the same regions.
  const regions: Array<{ from: number; to: number; weight: number }> = [];
  for (let i = 0; i < n; i++) {
    if (revised[i] !== 'good') continue;
    const last = regions[regions.length - 1];
    if (last && i - last.to - 1 <= o.maxGap) last.to = i;
    else regions.push({ from: i, to: i, weight: 0 });
  }
  // A thread of comments after the article is not article, however much prose it holds: when it
  // holds sentences between its stamps (comments, not a list of dates: a schedule of the article's
  // own is stamped too) and the heaviest region, or a region with a good block, comes before it.
  const weigh = (r: { from: number; to: number; weight: number }) => {
    r.weight = 0;
    for (let i = r.from; i <= r.to; i++) if (!excluded[i]) r.weight += f[i].chars;
  };
  regions.forEach(weigh);
  let thread = -1;
  if (found && found.start > 0 && found.prose >= MIN_COMMENT_PROSE) {
    const top = regions.reduce((a, r) => (r.weight > a.weight ? r : a), regions[0]);
    const before = regions.filter((r) => r.from < found.start);
    const goodBefore = before.some((r) => cls.slice(r.from, Math.min(r.to, found.start - 1) + 1).includes('good'));
    if (top.from < found.start || goodBefore) {
      thread = found.start;
      regions.length = 0;
      for (const r of before) {
        // A run that the thread starts inside ends where it starts.
        if (r.to >= thread) {
          r.to = thread - 1;
          weigh(r);
        }
        regions.push(r);
      }
    }
  }
  const heaviest = Math.max(...regions.map((r) => r.weight));
  const inside = new Uint8Array(n);
  const titles: number[] = [];
  const lists = new Set<number>();
  const kept = regions.map((r) => r.weight >= o.minRegionShare * heaviest);
  // The article's opening paragraphs can be cut off from the rest by a box inside it (the author's
  // bio and links, a related-links box): a lighter run of two or more good paragraphs that ends a
  // few blocks before a kept region is the article too. Only before: after the article, such runs
  // are teaser summaries as often as they are its end (measured: no gain there).
  for (let k = regions.length - 2; k >= 0; k--) {
    if (kept[k] || !kept[k + 1]) continue;
    // Blocks wording took between them are chrome already: they do not count against the gap.
    let gap = 0;
    for (let i = regions[k].to + 1; i < regions[k + 1].from && gap <= OPENING_GAP; i++) if (!excluded[i]) gap++;
    if (gap > OPENING_GAP) continue;
    let paragraphs = 0;
    for (let i = regions[k].from; i <= regions[k].to; i++) if (revised[i] === 'good' && !excluded[i] && f[i].words >= OPENING_WORDS) paragraphs++;
    if (paragraphs >= OPENING_PARAGRAPHS) kept[k] = true;
  }
  // After the article, a lighter run a few blocks on continues it (past a box of stats or links
  // inside it) when it speaks of the article's people and places: most of its names are the
  // article's. Teasers of other stories name others.
  let ours: Set<string> | undefined;
  for (let k = 1; k < regions.length; k++) {
    if (kept[k] || !kept[k - 1]) continue;
    let gap = 0;
    for (let i = regions[k - 1].to + 1; i < regions[k].from && gap <= OPENING_GAP; i++) if (!excluded[i]) gap++;
    if (gap > OPENING_GAP) continue;
    const theirs = namesIn(blocks, excluded, regions[k].from, regions[k].to);
    if (theirs.size < CONTINUED_NAMES) continue;
    if (!ours) {
      ours = new Set<string>();
      for (let j = 0; j < regions.length; j++) if (kept[j]) for (const w of namesIn(blocks, excluded, regions[j].from, regions[j].to)) ours.add(w);
    }
    let shared = 0;
    for (const w of theirs) if (ours.has(w)) shared++;
    if (shared >= CONTINUED_SHARE * theirs.size) kept[k] = true;
  }
  for (const [k, r] of regions.entries()) {
    if (!kept[k]) continue;
    const from = r.from;
    let to = tailOf(blocks, f, excluded, r.from, r.to);
    // The title a little before the region belongs to the article (bylines and dates between go).
    const title = titleBefore(blocks, f, excluded, from);
    if (title >= 0) {
      inside[title] = 1;
      titles.push(title);
    }
    // A list that the region's last paragraph introduces with a colon follows it, also when the
    // region already runs a few items into it.
    // (A good item is one only without a sentence end: the colon runs on into the first item.)
    const item = (i: number) => !excluded[i] && (f[i].cls !== 'good' || !SENTENCE_END.test(blocks[i].text)) && f[i].links <= o.maxLinkDensity && f[i].words <= 40;
    let intro = to;
    // The walk back passes over items, not sentences, whatever their class: the colon runs on into
    // the first item, which then reads as good with it.
    while (intro > from && !excluded[intro] && f[intro].words <= 40 && !SENTENCE_END.test(blocks[intro].text) && !COLON_END.test(blocks[intro].text)) intro--;
    if (COLON_END.test(blocks[intro].text) && f[intro].words >= 3) while (to + 1 < n && item(to + 1)) lists.add(++to);
    for (let i = from; i <= to; i++) inside[i] = 1;
  }
  keepListsBetween(blocks, f, excluded, inside, titles, lists, o);
  const outside: Region['outside'] = [];
  for (let i = 0; i < n; i++) if (!inside[i] && !excluded[i]) outside.push({ block: i, features: f[i] });
  return { outside, titles, lists, thread };
}
