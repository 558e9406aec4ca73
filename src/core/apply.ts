import type { Block, Removal } from './types.js';
import type { Decision } from './decide.js';
import { fold, makeBlock } from './segment.js';

// What is left of a block once spans are cut out: if it holds no letter or digit, it goes too.
const NOTHING_LEFT = /^[^\p{L}\p{N}]*$/u;

export interface Applied {
  kept: Block[];
  removed: Removal[];
}

/** Remove what the decision took: whole blocks, and spans cut out of the blocks that stay. */
export function apply(blocks: Block[], decision: Decision): Applied {
  const { owner, spans } = decision;
  const kept: Block[] = [];
  const removed: Removal[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const p = owner[i];
    if (p) {
      removed.push({ rule: p.rule, reason: p.reason, text: b.text, lines: [b.first, b.last] });
      continue;
    }
    const cuts = spans.get(i);
    if (!cuts) {
      // Blocks live only inside one clean() call, so the flag can be reset in place.
      b.changed = false;
      kept.push(b);
      continue;
    }
    // Cut from the end so earlier offsets stay valid; skip a span that overlaps one already cut.
    cuts.sort((a, c) => c.span!.start - a.span!.start);
    let text = b.text;
    let limit = Infinity;
    for (const c of cuts) {
      const { start, end } = c.span!;
      if (end > limit) continue;
      removed.push({ rule: c.rule, reason: c.reason, text: text.slice(start, end).trim(), lines: [b.first, b.last] });
      const left = text.slice(0, start).trimEnd();
      const right = text.slice(end).trimStart();
      text = left && right && !/^[.,;:!?)\]]/.test(right) ? `${left} ${right}` : left + right;
      limit = start;
    }
    text = fold(text);
    if (NOTHING_LEFT.test(text)) {
      if (text) removed.push({ rule: cuts[0].rule, reason: 'nothing but punctuation left after the cut', text, lines: [b.first, b.last] });
      continue;
    }
    const parts = b.parts.map((part) => (text.includes(part) ? part : '')).filter(Boolean);
    kept.push(makeBlock(text, parts.length ? parts : [text], b.first, b.last, true));
  }
  return { kept, removed };
}
