import type { Block } from './types.js';
import type { DecodeCounts, LineRepair } from './decode.js';
import { normalize } from './normalize.js';
import { decodeLines } from './decode.js';
import { segment } from './segment.js';

export interface Blocks {
  blocks: Block[];
  counts: DecodeCounts;
  repairs: LineRepair[];
  warnings: string[];
}

/**
 * Raw text to paragraphs: normalize, decode, segment. Cleaning and the cross-document count both
 * start here, so a block is the same block whichever of them looks at it.
 */
export function toBlocks(input: string, mojibake = true): Blocks {
  const { lines, warnings } = normalize(input);
  // One look over the whole text instead of one per line (dropping control characters, the one
  // thing normalize warns about, can bring an "&amp;" together: then every line is looked at).
  const decoded = decodeLines(lines, mojibake, warnings.length > 0 || input.includes('&amp;'));
  return { blocks: segment(decoded.lines, mojibake ? decoded.repairs : undefined, decoded.ascii), counts: decoded.counts, repairs: decoded.repairs, warnings };
}
