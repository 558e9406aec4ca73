import type { Block } from './types.js';
import { toBlocks } from './to-blocks.js';
import { caseFold } from './segment.js';

/**
 * The identity of a block for repeat counting: case and white space folded. Block text is folded
 * already, so the key is its lower-cased text, made once and shared with the rules' prefilter.
 */
export const keyOf = (b: Block): string => b.lower;

export interface FingerprintOptions {
  /** Mask digit runs so "© 2021 X" and "© 2024 X" are one block. */
  maskDigits: boolean;
  /** Longer blocks are prose and never counted (the guard), which also keeps the table small. */
  maxWords: number;
  /** Repair mojibake as cleaning does (config repair.mojibake), so both see the same blocks. */
  mojibake?: boolean;
}

/** The identity of a block across documents: its repeat key, with digit runs masked. */
export function fingerprint(block: Block, maskDigits: boolean): string {
  const key = keyOf(block);
  return maskDigits ? key.replace(/\d+/g, '#') : key;
}

/** The fingerprint of a block with this (folded) text: what `fingerprint` gives for it. */
export function textFingerprint(text: string, maskDigits: boolean): string {
  const key = caseFold(text);
  return maskDigits ? key.replace(/\d+/g, '#') : key;
}

/**
 * The distinct fingerprints of a document's blocks (a block counts once per document), each
 * with the block's text as first seen, for the repeats-across-documents count.
 */
export function documentFingerprints(input: string, options: FingerprintOptions): Array<[key: string, text: string]> {
  const { blocks } = toBlocks(input, options.mojibake ?? true);
  const seen = new Map<string, string>();
  for (const b of blocks) {
    if (b.words > options.maxWords) continue;
    const key = fingerprint(b, options.maskDigits);
    if (!seen.has(key)) seen.set(key, b.text);
  }
  return [...seen];
}
