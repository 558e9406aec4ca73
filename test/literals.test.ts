import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../src/rules/literals.js';
import { needlesFor } from '../src/rules/compile.js';
import { PRESETS } from '../src/rules/presets.js';
import { compileRule } from '../src/rules/compile.js';
import { mayMatch } from '../src/core/detect.js';
import { segment } from '../src/core/segment.js';
import { leadOf } from '../src/rules/lead.js';
import { leadKeys } from '../src/core/prefilter.js';

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
    // A symbol outside ASCII has no case and is rare: a needle alone.
    ['\\S.{10,200}\\s»$|\\S.{10,200}\\s›$', ['»', '›']],
    ['© Harbour Herald', ['© harbour herald']],
  ])('%s → %j', (source, want) => {
    expect(requiredLiterals(source)?.map((s) => s.trim())).toEqual(want.map((s) => s.trim()));
  });
  // Letters beyond ASCII fold in ways a lower-cased needle misses (ſ, K); so does a symbol with case (Ⓐ/ⓐ).
  it.each(['a(b|c)d', 'x{2,}yz', 'foo|ba', '(unbalanced', '\\p{Lu}+', 'caf\\u00e9 au lait', '(?:abc)?', 'Ⓐ', 'ab', 'é'])('gives up on %s', (source) => {
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

describe('first-letter index of an anchored regex', () => {
  it.each([
    ['^(?:foo|bar)', '', { plain: 'bf' }],
    ['^\\W*(?:Click|tap) here', 'i', { word: 'ct' }],
    ['^(?:abc)?def', '', { plain: 'ad' }],
    ['^(?=x)y', '', { plain: 'y' }],
    ['^\\p{Lu}\\w+', 'u', { plain: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' }],
    ['^[Pp]hoto|^\\W*credit', 'i', { plain: 'p', word: 'c' }],
    ['^(?:\\d+ of \\d+|next)', 'i', { plain: '0123456789n' }],
  ])('%s /%s → %j', (source, flags, want) => {
    expect(leadOf(source, flags)).toEqual(want);
  });
  it.each([
    ['foo', ''],
    ['^(?:a|b)|c', ''],
    ['^.foo', ''],
    ['^[^a]b', ''],
    ['^x*', ''],
    ['^\\W*(?:»|more)', ''],
    ['^ſ', 'i'],
    ['^foo', 'm'],
    ['^[[^a]]x', 'v'],
    ['^\\1', ''],
    ['^\\w', ''],
  ])('gives up on %s /%s', (source, flags) => {
    expect(leadOf(source, flags)).toBeUndefined();
  });
  it('the literal prefilter folds the long s as /iu does (COOKIEſ is "cookies" to the regex)', () => {
    const rule = compileRule({ id: 'a/b', match: 'regex', pattern: 'cookies', flags: 'i' });
    expect(rule.needles).toEqual(['cookies']);
    for (const text of ['We use COOKIEſ here', 'ſhare cookieſ']) {
      const [block] = segment([text]);
      expect(rule.test.test(text)).toBe(true);
      expect(mayMatch(rule, block)).toBe(true);
    }
  });
  it('reads [^\\p{L}\\p{N}_]* before the words as it reads \\W* (the two agree over ASCII, where keys are made)', () => {
    expect(leadOf('^[^\\p{L}\\p{N}_]*(?:follow|like) us', 'iu')).toEqual({ word: 'fl' });
    expect(leadOf('^[^\\p{L}\\p{N}_]*(?:follow|like) us', 'iu')).toEqual(leadOf('^\\W*(?:follow|like) us', 'iu'));
    // Without the underscore the class skips it, which \\W* does not: no key then.
    expect(leadOf('^[^\\p{L}\\p{N}]*(?:follow|like) us', 'iu')).toBeUndefined();
  });
  it('keys: the first character, and the first ASCII word character after ASCII punctuation', () => {
    const code = (c: string) => c.charCodeAt(0);
    expect(leadKeys('» Follow us')).toEqual({ plain: -1, word: -1 });
    expect(leadKeys('-- Follow us')).toEqual({ plain: code('-'), word: code('F') });
    expect(leadKeys('(AP Photo)')).toEqual({ plain: code('('), word: code('A') });
    expect(leadKeys('…')).toEqual({ plain: -1, word: -1 });
  });
  it('never skips a block that a preset rule matches, whatever comes first (seeded random prefixes)', () => {
    // Start characters chosen to probe the index: case, Unicode case folding (ſ, K), punctuation
    // that \W* skips, quotes and spaces beyond ASCII, digits.
    const starts = ['', 'A', 'a', 'ſ', 'K', 'k', '»', '“', '"', '(', '- ', '--', '\u00a0', '1', 'É', '_', '• ', '© '];
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
    let checked = 0;
    for (const preset of Object.values(PRESETS)) {
      for (const spec of preset.rules) {
        const rule = compileRule(spec, preset.name);
        for (const ex of spec.examples ?? []) {
          for (const line of ex.input.split('\n')) {
            for (let k = 0; k < 24; k++) {
              const cut = rand(3);
              const text = starts[rand(starts.length)] + (cut ? line.slice(cut) : line);
              for (const block of segment([text])) {
                if (rule.scope === 'block' && rule.test.test(block.text)) {
                  checked++;
                  expect(mayMatch(rule, block), `${spec.id} on ${JSON.stringify(block.text)}`).toBe(true);
                }
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
