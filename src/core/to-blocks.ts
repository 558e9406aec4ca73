import type { Block } from './types.js';
import type { DecodeCounts } from './decode.js';
import { normalize } from './normalize.js';
import { decodeLines } from './decode.js';
import { segment } from './segment.js';

export interface Blocks {
  blocks: Block[];
  counts: DecodeCounts;
  warnings: string[];
}

/**
 * Raw text to paragraphs: normalize, decode, segment. Cleaning and the cross-document count both
 * start here, so a block is the same block whichever of them looks at it.
 */
export function toBlocks(input: string): Blocks {
  const { lines, warnings } = normalize(input);
  const decoded = decodeLines(lines);
  return { blocks: segment(decoded.lines), counts: decoded.counts, warnings };
}
