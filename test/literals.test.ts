import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../src/rules/literals.js';
import { needlesFor } from '../src/rules/compile.js';
import { PRESETS } from '../src/rules/presets.js';
import { compileRule } from '../src/rules/compile.js';
import { mayMatch } from '../src/core/detect.js';
import { segment } from '../src/core/segment.js';

describe('required literals of a regex', () => {
  it.each([
    ['\\bcookie\\s+policy\\b', ['cookie policy']],
    ['colou?r scheme', ['r scheme']],
    ['ab?cdef', ['cdef']],
    ['[abc]def', ['def']],
    ['(?=foo)barbaz', ['barbaz']],
    ['^(?:Use of this (?:site|website) constitutes)', ['use of this ']],
    ['cats|dogs', ['cats', 'dogs']],
    ['Copyright \\d{4}', ['copyright']],
  ])('%s → %j', (source, want) => {
    expect(requiredLiterals(source)?.map((s) => s.trim())).toEqual(want.map((s) => s.trim()));
  });
  it.each(['a(b|c)d', 'x{2,}yz', 'foo|ba', '(unbalanced', '\\p{Lu}+', 'caf\\u00e9 au lait', '(?:abc)?'])('gives up on %s', (source) => {
    expect(requiredLiterals(source)).toBeUndefined();
  });
  it('literal kinds use the folded pattern, and nothing for non-ASCII', () => {
    expect(needlesFor('phrase', ['All  Rights Reserved', 'Copyright'])).toEqual(['all rights reserved', 'copyright']);
    expect(needlesFor('exact', 'Café')).toBeUndefined();
  });
  it('never skips a block that a preset rule matches (every preset example, every fixture block)', () => {
    // The prefilter must be a pure speed-up: wherever a rule's regex matches, mayMatch must say yes.
    for (const preset of Object.values(PRESETS)) {
      for (const spec of preset.rules) {
        const rule = compileRule(spec, preset.name);
        for (const ex of spec.examples ?? []) {
          for (const block of segment(ex.input.split('\n'))) {
            if (rule.test.test(block.text) || (rule.scope === 'line' && block.parts.some((p) => rule.test.test(p)))) {
              expect(mayMatch(rule, block), `${spec.id} on ${block.text}`).toBe(true);
            }
          }
        }
      }
    }
  });
});
