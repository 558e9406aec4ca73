// C0 controls other than tab and newline never belong in article text; a stray one (often a NUL
// from a truncated download) is dropped with a warning rather than passed on to the output.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

export interface Normalized {
  lines: string[];
  warnings: string[];
}

/** Strip a BOM, unify line ends to `\n`, drop control characters, and split into lines. */
export function normalize(input: string): Normalized {
  const warnings: string[] = [];
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  CONTROL.lastIndex = 0;
  if (CONTROL.test(text)) {
    let n = 0;
    text = text.replace(CONTROL, () => {
      n++;
      return '';
    });
    warnings.push(`removed ${n} control character${n === 1 ? '' : 's'}`);
  }
  return { lines: text.split('\n'), warnings };
}
