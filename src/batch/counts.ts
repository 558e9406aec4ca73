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

export interface Prune {
  minDocs: number;
  minShare: number;
}

/** The first line of a version 2 counts file. */
export interface CountsHeader {
  format: 'clean-article-counts';
  version: 2;
  maskDigits: boolean;
  maxWords: number;
  pruned?: Prune;
}

export interface CountsJson {
  format: 'clean-article-counts';
  version: 1;
  maskDigits: boolean;
  maxWords: number;
  /**
   * Set when only the blocks that reach these thresholds in their group were kept (learn --prune):
   * enough to clean with the same or stricter thresholds, never to add up with other counts.
   */
  pruned?: { minDocs: number; minShare: number };
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

  /**
   * The table as a counts file, version 2: JSON Lines, one line per group and per block, so a table
   * of millions of blocks is written and read as a stream (one JSON text of it passed V8's
   * largest string at about 1.4 million blocks).
   */
  *lines(prune?: Prune): Generator<string> {
    const header: CountsHeader = { format: 'clean-article-counts', version: 2, maskDigits: this.maskDigits, maxWords: this.maxWords };
    if (prune) header.pruned = prune;
    yield JSON.stringify(header) + '\n';
    for (const [group, docs, blocks] of this.sorted(prune)) {
      yield JSON.stringify({ group, docs }) + '\n';
      let batch = '';
      for (const [key, c] of blocks) {
        // The fingerprint follows from the example text, so a block with one is stored without it.
        batch += JSON.stringify(c.text ? [c.docs, c.file, c.text] : [key, c.docs, c.file]) + '\n';
        if (batch.length > 1 << 16) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    }
  }

  private *sorted(prune?: Prune): Generator<[string, number, Array<[string, BlockCount]>]> {
    for (const group of [...this.groups.keys()].sort()) {
      const t = this.groups.get(group)!;
      const blocks: Array<[string, BlockCount]> = [];
      for (const key of [...t.blocks.keys()].sort()) {
        const c = t.blocks.get(key)!;
        if (prune && !(c.docs >= prune.minDocs && c.docs / t.docs >= prune.minShare)) continue;
        blocks.push([key, c]);
      }
      yield [group, t.docs, blocks];
    }
  }

  /** Start adding a group read from a version 2 file: its documents now, its blocks line by line. */
  addGroup(group: string, docs: number): void {
    this.table(group).docs += docs;
  }

  addBlock(group: string, key: string, docs: number, file: string, text: string): void {
    this.bump(this.table(group), key, docs, file, text);
  }
}
