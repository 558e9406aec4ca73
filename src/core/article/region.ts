// The article model: jusText's classification of blocks (good / near-good / short / bad) from
// text alone, revised by the neighbours, and the article region as the heaviest run of good
// blocks. What lies outside the region on a page-like input is boilerplate even when no rule
// names it (an unseen legal wording, "Follow X on / Instagram" fragments, teaser rails).
import type { ArticleOptions, Block } from '../types.js';
import { detectLanguage, isStopword, wordStats, type WordStats } from './stopwords.js';

export type BlockClass = 'good' | 'near-good' | 'short' | 'bad';

export interface BlockFeatures {
  chars: number;
  words: number;
  /** Share of the words that are stopwords of the document's language (a sentence stand-in without a list). */
  stopwords: number;
  /** Share of the characters in lone short text nodes (link texts) when the block was several nodes. */
  links: number;
  /** The block's own class (with the lines it runs on into, for hard-wrapped text), before the neighbours revise it. */
  cls: BlockClass;
}

export interface Region {
  /** Blocks outside the article, each with its features for the reason. */
  outside: Array<{ block: number; features: BlockFeatures }>;
  /** The article titles found just before its regions: shape rules do not take them. */
  titles: number[];
}

const SENTENCE_END = /[.!?…。！？]["'”’)\]」』]?$/;
const HAS_SENTENCE_END = /[.!?…。！？](?:\s|$)|[。！？]/;
const LINK_PIECE = 40;

function features(b: Block, w: WordStats, lang: number | undefined): Omit<BlockFeatures, 'cls'> {
  let stopwords: number;
  if (lang !== undefined) {
    stopwords = w.words ? w.hits[lang] / w.words : 0;
  } else {
    // No list for the language: a block of sentences reads as stopword-rich, anything else not.
    stopwords = HAS_SENTENCE_END.test(b.text) && (b.words >= 10 || b.text.length >= 40) ? 0.35 : 0.1;
  }
  let links = 0;
  if (b.parts.length > 1) {
    let short = 0;
    let all = 0;
    for (const p of b.parts) {
      all += p.length;
      if (p.length < LINK_PIECE && !SENTENCE_END.test(p)) short += p.length;
    }
    links = all ? short / all : 0;
  }
  return { chars: b.text.length, words: b.words, stopwords, links };
}

const RUNS_ON_END = /[,;:–—-]$/;
const LOWER_START = /^\p{Ll}/u;

/** Does block a end mid-sentence, continued by b (a lower-case start, a trailing comma, a stopword)? */
function runsOn(a: Block, aWords: WordStats, b: Block, lang: number | undefined): boolean {
  if (SENTENCE_END.test(a.text)) return false;
  if (LOWER_START.test(b.text) || RUNS_ON_END.test(a.text)) return true;
  return aWords.last !== undefined && lang !== undefined && isStopword(lang, aWords.last);
}

function classify(f: Omit<BlockFeatures, 'cls'>, o: ArticleOptions): BlockClass {
  if (f.links > o.maxLinkDensity) return 'bad';
  if (f.chars < o.lengthLow) return f.links > 0 ? 'bad' : 'short';
  if (f.stopwords >= o.stopwordsHigh) return f.chars > o.lengthHigh ? 'good' : 'near-good';
  if (f.stopwords >= o.stopwordsLow) return 'near-good';
  return 'bad';
}

/**
 * For each block, the class of its nearest neighbour in one direction that is neither short nor
 * (with skipNear) near-good; 'bad' past either end. One pass, where a walk per block was quadratic
 * on a long menu of short blocks.
 */
function nearest(from: BlockClass[], skipNear: boolean, step: 1 | -1): BlockClass[] {
  const n = from.length;
  const out = new Array<BlockClass>(n);
  let last: BlockClass = 'bad';
  for (let k = 0; k < n; k++) {
    const i = step === 1 ? n - 1 - k : k;
    out[i] = last;
    const c = from[i];
    if (c !== 'short' && !(skipNear && c === 'near-good')) last = c;
  }
  return out;
}

// A byline's first word ("By Ann Lee", "Von Anke Brodersen", "Par Yann Le Gall").
const BYLINE = /^(?:by|von|par|por|di|da|door|przez|от|автор)$/iu;
const TITLE_LOOKBACK = 4;

/**
 * The nearest of the few blocks before `from` that reads as a title: four to 25 words, a capital
 * first, no sentence end, no link pieces, at most one word with digits (not a date line), not a
 * byline. -1 when there is none.
 */
function titleBefore(blocks: Block[], f: BlockFeatures[], excluded: ArrayLike<unknown>, from: number): number {
  for (let t = from - 1, seen = 0; t >= 0 && seen < TITLE_LOOKBACK; t--) {
    if (excluded[t]) continue;
    seen++;
    const text = blocks[t].text;
    const words = text.split(' ');
    if (f[t].words < 4 || f[t].words > 25 || SENTENCE_END.test(text) || f[t].links > 0 || !/^\p{Lu}/u.test(text)) continue;
    if (BYLINE.test(words[0]) || words.filter((w) => /\d/.test(w)).length > 1) continue;
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
function tailOf(blocks: Block[], f: BlockFeatures[], from: number, to: number): number {
  let end = to;
  while (end > from && f[end].cls !== 'good') end--;
  for (let k = end + 1; k <= to; ) {
    if (f[k].cls === 'near-good') {
      end = k++;
      continue;
    }
    if (blocks[k].text.endsWith(':') && f[k].words >= 3 && f[k].words <= 30) {
      end = k++;
      while (k <= to && f[k].cls === 'short' && f[k].links === 0) end = k++;
      continue;
    }
    break;
  }
  return end;
}

/** Does this input look like a page (many short or link-like lines), where the region step pays? */
export function looksLikePage(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions): boolean {
  let n = 0;
  let short = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (excluded[i]) continue;
    n++;
    const t = blocks[i].text;
    if (t.length < 40 && !SENTENCE_END.test(t)) short++;
  }
  return n >= o.minBlocks && short / n >= o.minShortShare;
}

/**
 * The blocks outside the article. `excluded` blocks (taken by wording rules this round) are
 * boilerplate already: they are never promoted, and they count as bad neighbours.
 */
export function findRegion(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions): Region {
  const n = blocks.length;
  const words = blocks.map(wordStats);
  let chars = 0;
  for (const b of blocks) chars += b.text.length;
  const lang = detectLanguage(words.filter((_, i) => !excluded[i]), chars);
  // In a script without spaces (Chinese, Japanese, Thai) a character carries about what three
  // do in a spaced one: the length thresholds shrink to match.
  let unspaced = 0;
  for (const w of words) unspaced += w.unspaced;
  const lengths = unspaced > 0.3 * chars ? { ...o, lengthLow: Math.round(o.lengthLow / 3), lengthHigh: Math.round(o.lengthHigh / 3) } : o;
  const f: BlockFeatures[] = blocks.map((b, i) => ({ ...features(b, words[i], lang), cls: 'bad' }));
  // Hard-wrapped prose arrives as a block per line ("made his debut for" / "Chelsea yesterday and"):
  // lines that run on into the next are classified together, as the sentence they are.
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && !excluded[j] && !excluded[j + 1] && runsOn(blocks[j], words[j], blocks[j + 1], lang)) j++;
    if (excluded[i]) {
      i++;
      continue;
    }
    let unit = f[i];
    if (j > i) {
      let chars = 0;
      let wordsN = 0;
      let stopW = 0;
      let linkC = 0;
      for (let k = i; k <= j; k++) {
        chars += f[k].chars + 1;
        wordsN += f[k].words;
        stopW += f[k].stopwords * f[k].words;
        linkC += f[k].links * f[k].chars;
      }
      unit = { chars, words: wordsN, stopwords: wordsN ? stopW / wordsN : 0, links: chars ? linkC / chars : 0, cls: 'bad' };
    }
    const cls = classify(unit, lengths);
    for (let k = i; k <= j; k++) f[k].cls = cls;
    i = j + 1;
  }

  // A story told in many mid-length paragraphs has no single good block: a run of near-good ones
  // (a single short one between two of them allowed) that together read as prose counts as good.
  for (let i = 0; i < n; ) {
    if (f[i].cls !== 'near-good') {
      i++;
      continue;
    }
    let j = i;
    let end = i;
    let chars = 0;
    let stopChars = 0;
    let nears = 0;
    // One short block between two near-good ones (a subheading, a link line) keeps the run going.
    while (j < n && (f[j].cls === 'near-good' || (f[j].cls === 'short' && j + 1 < n && f[j + 1].cls === 'near-good'))) {
      if (f[j].cls === 'near-good') {
        chars += f[j].chars;
        stopChars += f[j].stopwords * f[j].chars;
        nears++;
        end = j;
      }
      j++;
    }
    j = end + 1;
    if (nears >= 2 && chars >= 2 * o.lengthHigh && stopChars / chars >= o.stopwordsHigh) {
      for (let k = i; k < j; k++) if (f[k].cls === 'near-good') f[k].cls = 'good';
    }
    i = j;
  }

  const cls = f.map((x) => x.cls);
  if (!cls.includes('good')) {
    // Nothing reads as good: the longest block with some stopwords is the article's best guess.
    let best = -1;
    for (let i = 0; i < n; i++) if (!excluded[i] && f[i].stopwords >= o.stopwordsLow && (best < 0 || f[i].chars > f[best].chars)) best = i;
    if (best < 0) return { outside: [], titles: [] };
    cls[best] = 'good';
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
  const afterShort = [...revised];
  const prevR = nearest(afterShort, true, -1);
  const nextR = nearest(afterShort, true, 1);
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
  for (const r of regions) for (let i = r.from; i <= r.to; i++) if (!excluded[i]) r.weight += f[i].chars;
  const heaviest = Math.max(...regions.map((r) => r.weight));
  const inside = new Uint8Array(n);
  const titles: number[] = [];
  for (const r of regions) {
    if (r.weight < o.minRegionShare * heaviest) continue;
    const from = r.from;
    let to = tailOf(blocks, f, r.from, r.to);
    // The title a little before the region belongs to the article (bylines and dates between go).
    const title = titleBefore(blocks, f, excluded, from);
    if (title >= 0) {
      inside[title] = 1;
      titles.push(title);
    }
    // A list that the region's last paragraph introduces with a colon follows it.
    if (blocks[to].text.endsWith(':')) while (to + 1 < n && !excluded[to + 1] && f[to + 1].cls !== 'good' && f[to + 1].links <= o.maxLinkDensity && f[to + 1].words <= 40) to++;
    for (let i = from; i <= to; i++) inside[i] = 1;
  }
  const outside: Region['outside'] = [];
  for (let i = 0; i < n; i++) if (!inside[i] && !excluded[i]) outside.push({ block: i, features: f[i] });
  return { outside, titles };
}
