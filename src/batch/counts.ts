/** How often one block occurs across the documents of a group, and where to see it. */
export interface BlockCount {
  docs: number;
  /** The example: the first file in path order that holds the block, and the block's text there. */
  file: string;
  text: string;
}

export interface GroupTable {
  docs: number;
  blocks: Map<string, BlockCount>;
}

export interface CountsJson {
  format: 'clean-article-counts';
  version: 1;
  maskDigits: boolean;
  maxWords: number;
  groups: Record<string, { docs: number; blocks: Record<string, [docs: number, file: string, text: string]> }>;
}

/**
 * Default cap on distinct blocks held. Measured: about 320 bytes per distinct block of ~95
 * characters when the example text is kept (learn), about half without it (batch cleaning),
 * so the cap is at most ~320 MB.
 */
export const DEFAULT_MAX_BLOCKS = 1_000_000;
const BYTES_PER_BLOCK = 320;

export class CapacityError extends Error {}

/**
 * Block fingerprints counted per document, per group. Counts add up and the example is chosen by
 * path order, so any split of the documents, counted in any order and merged, gives the same table.
 */
export class Counts {
  readonly groups = new Map<string, GroupTable>();
  private distinct = 0;

  constructor(
    readonly maskDigits: boolean,
    readonly maxWords: number,
    readonly maxBlocks = DEFAULT_MAX_BLOCKS,
    /** Keep each block's example text (learn needs it; cleaning does not). */
    readonly keepText = true,
  ) {}

  get size(): number {
    return this.distinct;
  }

  private table(group: string): GroupTable {
    let t = this.groups.get(group);
    if (!t) this.groups.set(group, (t = { docs: 0, blocks: new Map() }));
    return t;
  }

  private bump(t: GroupTable, key: string, docs: number, file: string, text: string): void {
    const hit = t.blocks.get(key);
    if (hit) {
      hit.docs += docs;
      if (file < hit.file) {
        hit.file = file;
        hit.text = this.keepText ? text : '';
      }
      return;
    }
    if (this.distinct >= this.maxBlocks) {
      throw new CapacityError(
        `the block table is full (${this.maxBlocks.toLocaleString('en')} distinct blocks, about ${Math.round((this.maxBlocks * BYTES_PER_BLOCK) / 1e6)} MB): count the corpus in shards with learn --counts-out and combine them with learn --merge, or raise --max-blocks`,
      );
    }
    this.distinct++;
    t.blocks.set(key, { docs, file, text: this.keepText ? text : '' });
  }

  /** Count one document: each of its distinct fingerprints once. */
  addDocument(group: string, file: string, fingerprints: Array<[string, string]>): void {
    const t = this.table(group);
    t.docs++;
    for (const [key, text] of fingerprints) this.bump(t, key, 1, file, text);
  }

  /** Add another table's counts (a shard of the same corpus). */
  merge(other: CountsJson): void {
    for (const [group, g] of Object.entries(other.groups)) {
      const t = this.table(group);
      t.docs += g.docs;
      for (const [key, [docs, file, text]] of Object.entries(g.blocks)) this.bump(t, key, docs, file, text);
    }
  }

  /** The blocks of `group` in at least `minDocs` documents and at least `minShare` of them. */
  frequent(group: string, minDocs: number, minShare: number): Map<string, BlockCount> {
    const t = this.groups.get(group);
    const out = new Map<string, BlockCount>();
    if (!t) return out;
    for (const [key, c] of t.blocks) if (c.docs >= minDocs && c.docs / t.docs >= minShare) out.set(key, c);
    return out;
  }

  toJSON(): CountsJson {
    const groups: CountsJson['groups'] = {};
    for (const group of [...this.groups.keys()].sort()) {
      const t = this.groups.get(group)!;
      const blocks: Record<string, [number, string, string]> = {};
      for (const key of [...t.blocks.keys()].sort()) {
        const c = t.blocks.get(key)!;
        blocks[key] = [c.docs, c.file, c.text];
      }
      groups[group] = { docs: t.docs, blocks };
    }
    return { format: 'clean-article-counts', version: 1, maskDigits: this.maskDigits, maxWords: this.maxWords, groups };
  }
}
