import { DEFAULT_ARTICLE, type ArticleOptions, type Block, type CleanOptions } from './types.js';
import { findRegion, looksLikePage } from './article/region.js';
import { COLON_END, joinedLinks, NO_WORDS, SENTENCE_END } from './article/classify.js';
import { findThread } from './article/thread.js';
import { edgeBlocks, mayHaveEdges } from './article/edges.js';
import { introduces } from './article/lists.js';
import type { Proposal } from './detect.js';
import { isCredit } from './credit.js';
import { isProse, TRUNCATED, WITHIN_DOCUMENT } from './repeated.js';
import { keyOf } from './fingerprint.js';

/** What goes: the proposal that takes each whole block, and the spans to cut from the others. */
export interface Decision {
  owner: Array<Proposal | undefined>;
  spans: Map<number, Proposal[]>;
  /** Proposals the context overruled, each with why, for --explain and JSON. */
  overruled: Array<{ proposal: Proposal; block: number; why: string }>;
}

// Shape and repetition may take at most this share of the prose words still in the document.
const PROSE_SHARE = 0.2;
// Blocks past the last that stays, beyond which a page's prose is its footer for the guard.
// Measured on the dev corpus (10/12/15/20/25/30/40): from 15 up no page loses more of its article,
// at 12 and below one does; 20 keeps a margin.
const FOOTER_DISTANCE = 20;

export const OUTSIDE = 'region/outside-article';
export const THREAD = 'region/comment-thread';

/**
 * Which proposal wins. Wording proposals first: whole-block proposals win over spans in the same
 * block, and the first proposal for a block (rules run in config order) is the one recorded.
 * (detect skips blocks a whole-block proposal already took for the same reason.) Then shape,
 * repetition and article-region proposals, in the context of what wording left: a credit line is
 * content, and so is the article's title; a run of
 * short blocks between two prose paragraphs, or after one that introduces it with a colon, is a
 * list inside the article; and where together they would empty the document or take more than
 * the guard share of its words with prose among them, the prose among what they take stays.
 *
 * Everything here depends only on the blocks of this round, and rounds run to a fixed point, so
 * cleaning the output again decides the same (clean(clean(x)) == clean(x)).
 */
