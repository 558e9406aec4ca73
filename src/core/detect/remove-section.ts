// remove-section: a heading to the end of the page when blocks that prove the section follow it.
import type { Block, CompiledRule } from '../types.js';
import { claim, hitAt, quote, type Proposal, type Round } from './common.js';

// How far before its first confirming block a section heading may stand: a comment's own
// paragraphs come before its signature.
const MAX_SECTION_LEAD = 15;
// The last comment's own paragraphs may follow its signature; more long paragraphs than this may not.
const MAX_PROSE_AFTER_SECTION = 3;
const SECTION_PROSE_WORDS = 40;

/**
 * A heading such as "Comments" or "Have your say", and everything after it, when blocks that prove
 * the section follow it (comment signatures). The heading nearest before the first confirming block
 * is the one taken; a heading with nothing to confirm it (a "Comments" link near the top) stays.
 */
export function sectionRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round: Round): void {
  const confirm = rule.confirm;
  if (!confirm) return;
  const n = blocks.length;
  // Headings are rare and cheap to find; look for signatures only after the first one.
  let start = 0;
  while (start < n && hitAt(rule, blocks, start, round) === undefined) start++;
  if (start >= n) return;
  const hits: number[] = [];
  for (let i = start + 1; i < n; i++) if (confirm.test(blocks[i].text)) hits.push(i);
  if (hits.length < rule.minConfirm) return;
  // A signature that ends in a colon ("Ann said:", "Ann wrote:") has its comment after it: the last
  // one's text belongs to the section, however long, when it is the last prose of the page. (Where
  // more prose follows, that is the article after a box of comments in a sidebar.)
  let lastHit = hits[hits.length - 1];
  if (blocks[lastHit].text.endsWith(':') && lastHit + 1 < n) {
    let later = false;
    for (let i = lastHit + 2; i < n && !later; i++) later = blocks[i].words > SECTION_PROSE_WORDS;
    if (!later) lastHit++;
  }
  // A comment section runs to the end of the page; a "Recent comments" box in a sidebar is followed
  // by the article itself. Long paragraphs after the last confirming block mean the latter: keep.
  let prose = 0;
  for (let i = lastHit + 1; i < n; i++) if (blocks[i].words > SECTION_PROSE_WORDS) prose++;
  if (prose > MAX_PROSE_AFTER_SECTION) return;
  const first = hits[0];
  for (let h = first - 1; h >= start && first - h <= MAX_SECTION_LEAD; h--) {
    const hit = hitAt(rule, blocks, h, round);
    if (hit === undefined) continue;
    // Comments fill the section up to the last signature; a box of signatures with the article
    // after it has more words after its last signature than inside it.
    const last = lastHit;
    let inside = 0;
    let after = 0;
    for (let i = h; i < n; i++) {
      if (i <= last) inside += blocks[i].words;
      else after += blocks[i].words;
    }
    if (after > inside) return;
    out.push({ rule: rule.id, reason: `section ${quote(hit)} with ${hits.length} confirming blocks (${quote(blocks[first].text)}…)`, from: h, to: n - 1 });
    claim(round, h, n - 1);
    return;
  }
}

