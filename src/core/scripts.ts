// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): a
// count of words by spaces says nothing there, and neither do stopword lists.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

// Every character of those scripts lies in these ranges; curly quotes, dashes and the rest of
// U+2000-U+2E7F, common in Latin text, do not, so most text skips the script scan.
const MAY_BE_UNSPACED = /[\u0e00-\u1fff\u2e80-\uffff]/;

/** How many characters of the text are in scripts without spaces. */
export const unspacedChars = (text: string): number => (MAY_BE_UNSPACED.test(text) ? (text.match(UNSPACED)?.length ?? 0) : 0);

// A word of letters or digits of another script, inside a token.
const SPACED_WORD = /[\p{L}\p{N}]/u;

/**
 * What to add to a count of words by spaces for the text's words in those scripts: about one word
 * for every two and a half characters (a Japanese or Chinese word is two or three), less the one
 * the space count already gave a token that holds nothing else. Without this a Japanese paragraph
 * of 300 characters was one word, and no rule's word limit kept it. (Token by token with linear
 * scans: a pattern for "a token with such a character in it" backtracked over long tokens.)
 */
export function unspacedWords(text: string): number {
  if (!MAY_BE_UNSPACED.test(text)) return 0;
  let add = 0;
  for (const token of text.split(' ')) {
    if (!MAY_BE_UNSPACED.test(token)) continue;
    const u = token.match(UNSPACED)?.length ?? 0;
    if (u === 0) continue;
    add += Math.ceil(u / 2.5);
    if (!SPACED_WORD.test(token.replace(UNSPACED, ''))) add--;
  }
  return add;
}
