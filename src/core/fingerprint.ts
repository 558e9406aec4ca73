import { normalize } from './normalize.js';
import { decodeLines } from './decode.js';
import { segment } from './segment.js';
import type { Block } from './types.js';
import { keyOf } from './repeated.js';

export interface FingerprintOptions {
  /** Mask digit runs so "© 2021 X" and "© 2024 X" are one block. */
  maskDigits: boolean;
  /** Longer blocks are prose and never counted (the guard), which also keeps the table small. */
  maxWords: number;
}

/** The identity of a block across documents: its repeat key, with digit runs masked. */
export function fingerprint(block: Block, maskDigits: boolean): string {
  const key = keyOf(block);
  return maskDigits ? key.replace(/\d+/g, '#') : key;
}

/**
 * The distinct fingerprints of a document's blocks (a block counts once per document), each
 * with the block's text as first seen, for the repeats-across-documents count.
 */
export function documentFingerprints(input: string, options: FingerprintOptions): Array<[key: string, text: string]> {
  const blocks = segment(decodeLines(normalize(input).lines).lines);
  const seen = new Map<string, string>();
  for (const b of blocks) {
    if (b.words > options.maxWords) continue;
    const key = fingerprint(b, options.maskDigits);
    if (!seen.has(key)) seen.set(key, b.text);
  }
  return [...seen];
}
