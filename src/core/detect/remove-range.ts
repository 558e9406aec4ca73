// remove-range: from a block matching the start to the nearest block matching the end.
import type { Block, CompiledRule } from '../types.js';
import { claim, hitAt, quote, type Proposal, type Round } from './common.js';

// A range that never closes would swallow the rest of the article, so it must close this soon.
const MAX_RANGE_BLOCKS = 30;

export function rangeRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round: Round): void {
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    const hit = hitAt(rule, blocks, i, round);
    if (hit === undefined || !rule.end) continue;
    for (let j = i; j < n && j - i < MAX_RANGE_BLOCKS; j++) {
      if (blocks[j].words > rule.maxWords) break;
      const endHit = rule.end.exec(blocks[j].text);
      if (endHit && (j > i || endHit.index >= 0)) {
        out.push({ rule: rule.id, reason: `range from ${quote(hit)} to ${quote(endHit[0])}`, from: i, to: j });
        claim(round, i, j);
        i = j;
        break;
      }
    }
  }
}

