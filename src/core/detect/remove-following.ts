// remove-following: a label ("Read more:") and the headlines after it.
import type { Block, CompiledRule } from '../types.js';
import { claim, hitAt, quote, type Proposal, type Round } from './common.js';

export function followingRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round: Round): void {
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    const hit = hitAt(rule, blocks, i, round);
    if (hit === undefined) continue;
    let to = i;
    // The following blocks are headlines and links; a long one is the story resuming, so stop there.
    while (to < n - 1 && to - i < rule.count && blocks[to + 1].words <= rule.maxWords) to++;
    const reason = `matched ${quote(hit)} and the ${to - i} block(s) after it`;
    out.push(rule.label ? { rule: rule.id, reason, from: i, to, label: true } : { rule: rule.id, reason, from: i, to });
    claim(round, i, to);
    i = to;
  }
}

