import { matching, PUNCT_ESCAPES, splitTop } from './regex-source.js';

/**
 * Literals that every match of a regex must contain: one per top-level alternative, the longest
 * run of plain characters that the alternative cannot skip. Returns undefined when any
 * alternative has no such run of at least `min` characters, or the source holds something this
 * reader does not follow; then the rule simply runs on every block. Conservative by design: a
 * literal it returns must be in the text for the regex to match.
 */
export function requiredLiterals(source: string, min = 3): string[] | undefined {
  const alternatives = splitTop(source);
  if (!alternatives) return undefined;
  const out: string[] = [];
  for (const alt of alternatives) {
    const best = longestRun(alt);
    if (best === undefined || (best.length < min && !(RARE_SYMBOL.test(best) && foldsSafely(best)))) return undefined;
    out.push(best);
  }
  return out;
}

const QUANTIFIER = /^(?:[?*+]|\{\d*(?:,\d*)?\})/;
// One symbol outside ASCII (», ©, ™): rare enough in text to be a needle alone, where a short
// ASCII run is not.
const RARE_SYMBOL = /^[^\x00-\x7f\p{L}\p{N}\p{Z}]$/u;
// Characters a lower-cased needle finds whatever the case of the text: ASCII, and symbols and
// punctuation outside it that have no case (not Ⓐ/ⓐ).
const foldsSafely = (lit: string) =>
  [...lit].every((c) => (c >= ' ' && c <= '~') || (RARE_SYMBOL.test(c) && c.toLowerCase() === c.toUpperCase()));

/** The longest run of characters that an alternative always matches literally, lower-cased. */
function longestRun(alt: string): string | undefined {
  let best = '';
  let run = '';
  const end = () => {
    if (run.trim().length > best.trim().length) best = run;
    run = '';
  };
  let i = 0;
  while (i < alt.length) {
    const ch = alt[i];
    let atom: string | undefined;
    let next = i + 1;
    if (ch === '\\') {
      const e = alt[i + 1];
      if (e === undefined) return undefined;
      next = i + 2;
      if (PUNCT_ESCAPES.has(e)) atom = e;
      else if (e === 's') atom = ' ';
      else if (e === 'p' || e === 'P' || e === 'u' || e === 'x' || e === 'k' || e === 'c') return undefined;
      else if (/\d/.test(e)) return undefined;
      // \b \B \d \w \S …: not a literal; the run stops here.
    } else if (ch === '(' || ch === '[') {
      // A group or class breaks the run. A plain group that must match, with no alternation inside,
      // still holds required literals of its own: they are candidates too.
      const close = matching(alt, i);
      if (close < 0) return undefined;
      next = close + 1;
      if (ch === '(' && !/^\?[=!<]/.test(alt.slice(i + 1)) && !QUANTIFIER.test(alt.slice(next))) {
        const inner = alt.slice(alt.startsWith('(?:', i) ? i + 3 : i + 1, close);
        const parts = splitTop(inner);
        if (parts && parts.length === 1) {
          const lit = longestRun(inner);
          end();
          if (lit && lit.length > best.trim().length) best = lit;
        }
      }
    } else if (ch === '.' || ch === '^' || ch === '$') {
      atom = undefined;
    } else if (ch === ')' || ch === ']' || ch === '|') {
      return undefined;
    } else {
      atom = ch;
    }
    const q = QUANTIFIER.exec(alt.slice(next));
    if (q) {
      next += q[0].length;
      if (alt[next] === '?') next++;
      // `x+` still needs one x, and `\s+` one space, but then the run cannot go on past it.
      if (q[0] === '+' && atom === ' ') run += ' ';
      else if (q[0] === '+' && atom !== undefined) {
        run += atom;
        end();
      } else end();
      i = next;
      continue;
    }
    if (atom === undefined) end();
    else run += atom;
    i = next;
  }
  end();
  // Folded text has single spaces; a run may start or end at a \s it needs, so trim it.
  const lit = best.trim().replace(/ +/g, ' ').toLowerCase();
  // Case folding beyond ASCII (ſ, K) would make a lower-cased literal miss; keep to ASCII and to
  // symbols and punctuation outside it, which have no case.
  return foldsSafely(lit) ? lit : undefined;
}
