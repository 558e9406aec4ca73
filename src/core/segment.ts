import type { Block } from './types.js';
import { cleanCharacters } from './decode.js';

// A line that opens with one of these closes the sentence the previous line left open
// ("provided by " / "Tidewater" / ". Powered by"). Straight quotes count only when they close something:
// a line that starts with `"It's…` opens a new quoted paragraph.
const CLOSING = /^(?:[.,;:)!?\]}%’”]|["'](?=[\s.,;:!?)]|$))/;
const TERMINAL = /[.!?:"”’)\]]$/;
const INDENT = /^(?:\t| {2,})/;

export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Runs of white space to one space, trimmed. Most lines need nothing, so look before copying. */
export function fold(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  let clean = text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32;
  for (let i = 0; clean && i < n; i++) {
    const c = text.charCodeAt(i);
    // Any white space other than a single plain space between words needs the full fold.
    if (c === 32 ? text.charCodeAt(i + 1) === 32 : c < 32 || (c > 126 && /\s/.test(text[i]))) clean = false;
  }
  return clean ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * Does `line` carry on the paragraph that `prev` belongs to? Inline link texts land on lines of
 * their own, so a line continues its predecessor when the seam between them is open: the
 * previous line ends in white space, or this one starts with white space or closing punctuation.
 * Deep indentation after a finished sentence is the source's formatting of a new element, not a seam.
 */
export function continues(prev: string, line: string): boolean {
  if (/\s$/.test(prev)) return true;
  if (CLOSING.test(line)) return true;
  if (/^\s/.test(line)) return !(INDENT.test(line) && TERMINAL.test(prev));
  return false;
}

/** Rejoin text-node fragments into paragraphs, keeping each paragraph's input line range. */
export function segment(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let first = 0;
  let prev = '';
  const close = (last: number) => {
    if (parts.length === 0) return;
    const text = fold(parts.join(''));
    if (text) {
      blocks.push({
        text,
        parts: parts.length === 1 ? [text] : parts.map(fold).filter(Boolean),
        first,
        last,
        words: wordCount(text),
      });
    }
    parts = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = cleanCharacters(lines[i]);
    if (line.trim() === '') {
      close(i);
      prev = '';
      continue;
    }
    if (parts.length > 0 && !continues(prev, line)) close(i);
    if (parts.length === 0) first = i + 1;
    parts.push(line);
    prev = line;
  }
  close(lines.length);
  return blocks;
}
