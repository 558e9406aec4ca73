import { readFileSync } from 'node:fs';
import type { AcrossDocuments } from '../core/types.js';
import type { Counts } from './counts.js';

/**
 * The blocks found in enough documents of each group, as the cleaning of JSON Lines records needs
 * them: written once to a file by the thread that counted (or loaded --counts), read once per
 * worker, so a large table does not travel with every chunk of records.
 */
export interface AcrossTable {
  maskDigits: boolean;
  maxWords: number;
  groups: Record<string, { docs: number; blocks: Array<[string, number]> }>;
}

export function acrossTable(counts: Counts, minDocs: number, minShare: number): AcrossTable {
  const groups: AcrossTable['groups'] = {};
  for (const [group, t] of [...counts.groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const frequent = counts.frequent(group, minDocs, minShare);
    if (frequent.size) groups[group] = { docs: t.docs, blocks: [...frequent].map(([k, c]) => [k, c.docs]) };
  }
  return { maskDigits: counts.maskDigits, maxWords: counts.maxWords, groups };
}

const loaded = new Map<string, Map<string, AcrossDocuments>>();

/** The table in `file`, by group, ready for cleanWith (read once per thread). */
export function loadAcrossTable(file: string): Map<string, AcrossDocuments> {
  let byGroup = loaded.get(file);
  if (!byGroup) {
    const t = JSON.parse(readFileSync(file, 'utf8')) as AcrossTable;
    byGroup = new Map();
    for (const [group, g] of Object.entries(t.groups)) byGroup.set(group, { counts: new Map(g.blocks), docs: g.docs, maskDigits: t.maskDigits, maxWords: t.maxWords });
    loaded.set(file, byGroup);
  }
  return byGroup;
}