export function decide(blocks: Block[], proposals: Proposal[], options: Pick<CleanOptions, 'guard' | 'article'>): Decision {
  const guard = options.guard;
  const owner = new Array<Proposal | undefined>(blocks.length);
  const spans = new Map<number, Proposal[]>();
  const overruled: Decision['overruled'] = [];
  const context: Proposal[] = [];
  for (const p of proposals) {
    if (p.kind === 'context' && !p.span) {
      context.push(p);
      continue;
    }
    if (p.span) {
      const list = spans.get(p.from);
      if (list) list.push(p);
      else spans.set(p.from, [p]);
      continue;
    }
    for (let i = p.from; i <= p.to; i++) owner[i] ??= p;
  }
  // The article model: on a page, what lies outside the article region goes, named by no rule.
  const article = options.article ?? DEFAULT_ARTICLE;
  let titles: number[] = [];
  let lists = new Set<number>();
  const page = article.extract === 'on' || (article.extract === 'auto' && looksLikePage(blocks, owner, article) && showsChrome(blocks, owner, spans, article));
  const thread = article.extract === 'off' ? undefined : findThread(blocks);
  // Off a page, the model still runs to find a comment thread after the article, and only that goes.
  if (page || (article.extract === 'auto' && thread)) {
    const region = findRegion(blocks, owner, article, thread);
    titles = region.titles;
    lists = region.lists;
    for (const { block, features: f } of region.outside) {
      if (isCredit(blocks[block].text)) continue;
      const inThread = region.thread >= 0 && block >= region.thread;
      if (!page && !inThread) continue;
      context.push({
        rule: inThread ? THREAD : OUTSIDE,
        reason: inThread
          ? `a thread of comments stamped with dates and times, after the article (from line ${blocks[region.thread].first}): ${f.cls} (${f.words} words)`
          : `outside the article region: ${f.cls} (${f.words} words, stopwords ${f.stopwords.toFixed(2)}, link text ${f.links.toFixed(2)})`,
        from: block,
        to: block,
        kind: 'context',
      });
    }
  }
  // And short lines at the two ends of the article in its container (see edgeBlocks).
  if (!page && article.extract === 'auto' && mayHaveEdges(blocks, owner, article)) {
    const threadStart = context.find((p) => p.rule === THREAD)?.from ?? blocks.length;
    for (const { block, side, rail } of edgeBlocks(blocks.slice(0, threadStart), owner, article)) {
      context.push({
        rule: OUTSIDE,
        reason: rail
          ? `headlines run together from ${rail} link pieces after the article in its container`
          : `a short line ${side} the article in its container: not a sentence, not a title, not in a list (${blocks[block].words} words)`,
        from: block,
        to: block,
        kind: 'context',
      });
    }
  }
  if (context.length === 0) return { owner, spans, overruled };

  const taken = new Array<Proposal | undefined>(blocks.length);
  const keep = (p: Proposal, i: number, why: string) => {
    if (!owner[i]) overruled.push({ proposal: p, block: i, why });
  };
  for (const p of context) {
    if (p.rule !== WITHIN_DOCUMENT && p.to > p.from && isListInArticle(blocks, owner, p.from, p.to)) {
      for (let i = p.from; i <= p.to; i++) keep(p, i, 'kept: a list inside the article (prose paragraphs around it)');
      continue;
    }
    for (let i = p.from; i <= p.to; i++) {
      // A second copy of a credit line within one document still goes: detectRepeats keeps the first.
      if (p.rule !== WITHIN_DOCUMENT && isCredit(blocks[i].text)) keep(p, i, 'kept: a credit line is content');
      else if (!isRegion(p) && titles.includes(i)) keep(p, i, "kept: the article's title, just before its region");
      else if (!isRegion(p) && p.rule !== WITHIN_DOCUMENT && lists.has(i)) keep(p, i, 'kept: a list inside the article (the article region runs on both sides of it, or a colon introduces it)');
      else if (!owner[i]) taken[i] ??= p;
    }
  }

  let left = 0;
  let total = 0;
  let takenWords = 0;
  let takenProse = 0;
  let prose = 0;
  for (let i = 0; i < blocks.length; i++) {
    // Like wording, a comment thread is not weighed by the guard.
    if (owner[i] || taken[i]?.rule === THREAD) continue;
    const b = blocks[i];
    const isP = guardsProse(b, taken[i]);
    total += b.words;
    if (isP) prose += b.words;
    if (taken[i]) {
      takenWords += b.words;
      if (isP) takenProse += b.words;
    } else left++;
  }
  // Where shape and repetition would empty a document that holds prose, or take more than the guard
  // share of its words with prose among them, the prose stays (ten syndicated copies of one story
  // keep the story) and the rest (the outlet's chrome around it) still goes.
  const emptied = left === 0 && takenProse > 0;
  const tooMuch = takenWords > guard.maxRemovedShare * total && takenProse > PROSE_SHARE * Math.max(prose, 1);
  if (guard.maxRemovedShare < 1 && (emptied || tooMuch)) {
    const why = emptied ? 'they would have emptied the document' : `they would have taken ${Math.round((takenWords / total) * 100)}% of its words, prose among them`;
    // On a page, prose that the region step put outside far past the last block that stays is
    // the page's footer (the publisher's blurb, a newsletter pitch, teaser summaries), not an
    // article the step missed: the guard does not bring it back.
    let lastKept = -1;
    for (let i = 0; i < blocks.length; i++) if (!owner[i] && !taken[i]) lastKept = i;
    const footer = page && lastKept >= 0 ? lastKept + FOOTER_DISTANCE : blocks.length;
    // A block repeated in the document comes back once: what stays holds one copy of it already,
    // or the first that the guard brings back is that copy.
    const held = new Set<string>();
    for (let i = 0; i < blocks.length; i++) if (!owner[i] && !taken[i]) held.add(keyOf(blocks[i]));
    for (let i = 0; i < blocks.length; i++) {
      const p = taken[i];
      if (!p || !guardsProse(blocks[i], p) || p.rule === THREAD || (p.rule === OUTSIDE && i > footer)) continue;
      if (p.rule === WITHIN_DOCUMENT) {
        const key = keyOf(blocks[i]);
        if (held.has(key)) continue;
        held.add(key);
      }
      overruled.push({ proposal: p, block: i, why: `kept: prose that shape and repetition rules would take, ${why} (guard)` });
      taken[i] = undefined;
    }
  }
  for (let i = 0; i < blocks.length; i++) if (taken[i]) owner[i] = taken[i];
  return { owner, spans, overruled };
}

