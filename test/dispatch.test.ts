import { describe, expect, it } from 'vitest';
import { fixtureTexts } from './helpers/fixture-texts.js';
import { compileConfig } from '../src/index.js';
import { detect, runRule, type Proposal } from '../src/core/detect.js';
import { newRound } from '../src/core/detect/common.js';
import { toBlocks } from '../src/core/to-blocks.js';
import type { Block, CompiledRule } from '../src/core/types.js';

// detect reaches the context-free rules block by block through tables; what it proposes must be
// what the rules proposed when each ran over every block in config order, skipping the blocks a
// rule before it had taken.
function oneRuleAtATime(blocks: Block[], rules: CompiledRule[]): Proposal[] {
  const out: Proposal[] = [];
  const round = newRound(blocks.length, rules);
  rules.forEach((rule, k) => runRule(rule, k, blocks, out, round));
  return out;
}

let seed = 20261129;
const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);

describe('rule dispatch', () => {
  const docs = fixtureTexts().map((t) => toBlocks(t).blocks);
  const preset = compileConfig().rules;

  it('proposes what the rules proposed one at a time, on every fixture with the default rules', () => {
    let proposals = 0;
    for (const blocks of docs) {
      const got = detect(blocks, preset);
      expect(got).toEqual(oneRuleAtATime(blocks, preset));
      proposals += got.length;
    }
    expect(proposals).toBeGreaterThan(100);
  });

  it('keeps config order and first claims when the rules come in other orders and subsets', () => {
    // Shuffled lists put context rules (runs, labels, sections) before and after the ones the
    // tables reach, so a block taken by either must be skipped by exactly the rules after it.
    let differs = 0;
    for (let n = 0; n < 60; n++) {
      const rules = preset.filter(() => rand(4) !== 0);
      for (let i = rules.length - 1; i > 0; i--) {
        const j = rand(i + 1);
        [rules[i], rules[j]] = [rules[j], rules[i]];
      }
      for (const blocks of docs) {
        const want = oneRuleAtATime(blocks, rules);
        expect(detect(blocks, rules)).toEqual(want);
        if (want.length !== oneRuleAtATime(blocks, preset).length) differs++;
      }
    }
    // The subsets must change what is found, or the check says nothing about order and claims.
    expect(differs).toBeGreaterThan(100);
  });

  it('reads word limits past its table and more than one word of rule bits', () => {
    const config = {
      extends: ['recommended'],
      rules: Array.from({ length: 40 }, (_, k) => ({ id: `local/long-${k}`, match: "phrase" as const, pattern: `zz${k} marker`, maxWords: k % 2 ? 5000 : 3 })),
    };
    const rules = compileConfig(config).rules;
    const long = Array.from({ length: 1500 }, (_, k) => `word${k}`).join(' ');
    const text = `Intro line here.\n\n${long} zz1 marker and zz2 marker.\n\nzz2 marker\n\nzz4 marker ok\n\nzz39 marker`;
    const blocks = toBlocks(text).blocks;
    const got = detect(blocks, rules);
    expect(got).toEqual(oneRuleAtATime(blocks, rules));
    // The 1,500-word block is within the 5,000-word limit of zz1 only; the short ones within the 3-word limit.
    expect(got.map((p) => p.rule).sort()).toEqual(['local/long-1', 'local/long-2', 'local/long-39', 'local/long-4'].sort());
  });

  it('span rules with a block word limit: the table and the rule run alone agree, past the table too', () => {
    const config = {
      extends: ['recommended'],
      rules: Array.from({ length: 36 }, (_, k) => ({
        id: `local/span-${k}`,
        match: 'phrase' as const,
        pattern: `zz${k} marker`,
        action: 'remove-match' as const,
        maxBlockWords: [3, 8, 5000][k % 3],
      })),
    };
    const rules = compileConfig(config).rules;
    const long = Array.from({ length: 1500 }, (_, k) => `word${k}`).join(' ');
    const text = `Intro line here.\n\n${long} zz2 marker and zz4 marker.\n\nzz0 marker\n\nzz1 marker in six words here\n\nzz3 marker ok`;
    const blocks = toBlocks(text).blocks;
    const got = detect(blocks, rules);
    expect(got).toEqual(oneRuleAtATime(blocks, rules));
    // 1,500 words: only the 5,000-word limit (zz2); zz4's limit is 8. Six words: within 8 (zz1), not 3.
    expect(got.map((p) => p.rule).sort()).toEqual(['local/span-0', 'local/span-1', 'local/span-2', 'local/span-3'].sort());
  });
});
