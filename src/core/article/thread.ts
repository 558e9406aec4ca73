// Reader comments and news feeds after an article: a run of blocks stamped with a date and a time
// of day ("Posted by Ann on January 6, 2008 2:09 PM", "August 8, 2018 at 7:21 pm", "4/7/2017 at
// 5:36 p.m."). Their text reads as prose, often more of it than the article has, so the region step
// alone keeps them; the stamps are what sets them apart. A live blog stamps its entries with a time
// alone, and an event list with a date alone: neither is a thread.
import type { Block } from '../types.js';
import { SENTENCE_END } from './classify.js';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  `\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{2,4})\\b`,
  'gi',
);
const TIME = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?(?![a-z]))?/gi;
// What a stamp may hold besides its date and time: a name, "posted by … on", a time zone, "|".
const MAX_STAMP_WORDS = 20;
const MAX_OTHER_WORDS = 7;
/** Stamps further apart than this are not one thread. */
const MAX_COMMENT_BLOCKS = 15;
const MIN_STAMPS = 3;

// Most blocks hold no time of day: one cheap test before the full patterns.
const CLOCK = /\d[:.]\d\d/;

const POSTED = /^(?:posted|submitted|written|commented) by:?\s/i;
const GLUED_STAMP_WORDS = 14;

function isStamp(b: Block): boolean {
  if (!CLOCK.test(b.text)) return false;
  let t = b.text;
  // A signature that runs on into the comment's text ("Posted by: Ann, Leeds on 5:17pm Thu 17
  // Jan 08 I disagree with ..."): "posted by" first, then a date and a time in its first words.
  const glued = b.words > MAX_STAMP_WORDS;
  if (glued) {
    if (!POSTED.test(t)) return false;
    t = t.split(' ').slice(0, GLUED_STAMP_WORDS).join(' ');
  }
  DATE.lastIndex = 0;
  TIME.lastIndex = 0;
  if (!DATE.test(t) || !TIME.test(t)) return false;
  if (glued) return true;
  const rest = t.replace(DATE, ' ').replace(TIME, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return rest.length <= MAX_OTHER_WORDS;
}

export interface Thread {
  /** Its first stamp. */
  start: number;
  /** Blocks of prose between its first and last stamp (comment bodies; a feed or a schedule has none). */
  prose: number;
}

/**
 * The first thread of stamped blocks, or undefined: at least MIN_STAMPS stamps, each within
 * MAX_COMMENT_BLOCKS of the one before.
 */
export function findThread(blocks: Block[]): Thread | undefined {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < blocks.length; i++) {
    // Stamps that a wording rule took (a date line) count all the same.
    if (!isStamp(blocks[i])) continue;
    if (last >= 0 && i - last > MAX_COMMENT_BLOCKS) {
      if (count >= MIN_STAMPS) break;
      count = 0;
    }
    if (count === 0) first = i;
    last = i;
    count++;
  }
  if (count < MIN_STAMPS) return undefined;
  let prose = 0;
  for (let i = first; i <= last; i++) if (blocks[i].words >= 5 && SENTENCE_END.test(blocks[i].text)) prose++;
  return { start: first, prose };
}
