import type { Block, CleanOptions, CleanResult, Removal } from './types.js';
import { toBlocks } from './to-blocks.js';
import type { DecodeCounts } from './decode.js';
import { wordCount } from './segment.js';
import { isProse } from './repeated.js';

// The guard rolls shape and repetition back when prose beyond this share of the words would go.
const PROSE_SHARE = 0.2;
import { detect } from './detect.js';
import { detectAcross, detectRepeats } from './repeated.js';
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
  const first = run(input, options);
  // The guard: shape and repetition are the weakest evidence, and content can share them (a
  // roster, a tour-date list, ten syndicated copies of one story in a folder). Where they would
  // empty the document or take more than the guard share of its words, none of them applies.
  // On a whole page, menus and link rails are most of the words and no prose: there the share alone
  // says nothing, so what counts is how much of what the rules took reads as prose.
  const limit = options.guard.maxRemovedShare * first.totalWords;
  const tooMuch = first.blocks.length === 0 || (first.contextWords > limit && first.contextProseWords > PROSE_SHARE * first.totalWords);
  // A guard share of 1 (the rule examples, or a user's choice) turns the guard off.
  if (first.contextWords === 0 || options.guard.maxRemovedShare >= 1 || !tooMuch) return finish(input, options, first);
  const contextFree = { ...options, rules: options.rules.filter((r) => r.minRun <= 1), repeated: { ...options.repeated, enabled: false }, across: undefined };
  const second = run(input, contextFree);
  const share = Math.round((first.contextWords / Math.max(1, first.totalWords)) * 100);
  const why = first.blocks.length === 0 ? 'they would have emptied the document' : `they would have taken ${share}% of its words (guard ${Math.round(options.guard.maxRemovedShare * 100)}%)`;
  for (const r of first.removed) {
    if (r.context) second.overruled.push({ rule: r.rule, reason: `kept: shape and repetition rules rolled back, ${why}`, text: r.text, lines: r.lines });
  }
  second.warnings.push(`kept ${first.contextRemovals} block${first.contextRemovals === 1 ? '' : 's'} that shape and repetition rules would have removed: ${why} (check with --explain)`);
  second.rolledBack = first.contextRemovals;
  return finish(input, options, second);
}

interface Run {
  blocks: Block[];
  blocksIn: number;
  totalWords: number;
  removed: Array<Removal & { context?: boolean }>;
  overruled: Removal[];
  contextWords: number;
  /** Of those, the words of removed blocks that read as prose (sentences). */
  contextProseWords: number;
  contextRemovals: number;
  rolledBack: number;
  warnings: string[];
  counts: DecodeCounts;
}

/** The rounds: detect → decide → apply until nothing changes. */
function run(input: string, options: CleanOptions): Run {
  const start = toBlocks(input);
  const { warnings, counts } = start;
  let blocks: Block[] = start.blocks;
  const totalWords = blocks.reduce((n, b) => n + b.words, 0);
  const out: Run = { blocks, blocksIn: blocks.length, totalWords, removed: [], overruled: [], contextWords: 0, contextProseWords: 0, contextRemovals: 0, rolledBack: 0, warnings, counts };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const proposals = detect(blocks, options.rules, round > 0);
    if (options.repeated.enabled) append(proposals, detectRepeats(blocks, options.repeated));
    if (options.across) append(proposals, detectAcross(blocks, options.across));
    if (proposals.length === 0) break;
    const decision = decide(blocks, proposals);
    for (const o of decision.overruled) {
      const b = blocks[o.block];
      out.overruled.push({ rule: o.proposal.rule, reason: o.why, text: b.text, lines: [b.first, b.last] });
    }
    const result = apply(blocks, decision);
    for (const r of result.removed) {
      if (r.context) {
        const words = wordCount(r.text);
        out.contextWords += words;
        if (isProse(r.text)) out.contextProseWords += words;
        out.contextRemovals++;
      }
    }
    append(out.removed, result.removed);
    blocks = result.kept;
    if (result.removed.length === 0) break;
  }
  out.blocks = blocks;
  return out;
}

function finish(input: string, options: CleanOptions, r: Run): CleanResult {
  const { blocks, totalWords, blocksIn, warnings, counts } = r;
  const removed: Removal[] = r.removed.map(({ rule, reason, text, lines }) => ({ rule, reason, text, lines }));
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
  r.overruled.sort((a, b) => a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1]);
  return {
    text,
    paragraphs,
    removed,
    overruled: r.overruled,
    stats: {
      inputChars: input.length,
      outputChars: text.length,
      paragraphsKept: blocks.length,
      paragraphsRemoved: blocksIn - blocks.length,
      entitiesDecoded: counts.entitiesDecoded,
      doubleEncodingsRepaired: counts.doubleEncodingsRepaired,
      removedShare,
      rolledBack: r.rolledBack,
    },
    warnings,
  };
}
