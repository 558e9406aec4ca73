// remove-match: spans inside a block (or whole lines of it, with line scope).
import type { Block, CompiledRule } from '../types.js';
import { wordCount } from '../segment.js';
import { blockLimit, claimedBefore, contextFree, inPosition, mayMatchAt, quote, type Proposal, type Round } from './common.js';

export function matchRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round?: Round): void {
  const n = blocks.length;
  // Spans in a block that a whole-block proposal took are never applied.
  const free = contextFree(rule);
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    if ((free && claimedBefore(round, i)) || b.words > (blockLimit(rule) ?? Infinity)) continue;
    if (!inPosition(rule, i, n) || !mayMatchAt(rule, b, i, round)) continue;
    spansAt(rule, b, i, out);
  }
}

/** The spans the rule matches in block i (its prefilters already passed). */
export function spansAt(rule: CompiledRule, b: Block, i: number, out: Proposal[]): void {
  if (rule.scope === 'line') {
    let offset = 0;
    for (const part of b.parts) {
      const at = b.text.indexOf(part, offset);
      if (at >= 0) offset = at + part.length;
      if (at < 0 || !rule.test.test(part) || wordCount(part) > rule.maxWords) continue;
      out.push({ rule: rule.id, reason: `line matched ${quote(part)}`, from: i, to: i, span: { start: at, end: at + part.length } });
    }
    return;
  }
  rule.all.lastIndex = 0;
  for (let m = rule.all.exec(b.text); m; m = rule.all.exec(b.text)) {
    if (m[0].length === 0) {
      rule.all.lastIndex++;
      continue;
    }
    if (wordCount(m[0].trim()) > rule.maxWords) continue;
    out.push({ rule: rule.id, reason: `matched ${quote(m[0].trim())}`, from: i, to: i, span: { start: m.index, end: m.index + m[0].length } });
  }
}
