import { RE2JS } from 're2js';
import type { Pattern } from '../core/types.js';

// Flags a user may give a regex rule, and what RE2 makes of them. u and v change nothing: RE2
// always matches by code point and knows \p{…}.
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, s: RE2JS.DOTALL, m: RE2JS.MULTILINE, u: 0, v: 0, g: 0 };

/**
 * A user's regex rule run by RE2 (re2js, a pure-JavaScript port): matching takes time linear in
 * the text whatever the pattern, so a rule like `(a+)+$` cannot hang a pre-commit hook. RE2 has no
 * backreferences and no lookaround; such a pattern is refused when the config loads. Shaped like
 * the RegExp the core's detectors use (exec, test, lastIndex with g).
 */
export class Re2Pattern implements Pattern {
  lastIndex = 0;
  readonly ignoreCase: boolean;
  private readonly re: RE2JS;
  private readonly global: boolean;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    let bits = 0;
    for (const f of flags) {
      if (!(f in FLAGS)) throw new SyntaxError(`flag "${f}" is not supported (RE2 takes i, s, m; u and v are implied)`);
      bits |= FLAGS[f];
    }
    this.re = RE2JS.compile(source, bits);
    this.ignoreCase = flags.includes('i');
    this.global = flags.includes('g');
  }

  exec(text: string): { 0: string; index: number } | null {
    const from = this.global ? this.lastIndex : 0;
    const m = this.re.matcher(text);
    if (from > text.length || !m.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const start = m.start();
    const end = m.end();
    if (this.global) this.lastIndex = end;
    return { 0: text.slice(start, end), index: start };
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

/** Compile a user's regex for RE2; the message of a refused pattern says what RE2 lacks. */
export function re2(source: string, flags: string): Re2Pattern {
  try {
    return new Re2Pattern(source, flags);
  } catch (err) {
    const message = (err as Error).message.replace(/^error parsing regexp: /, '');
    const hint = /\\[1-9]|\(\?[=!<]/.test(source) ? ' (RE2 runs in linear time and has no backreferences or lookaround)' : '';
    throw new SyntaxError(`${message}${hint}`);
  }
}
