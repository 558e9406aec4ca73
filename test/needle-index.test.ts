import { describe, expect, it } from 'vitest';
import { fixtureTexts } from './helpers/fixture-texts.js';
import { compileConfig } from '../src/index.js';
import { mayMatchAt, newRound } from '../src/core/detect/common.js';
import { toBlocks } from '../src/core/to-blocks.js';
import { leadAllows, leadKeys, leadMask, maskAllows } from '../src/core/prefilter.js';
import { needleIndex, scanNeedles } from '../src/core/detect/needle-index.js';
import type { Block, CompiledRule } from '../src/core/types.js';

// The round's prefilter (one automaton scan for every rule's literals, first letters read from a
// table) must answer exactly what the plain checks answer: a rule looks at a block when its first
// letter allows it and the block holds one of its literals.
const plain = (rule: CompiledRule, b: Block) =>
  (!rule.lead || leadAllows(rule.lead, rule.test.ignoreCase, b.keys)) && (!rule.needles || rule.needles.some((n) => b.lower.includes(n)));

describe('the literal index', () => {
  it('lets a rule look at the same blocks as the plain checks, on every fixture block and its variants', () => {
    const rules = compileConfig().rules;
    const blocks = fixtureTexts().flatMap((t) => toBlocks(t).blocks);
    // Literals cut short, run together, in other cases, at the very end: where a scan goes wrong.
    const needles = rules.flatMap((r) => r.needles ?? []);
    const made = needles.flatMap((n) => [n, n.toUpperCase(), `x${n}`, `${n.slice(0, -1)} ${n}`, n.slice(1), `${n}${n}`, `Read: ${n.slice(0, 4)}${n}`]);
    const all = [...blocks, ...toBlocks(made.join('\n\n')).blocks];
    let looked = 0;
    let skipped = 0;
    const round = newRound(all.length, rules);
    for (const rule of rules) {
      round.bit = round.index?.bits.get(rule) ?? 0;
      for (let i = 0; i < all.length; i++) {
        const want = plain(rule, all[i]);
        expect(mayMatchAt(rule, all[i], i, round), `${rule.id} on ${JSON.stringify(all[i].text.slice(0, 80))}`).toBe(want);
        if (want) looked++;
        else skipped++;
      }
    }
    expect(looked).toBeGreaterThan(1000);
    expect(skipped).toBeGreaterThan(10000);
  });

  it('finds overlapping literals, one inside another, and none in text that lacks them', () => {
    const rule = (id: string, needles: string[]) => ({ id, needles }) as unknown as CompiledRule;
    const rules = [rule('a', ['he', 'she']), rule('b', ['hers']), rule('c', ['his'])];
    const index = needleIndex(rules)!;
    const bit = (id: string) => index.bits.get(rules.find((r) => r.id === id)!)!;
    expect(scanNeedles(index, 'ushers')).toBe(bit('a') | bit('b'));
    expect(scanNeedles(index, 'this')).toBe(bit('c'));
    expect(scanNeedles(index, 'h e s h i')).toBe(0);
    expect(scanNeedles(index, '')).toBe(0);
  });

  it('reads first letters from a table as leadAllows reads them from strings', () => {
    for (const rule of compileConfig().rules) {
      if (!rule.lead) continue;
      const mask = leadMask(rule.lead, rule.test.ignoreCase);
      for (let c = 0; c < 128; c++) {
        for (const text of [String.fromCharCode(c) + 'x y', `-- ${String.fromCharCode(c)}x`, `» ${String.fromCharCode(c)}`]) {
          const keys = leadKeys(text);
          expect(maskAllows(mask, keys), `${rule.id} on ${JSON.stringify(text)}`).toBe(leadAllows(rule.lead, rule.test.ignoreCase, keys));
        }
      }
    }
  });
});
