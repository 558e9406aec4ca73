// The article model, first half: each block's class from its own text (jusText's good /
// near-good / short / bad), before the neighbours revise it (region.ts).
import type { ArticleOptions, Block } from '../types.js';
import { detectLanguage, isStopword, stopwordShare, wordStats, type WordStats } from './stopwords.js';

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

export const SENTENCE_END = /[.!?…。！？]["'”’)\]」』]?$/;
export const HAS_SENTENCE_END = /[.!?…。！？](?:\s|$)|[。！？]/;
/** A colon at the end, the full-width one of Chinese and Japanese too. */
export const COLON_END = /[:：]$/;
const LINK_PIECE = 40;

// Japanese and Chinese text without spaces: the share of a block's characters that are Hiragana
// (particles, endings) or Chinese function characters stands in for its stopword share, divided by
// what plain prose scores (bench/stopword-coverage.mjs on fixtures/languages/: Japanese 0.53, no
// more than English's 0.50 counts; Chinese 0.23) so the thresholds mean what they do in English. A
// menu of katakana and kanji nouns has little of either.
const UNSPACED_COVERAGE = { jpn: 1, zho: 0.46 };
const UNSPACED_MIN = 5;
// Titles of other articles run together ("関連記事" and seven headlines) read like prose by their
// Hiragana; prose this long (two headlines' worth, twice the model's short line in these scripts)
// has a sentence end somewhere.
const UNSPACED_RUN_ON = 48;
export type Unspaced = keyof typeof UNSPACED_COVERAGE;

function features(b: Block, w: WordStats, lang: number | undefined, script: Unspaced | undefined): BlockFeatures {
  let stopwords: number;
  if (lang !== undefined) {
    stopwords = stopwordShare(w, lang);
  } else if (script && w.unspaced >= UNSPACED_MIN && (b.text.length < UNSPACED_RUN_ON || HAS_SENTENCE_END.test(b.text))) {
    stopwords = (script === 'jpn' ? w.kana : w.function) / w.unspaced / UNSPACED_COVERAGE[script];
  } else {
    // No list for the language: a block of sentences reads as stopword-rich, anything else not. In a
    // script without spaces a character carries about what three do in a spaced one.
    const long = b.words >= 10 || b.text.length >= 40 || w.unspaced >= 40 / 3;
    stopwords = HAS_SENTENCE_END.test(b.text) && long ? 0.35 : 0.1;
  }
  return { chars: b.text.length, words: b.words, stopwords, links: linkDensity(b), cls: 'bad' };
}

/**
 * Japanese where a tenth of the unspaced characters are Hiragana; Chinese where a twentieth are
 * function characters (plain Chinese prose: a fifth); else (Thai, Khmer ...) none.
 */
function unspacedScript(unspaced: number, kana: number, fn: number): Unspaced | undefined {
  if (kana >= 0.1 * unspaced) return 'jpn';
  return fn >= 0.05 * unspaced ? 'zho' : undefined;
}

/** Share of the block's characters in lone short text nodes (link texts), when it was several nodes. */
export function linkDensity(b: Block): number {
  if (b.parts.length < 2) return 0;
  let short = 0;
  let all = 0;
  for (const p of b.parts) {
    all += p.length;
    if (p.length < LINK_PIECE && !SENTENCE_END.test(p)) short += p.length;
  }
  return all ? short / all : 0;
}

/** Nothing but punctuation and symbols: no letter, no digit. */
export const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
// What joins the links of a sentence's enumeration (English words only: elsewhere, the commas).
const JOINER = /^(?:[,;&]|and|or)$/i;

/**
 * How many link pieces with words a block was joined from, when it reads as links run together (a
 * menu, a rail of headlines): link text above the limit, and not an enumeration, links joined by
 * commas or "and" in a sentence ("They include: A, B and C"). 0 otherwise.
 */
export function joinedLinks(b: Block, o: ArticleOptions): number {
  if (b.parts.length < 2 || linkDensity(b) <= o.maxLinkDensity) return 0;
  let joiners = 0;
  let worded = 0;
  for (const p of b.parts) {
    if (JOINER.test(p)) joiners++;
    else if (!NO_WORDS.test(p)) worded++;
  }
  return joiners >= 2 && joiners >= 0.5 * (worded - 1) ? 0 : worded;
}

const RUNS_ON_END = /[,;:–—-]$/;
const LOWER_START = /^\p{Ll}/u;

/** Does block a end mid-sentence, continued by b (a lower-case start, a trailing comma, a stopword)? */
function runsOn(a: Block, aWords: WordStats, b: Block, lang: number | undefined): boolean {
  if (SENTENCE_END.test(a.text)) return false;
  if (LOWER_START.test(b.text) || RUNS_ON_END.test(a.text)) return true;
  return aWords.last !== undefined && lang !== undefined && isStopword(lang, aWords.last);
}

function classify(f: BlockFeatures, o: ArticleOptions): BlockClass {
  if (f.links > o.maxLinkDensity) return 'bad';
  if (f.chars < o.lengthLow) return f.links > 0 ? 'bad' : 'short';
  if (f.stopwords >= o.stopwordsHigh) return f.chars > o.lengthHigh ? 'good' : 'near-good';
  if (f.stopwords >= o.stopwordsLow) return 'near-good';
  return 'bad';
}

/**
 * Every block's features and class from its own text. `excluded` blocks (taken by wording rules)
 * are bad whatever they say.
 */
export function classifyBlocks(blocks: Block[], excluded: ArrayLike<unknown>, o: ArticleOptions): BlockFeatures[] {
  const n = blocks.length;
  const words = blocks.map(wordStats);
  let chars = 0;
  for (const b of blocks) chars += b.text.length;
  const lang = detectLanguage(words.filter((_, i) => !excluded[i]), chars);
  // In a script without spaces (Chinese, Japanese, Thai) a character carries about what three
  // do in a spaced one: the length thresholds shrink to match.
  let unspaced = 0;
  let kana = 0;
  let fn = 0;
  for (const w of words) {
    unspaced += w.unspaced;
    kana += w.kana;
    fn += w.function;
  }
  const lengths = unspaced > 0.3 * chars ? { ...o, lengthLow: Math.round(o.lengthLow / 3), lengthHigh: Math.round(o.lengthHigh / 3) } : o;
  const script = lang === undefined && unspaced > 0.3 * chars ? unspacedScript(unspaced, kana, fn) : undefined;
  const f: BlockFeatures[] = blocks.map((b, i) => features(b, words[i], lang, script));
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

  return f;
}
