import type { Block } from './types.js';
import type { Proposal } from './detect.js';
import { isCredit } from './credit.js';
import { WITHIN_DOCUMENT } from './repeated.js';

/** What goes: the proposal that takes each whole block, and the spans to cut from the others. */
export interface Decision {
  owner: Array<Proposal | undefined>;
  spans: Map<number, Proposal[]>;
  /** Proposals the context overruled, each with why, for --explain and JSON. */
  overruled: Array<{ proposal: Proposal; block: number; why: string }>;
}

/**
 * Which proposal wins. Whole-block proposals win over spans in the same block; the first proposal
 * for a block (rules run in config order) is the one recorded. (detect skips blocks a whole-block
 * proposal already took for the same reason: a later proposal for them could never win here.)
 */
export function decide(blocks: Block[], proposals: Proposal[]): Decision {
  const owner = new Array<Proposal | undefined>(blocks.length);
  const spans = new Map<number, Proposal[]>();
  const overruled: Decision['overruled'] = [];
  for (const p of proposals) {
    // Shape and repetition say nothing about a credit line: keep it, and take the rest of the run.
    // (A credit line printed twice in one document loses its second copy: detectRepeats keeps the first.)
    if (p.kind === 'context' && !p.span && p.rule !== WITHIN_DOCUMENT) {
      for (let i = p.from; i <= p.to; i++) {
        if (!isCredit(blocks[i].text)) owner[i] ??= p;
        else if (!owner[i]) overruled.push({ proposal: p, block: i, why: 'kept: a credit line is content' });
      }
      continue;
    }
    if (p.span) {
      const list = spans.get(p.from);
      if (list) list.push(p);
      else spans.set(p.from, [p]);
      continue;
    }
    for (let i = p.from; i <= p.to; i++) owner[i] ??= p;
  }
  return { owner, spans, overruled };
}
