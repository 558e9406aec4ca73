import type { Block } from './types.js';
import type { Proposal } from './detect.js';

/** What goes: the proposal that takes each whole block, and the spans to cut from the others. */
export interface Decision {
  owner: Array<Proposal | undefined>;
  spans: Map<number, Proposal[]>;
}

/**
 * Which proposal wins. Whole-block proposals win over spans in the same block; the first proposal
 * for a block (rules run in config order) is the one recorded. (detect skips blocks a whole-block
 * proposal already took for the same reason: a later proposal for them could never win here.)
 */
export function decide(blocks: Block[], proposals: Proposal[]): Decision {
  const owner = new Array<Proposal | undefined>(blocks.length);
  const spans = new Map<number, Proposal[]>();
  for (const p of proposals) {
    if (p.span) {
      const list = spans.get(p.from);
      if (list) list.push(p);
      else spans.set(p.from, [p]);
      continue;
    }
    for (let i = p.from; i <= p.to; i++) owner[i] ??= p;
  }
  return { owner, spans };
}
