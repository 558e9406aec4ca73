import type { Block, CompiledRule } from './types.js';
import { claimedBefore, contextFree, mayMatchAt, newRound, type Proposal, type Round } from './detect/common.js';
import { blockAt, blockRule } from './detect/remove-block.js';
import { matchRule, spansAt } from './detect/remove-match.js';
import { candidates, dispatchOf } from './detect/dispatch.js';
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
  if (again) return detectAgain(blocks, rules);
  const n = blocks.length;
  const round = newRound(n, rules);
  // Each rule's proposals, in config order: the first proposal for a block is the one recorded.
  const byRule: Array<Proposal[] | undefined> = new Array(rules.length);
  // The rules that look at context (runs, positions, the blocks after a label) first, in order:
  // they never skip a block another rule took, so what they take does not depend on the rest.
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k];
    if (contextFree(rule)) continue;
    runRule(rule, k, blocks, (byRule[k] = []), round);
  }
  // Then the context-free rules block by block, each block reaching only the rules whose word
  // limit, first letters and literals it passes, in config order; a rule skips a block that one
  // before it in the config took whole, as when the rules ran one after another.
  const d = dispatchOf(rules, contextFree, round.index);
  const mask = new Int32Array(d.width);
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    if (!candidates(d, b, i, round, mask)) continue;
    for (let k = 0; k < d.width; k++) {
      for (let m = mask[k]; m !== 0; m &= m - 1) {
        const j = k * 32 + (31 - Math.clz32(m & -m));
        const rule = d.rules[j];
        round.rank = d.rank[j];
        if (claimedBefore(round, i)) continue;
        round.bit = d.bits[j];
        const out = (byRule[round.rank] ??= []);
        if (rule.action === 'remove-block') blockAt(rule, blocks, i, out, round);
        else if (mayMatchAt(rule, b, i, round)) spansAt(rule, b, i, out);
      }
    }
  }
  const out: Proposal[] = [];
  for (const list of byRule) if (list) for (let k = 0; k < list.length; k++) out.push(list[k]);
  return out;
}

/** A later round: context-free rules look only at blocks whose text the last round changed. */
function detectAgain(blocks: Block[], rules: CompiledRule[]): Proposal[] {
  const out: Proposal[] = [];
  const changed: Block[] = [];
  const index: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].changed) {
      changed.push(blocks[i]);
      index.push(i);
    }
  }
  const round = newRound(blocks.length, rules);
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k];
    if (contextFree(rule)) {
      if (changed.length === 0) continue;
      const local: Proposal[] = [];
      if (rule.action === 'remove-block') blockRule(rule, changed, local);
      else matchRule(rule, changed, local);
      for (const p of local) out.push({ ...p, from: index[p.from], to: index[p.to] });
      continue;
    }
    runRule(rule, k, blocks, out, round);
  }
  return out;
}

/** One rule over every block: the rule at config place `rank`, skipping what rules before it took. */
export function runRule(rule: CompiledRule, rank: number, blocks: Block[], out: Proposal[], round: Round): void {
  round.rank = rank;
  round.bit = round.index?.bits.get(rule) ?? 0;
  if (rule.action === 'remove-block') blockRule(rule, blocks, out, round);
  else if (rule.action === 'remove-match') matchRule(rule, blocks, out, round);
  else if (rule.action === 'remove-following') followingRule(rule, blocks, out, round);
  else if (rule.action === 'remove-section') sectionRule(rule, blocks, out, round);
  else rangeRule(rule, blocks, out, round);
}
