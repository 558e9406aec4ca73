import type { Block, CompiledRule } from './types.js';
import { contextFree, newRound, type Proposal } from './detect/common.js';
import { blockRule } from './detect/remove-block.js';
import { matchRule } from './detect/remove-match.js';
import { followingRule } from './detect/remove-following.js';
import { rangeRule } from './detect/remove-range.js';
import { sectionRule } from './detect/remove-section.js';

export type { Proposal } from './detect/common.js';
export { mayMatch } from './detect/common.js';

/**
 * Run every rule over the blocks and collect what each proposes to remove. With `again`, this is
 * a later round: context-free rules look only at blocks whose text the last round changed.
 */
export function detect(blocks: Block[], rules: CompiledRule[], again = false): Proposal[] {
  const out: Proposal[] = [];
  const n = blocks.length;
  const round = newRound(n, rules);
  let changed: Block[] | undefined;
  let index: number[] | undefined;
  for (const rule of rules) {
    if (again && contextFree(rule)) {
      if (!changed) {
        changed = [];
        index = [];
        for (let i = 0; i < blocks.length; i++) {
          if (blocks[i].changed) {
            changed.push(blocks[i]);
            index.push(i);
          }
        }
      }
      if (changed.length === 0) continue;
      const local: Proposal[] = [];
      if (rule.action === 'remove-block') blockRule(rule, changed, local);
      else matchRule(rule, changed, local);
      for (const p of local) out.push({ ...p, from: index![p.from], to: index![p.to] });
      continue;
    }
    round.bit = round.index?.bits.get(rule) ?? 0;
    if (rule.action === 'remove-block') blockRule(rule, blocks, out, round);
    else if (rule.action === 'remove-match') matchRule(rule, blocks, out, round);
    else if (rule.action === 'remove-following') followingRule(rule, blocks, out, round);
    else if (rule.action === 'remove-section') sectionRule(rule, blocks, out, round);
    else rangeRule(rule, blocks, out, round);
  }
  return out;
}