const isRegion = (p: Proposal) => p.rule === OUTSIDE || p.rule === THREAD;

// The prose the guard weighs and brings back. Text cut off at the page's teaser width is nobody's
// paragraph, whatever it reads like.
const guardsProse = (b: Block, p: Proposal | undefined) => isProse(b.text) && p?.rule !== TRUNCATED;

/**
 * Does the text show chrome: blocks or spans that wording rules took, in three places at least, a
 * block joined from link pieces, or six lines in a row of one to three words (a menu)? Many short
 * lines alone (a product roundup, a how-to of steps, text that was cleaned before) are not enough
 * to judge every block as a page's. Nor are brackets and commas around links: a lone "[" that
 * wording took, "Wired ]" (one link and its bracket), "They include: A, B, C" (links in a
 * sentence) are how a review roundup cites.
 */
function showsChrome(blocks: Block[], owner: Array<Proposal | undefined>, spans: Map<number, Proposal[]>, o: ArticleOptions): boolean {
  let places = spans.size;
  if (places >= MIN_CHROME) return true;
  let menu = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (owner[i] ? !NO_WORDS.test(b.text) && ++places >= MIN_CHROME : joinedLinks(b, o) >= 2) return true;
    // A menu in any language: a run of one- to three-word lines, none a sentence.
    menu = !owner[i] && b.words <= MENU_WORDS && !SENTENCE_END.test(b.text) ? menu + 1 : 0;
    if (menu >= MENU_LINES) return true;
  }
  return false;
}

// A page has chrome in many places (menus, footers, share bars); one label ("Don't Miss:" and the
// line after it) in a product roundup is not a page. Measured: 3 and 4 the same on the dev corpus.
const MIN_CHROME = 3;
const MENU_WORDS = 3;
const MENU_LINES = 6;

/**
 * Blocks from..to sit inside the article: the nearest blocks around them that wording rules leave
 * are prose, or the one before introduces them with a colon.
 */
function isListInArticle(blocks: Block[], owner: Array<Proposal | undefined>, from: number, to: number): boolean {
  // The run may be one part of a longer list or table (team names between runs of figures): walk
  // out over the items around it, and wording-removed blocks, to the text that frames them.
  let before = from - 1;
  for (let seen = 0; before >= 0 && seen < MAX_ITEMS && (owner[before] || isItem(blocks[before])); before--) seen++;
  if (before < 0) return false;
  if (introduces(blocks[before])) return true;
  if (!isProse(blocks[before].text)) return false;
  // The run may begin with the sentence that introduces the list (a headline run takes a line
  // ending in a colon); then the prose before that sentence is what places it in the article.
  if (introduces(blocks[from])) return true;
  let after = to + 1;
  for (let seen = 0; after < blocks.length && seen < MAX_ITEMS && (owner[after] || isItem(blocks[after])); after++) seen++;
  return after < blocks.length && isProse(blocks[after].text);
}

// A list item or table cell: not a sentence, and short (a table row of figures runs to 20 or 30
// words). A list longer than MAX_ITEMS is not read as one.
const MAX_ITEM_WORDS = 40;
const isItem = (b: Block) => b.words <= MAX_ITEM_WORDS && !isProse(b.text) && !COLON_END.test(b.text);
const MAX_ITEMS = 60;
