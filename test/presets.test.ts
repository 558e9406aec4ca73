import { describe, expect, it } from 'vitest';
import { PRESETS, PRESET_NAMES } from '../src/rules/presets.js';
import { compileRule } from '../src/rules/compile.js';
import { checkExamples } from '../src/rules/examples.js';
import { compileConfig } from '../src/rules/resolve.js';

describe('presets', () => {
  it('ships the presets the design names', () => {
    expect(PRESET_NAMES.sort()).toEqual(['ads', 'captions', 'comments', 'cookies', 'legal', 'meta', 'newsletter', 'promo', 'recommended', 'related', 'share']);
  });
  it('recommended holds every rule of every other preset, ids unique', () => {
    const all = compileConfig({ extends: ['recommended'] }).rules.map((r) => r.id);
    const each = PRESET_NAMES.filter((n) => n !== 'recommended').flatMap((n) => PRESETS[n].rules.map((r) => r.id));
    expect(all.sort()).toEqual([...new Set(each)].sort());
    expect(new Set(each).size).toBe(each.length);
  });
  for (const name of PRESET_NAMES) {
    for (const spec of PRESETS[name].rules) {
      it(`${spec.id}: has a description and an example that removes, and every example holds`, () => {
        expect(spec.id.startsWith(`${name}/`)).toBe(true);
        expect(spec.description).toBeTruthy();
        const examples = spec.examples ?? [];
        expect(examples.some((e) => e.removed === true || (e.output !== undefined && e.output !== e.input))).toBe(true);
        expect(checkExamples(compileRule(spec, name))).toEqual([]);
      });
    }
  }
});
