import { createHash } from 'node:crypto';
import type { BlockCount, Counts } from './counts.js';
import { wordCount } from '../core/segment.js';

export interface Learned {
  id: string;
  group: string;
  docs: number;
  groupDocs: number;
  share: number;
  file: string;
  text: string;
  /** exact where the text has no digits; otherwise a regex with the digit runs open, as they were counted. */
  match: 'exact' | 'regex';
  pattern: string;
  flags?: string;
  maxWords: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function ruleFor(key: string, c: BlockCount, group: string, groupDocs: number, maskDigits: boolean): Learned {
  const id = `learned/${createHash('sha256').update(`${group}\n${key}`).digest('hex').slice(0, 10)}`;
  const open = maskDigits && /\d/.test(c.text);
  const pattern = open
    ? `^${c.text
        .split(/(\d+)/)
        .map((part, i) => (i % 2 ? '\\d+' : escape(part).replace(/\s+/g, '\\s+')))
        .join('')}$`
    : c.text;
  return { id, group, docs: c.docs, groupDocs, share: c.docs / groupDocs, file: c.file, text: c.text, match: open ? 'regex' : 'exact', pattern, ...(open ? { flags: 'i' } : {}), maxWords: Math.max(1, wordCount(c.text)) };
}

/** The repeated blocks as rules, most documents first, then by text: the same for the same counts. */
export function learnRules(counts: Counts, minDocs: number, minShare: number): Learned[] {
  const out: Learned[] = [];
  for (const [group, t] of counts.groups) {
    for (const [key, c] of counts.frequent(group, minDocs, minShare)) out.push(ruleFor(key, c, group, t.docs, counts.maskDigits));
  }
  return out.sort((a, b) => b.docs - a.docs || (a.text < b.text ? -1 : a.text > b.text ? 1 : a.group < b.group ? -1 : 1));
}

// JSON strings are valid YAML double-quoted scalars, so every text round-trips whatever it holds.
const q = (s: string) => JSON.stringify(s);

/** A readable YAML config of the learned rules, each with its counts and an example file in a comment. */
export function rulesYaml(rules: Learned[], meta: { docs: number; minDocs: number; minShare: number; maxWords: number; sources: string[] }): string {
  const head = [
    `# Written by clean-article learn from ${meta.docs} document${meta.docs === 1 ? '' : 's'} (${meta.sources.join(', ')}).`,
    `# A block counts when it is in at least ${meta.minDocs} documents and ${Math.round(meta.minShare * 100)}% of its group, and has at most ${meta.maxWords} words.`,
    `# Review, delete what is article text, and commit. Use it alone, or with: extends: [recommended, ./rules.yaml]`,
    'extends: []',
    rules.length ? 'rules:' : 'rules: []',
  ];
  const body = rules.map((r) =>
    [
      `  # ${r.docs} of ${r.groupDocs} documents (${Math.round(r.share * 100)}%)${r.group ? ` in ${r.group}` : ''}; e.g. ${r.file}`,
      `  - id: ${r.id}`,
      `    description: ${q(`Repeated in ${r.docs} of ${r.groupDocs} documents`)}`,
      `    match: ${r.match}`,
      `    pattern: ${q(r.pattern)}`,
      ...(r.flags ? [`    flags: ${r.flags}`] : []),
      `    maxWords: ${r.maxWords}`,
    ].join('\n'),
  );
  return [...head, ...body].join('\n') + '\n';
}
