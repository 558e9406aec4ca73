import type { Block, CleanOptions, CleanResult, Removal } from './types.js';
import { toBlocks } from './to-blocks.js';
import { detect } from './detect.js';
import { detectAcross, detectRepeats, detectTruncated } from './repeated.js';
import { decide } from './decide.js';
import { apply } from './apply.js';
import { render } from './render.js';

// Removing a block can bring the next one into a rule's reach (a position window, a repeat that a
// span cut revealed). Running to a fixed point is what makes clean(clean(x)) == clean(x).
const MAX_ROUNDS = 8;

// push(...items) passes every item as an argument: past about 100,000 of them (a page of 150,000
// "Advertisement" lines) that overflows the stack, so long lists are appended one by one.
function append<T>(to: T[], items: T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

/**
 * Clean one raw scraped article.
 *
 * @param input raw text: entities encoded, text nodes one per line, boilerplate anywhere
 * @param options compiled rules and thresholds (see `compileConfig`)
 * @returns the clean text, its paragraphs, every removal with its rule, and stats
 * @example
 * const result = cleanWith(raw, compileConfig({ extends: ['recommended'] }));
 * process.stdout.write(result.text);
 */
export function cleanWith(input: string, options: CleanOptions): CleanResult {
  const start = toBlocks(input, options.repair?.mojibake ?? true);
  const { warnings, counts } = start;
  let blocks: Block[] = start.blocks;
  const totalWords = blocks.reduce((n, b) => n + b.words, 0);
  const blocksIn = blocks.length;
  const removed: Removal[] = [];
  // Each round proposes again what the last one overruled: keyed by rule and lines, listed once.
  const kept = new Map<string, Removal>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const proposals = detect(blocks, options.rules, round > 0);
    if (options.repeated.enabled) {
      append(proposals, detectRepeats(blocks, options.repeated));
      append(proposals, detectTruncated(blocks));
    }
    if (options.across) append(proposals, detectAcross(blocks, options.across));
    const decision = decide(blocks, proposals, options);
    for (const o of decision.overruled) {
      const b = blocks[o.block];
      kept.set(`${o.proposal.rule}\0${b.first}\0${b.last}`, { rule: o.proposal.rule, reason: o.why, text: b.text, lines: [b.first, b.last] });
    }
    const result = apply(blocks, decision);
    append(removed, result.removed);
    blocks = result.kept;
    if (result.removed.length === 0) break;
  }
  removed.sort((a, b) => a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1]);
  const paragraphs = blocks.map((b) => b.text);
  const text = render(paragraphs);
  const keptWords = blocks.reduce((n, b) => n + b.words, 0);
  const removedShare = totalWords === 0 ? 0 : Math.round(((totalWords - keptWords) / totalWords) * 1e4) / 1e4;
  if (removedShare > options.guard.maxRemovedShare) {
    warnings.push(
      `cleaning removed ${Math.round(removedShare * 100)}% of the words (limit ${Math.round(options.guard.maxRemovedShare * 100)}%): check the removals with --explain`,
    );
  }
  const overruled = [...kept.values()];
  overruled.sort((a, b) => a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1]);
  return {
    text,
    paragraphs,
    paragraphLines: blocks.map((b) => [b.first, b.last] as [number, number]),
    removed,
    repairs: start.repairs.map((r) => ({ rule: 'repair/mojibake', before: r.before, after: r.after, lines: [r.line, r.line] as [number, number] })),
    overruled,
    stats: {
      inputChars: input.length,
      outputChars: text.length,
      paragraphsKept: blocks.length,
      paragraphsRemoved: blocksIn - blocks.length,
      entitiesDecoded: counts.entitiesDecoded,
      doubleEncodingsRepaired: counts.doubleEncodingsRepaired,
      mojibakeRepaired: start.repairs.length,
      removedShare,
    },
    warnings,
  };
}

/** Did cleaning take more than the guard share of the words? (--strict refuses such a document.) */
export const overGuard = (result: CleanResult, guard: CleanOptions['guard']): boolean => result.stats.removedShare > guard.maxRemovedShare;
