import type { Block, CompiledRule } from './types.js';
import { wordCount } from './segment.js';
import { leadAllows } from '../rules/lead.js';
import { escapeRegExp } from '../rules/regex-source.js';

/** A removal a rule proposes: blocks `from..to` whole, or a span inside block `from`. */
export interface Proposal {
  rule: string;
  reason: string;
  from: number;
  to: number;
  span?: { start: number; end: number };
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 57) + '…' : s);

function inPosition(rule: CompiledRule, i: number, n: number): boolean {
  if (!rule.position) return true;
  const { from, within } = rule.position;
  return from === 'start' ? i < within : n - 1 - i < within;
}

/** Can the rule match this block at all? Cheap tests (first letter, substrings) before any regex runs. */
export function mayMatch(rule: CompiledRule, block: Block): boolean {
  if (rule.lead && !leadAllows(rule.lead, rule.test.ignoreCase, block.keys)) return false;
  const needles = rule.needles;
  if (!needles) return true;
  const lower = block.lower;
  for (let i = 0; i < needles.length; i++) if (lower.includes(needles[i])) return true;
  return false;
}

/**
 * What one detection round knows beyond each rule: blocks a whole-block proposal already took
 * (a later rule's proposal for them can never be the one recorded, see apply), and which blocks
 * hold any rule's literal at all (one scan instead of one per rule).
 */
interface Round {
  claimed: Uint8Array;
  /** 0 not looked yet, 1 holds a literal, 2 holds none. */
  literal: Uint8Array;
  anyLiteral: RegExp | undefined;
}

const anyLiteralOf = new WeakMap<CompiledRule[], RegExp | undefined>();
function anyLiteral(rules: CompiledRule[]): RegExp | undefined {
  if (anyLiteralOf.has(rules)) return anyLiteralOf.get(rules);
  const all = new Set(rules.flatMap((r) => r.needles ?? []));
  const re = all.size ? new RegExp([...all].map(escapeRegExp).join('|')) : undefined;
  anyLiteralOf.set(rules, re);
  return re;
}

function mayMatchAt(rule: CompiledRule, block: Block, i: number, round: Round | undefined): boolean {
  if (round && rule.needles && round.anyLiteral) {
    let state = round.literal[i];
    if (state === 0) state = round.literal[i] = round.anyLiteral.test(block.lower) ? 1 : 2;
    if (state === 2) return false;
  }
  return mayMatch(rule, block);
}

/** The text the rule's pattern matched in a block, or undefined. */
function matchIn(rule: CompiledRule, block: Block, i: number, round: Round | undefined): string | undefined {
  if (!mayMatchAt(rule, block, i, round)) return undefined;
  if (rule.scope === 'line') {
    for (const part of block.parts) {
      const m = rule.test.exec(part);
      if (m) return m[0];
    }
    return undefined;
  }
  const m = rule.test.exec(block.text);
  return m ? m[0] : undefined;
}

/** What the rule matched in block i, if the block is within its word limit and position window. */
function hitAt(rule: CompiledRule, blocks: Block[], i: number, round: Round | undefined): string | undefined {
  const b = blocks[i];
  return b.words <= rule.maxWords && inPosition(rule, i, blocks.length) ? matchIn(rule, b, i, round) : undefined;
}

function claim(round: Round | undefined, from: number, to: number): void {
  if (round) for (let i = from; i <= to; i++) round.claimed[i] = 1;
}

function blockRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round?: Round): void {
  const n = blocks.length;
  const free = contextFree(rule);
  let run: { from: number; to: number; hit: string } | undefined;
  const flush = () => {
    if (run && run.to - run.from + 1 >= rule.minRun) {
      out.push({ rule: rule.id, reason: `matched ${quote(run.hit)}`, from: run.from, to: run.to });
      claim(round, run.from, run.to);
    }
    run = undefined;
  };
  for (let i = 0; i < n; i++) {
    if (free && round?.claimed[i]) continue;
    const hit = hitAt(rule, blocks, i, round);
    if (hit === undefined) {
      flush();
      continue;
    }
    if (rule.minRun <= 1) {
      out.push({ rule: rule.id, reason: `matched ${quote(hit)}`, from: i, to: i });
      claim(round, i, i);
    }
    else if (run) run.to = i;
    else run = { from: i, to: i, hit };
  }
  flush();
}

function matchRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round?: Round): void {
  const n = blocks.length;
  // Spans in a block that a whole-block proposal took are never applied.
  const free = contextFree(rule);
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    if ((free && round?.claimed[i]) || !inPosition(rule, i, n) || !mayMatchAt(rule, b, i, round)) continue;
    if (rule.scope === 'line') {
      let offset = 0;
      for (const part of b.parts) {
        const at = b.text.indexOf(part, offset);
        if (at >= 0) offset = at + part.length;
        if (at < 0 || !rule.test.test(part) || wordCount(part) > rule.maxWords) continue;
        out.push({ rule: rule.id, reason: `line matched ${quote(part)}`, from: i, to: i, span: { start: at, end: at + part.length } });
      }
      continue;
    }
    rule.all.lastIndex = 0;
    for (let m = rule.all.exec(b.text); m; m = rule.all.exec(b.text)) {
      if (m[0].length === 0) {
        rule.all.lastIndex++;
        continue;
      }
      if (wordCount(m[0].trim()) > rule.maxWords) continue;
      out.push({ rule: rule.id, reason: `matched ${quote(m[0].trim())}`, from: i, to: i, span: { start: m.index, end: m.index + m[0].length } });
    }
  }
}

function followingRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round: Round): void {
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    const hit = hitAt(rule, blocks, i, round);
    if (hit === undefined) continue;
    let to = i;
    // The following blocks are headlines and links; a long one is the story resuming, so stop there.
    while (to < n - 1 && to - i < rule.count && blocks[to + 1].words <= rule.maxWords) to++;
    out.push({ rule: rule.id, reason: `matched ${quote(hit)} and the ${to - i} block(s) after it`, from: i, to });
    claim(round, i, to);
    i = to;
  }
}

// A range that never closes would swallow the rest of the article, so it must close this soon.
const MAX_RANGE_BLOCKS = 30;

function rangeRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round: Round): void {
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    const hit = hitAt(rule, blocks, i, round);
    if (hit === undefined || !rule.end) continue;
    for (let j = i; j < n && j - i < MAX_RANGE_BLOCKS; j++) {
      if (blocks[j].words > rule.maxWords) break;
      const endHit = rule.end.exec(blocks[j].text);
      if (endHit && (j > i || endHit.index >= 0)) {
        out.push({ rule: rule.id, reason: `range from ${quote(hit)} to ${quote(endHit[0])}`, from: i, to: j });
        claim(round, i, j);
        i = j;
        break;
      }
    }
  }
}

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
function sectionRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round: Round): void {
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
  // A comment section runs to the end of the page; a "Recent comments" box in a sidebar is followed
  // by the article itself. Long paragraphs after the last confirming block mean the latter: keep.
  let prose = 0;
  for (let i = hits[hits.length - 1] + 1; i < n; i++) if (blocks[i].words > SECTION_PROSE_WORDS) prose++;
  if (prose > MAX_PROSE_AFTER_SECTION) return;
  const first = hits[0];
  for (let h = first - 1; h >= start && first - h <= MAX_SECTION_LEAD; h--) {
    const hit = hitAt(rule, blocks, h, round);
    if (hit === undefined) continue;
    // Comments fill the section up to the last signature; a box of signatures with the article
    // after it has more words after its last signature than inside it.
    const last = hits[hits.length - 1];
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

/**
 * Does the rule's answer for a block depend only on that block? Then, once a round has run, it
 * can change only where the block's text changed.
 */
function contextFree(rule: CompiledRule): boolean {
  return !rule.position && rule.minRun <= 1 && (rule.action === 'remove-block' || rule.action === 'remove-match');
}

/**
 * Run every rule over the blocks and collect what each proposes to remove. With `again`, this is
 * a later round: context-free rules look only at blocks whose text the last round changed.
 */
export function detect(blocks: Block[], rules: CompiledRule[], again = false): Proposal[] {
  const out: Proposal[] = [];
  const n = blocks.length;
  const round: Round = { claimed: new Uint8Array(n), literal: new Uint8Array(n), anyLiteral: anyLiteral(rules) };
  let changed: Block[] | undefined;
  let index: number[] | undefined;
  for (const rule of rules) {
    if (again && contextFree(rule)) {
      if (!changed) {
        changed = [];
        index = [];
        for (let i = 0; i < blocks.length; i++) {
          if (blocks[i].changed) {
            changed.push(blocks[i]);
            index.push(i);
          }
        }
      }
      if (changed.length === 0) continue;
      const local: Proposal[] = [];
      if (rule.action === 'remove-block') blockRule(rule, changed, local);
      else matchRule(rule, changed, local);
      for (const p of local) out.push({ ...p, from: index![p.from], to: index![p.to] });
      continue;
    }
    if (rule.action === 'remove-block') blockRule(rule, blocks, out, round);
    else if (rule.action === 'remove-match') matchRule(rule, blocks, out, round);
    else if (rule.action === 'remove-following') followingRule(rule, blocks, out, round);
    else if (rule.action === 'remove-section') sectionRule(rule, blocks, out, round);
    else rangeRule(rule, blocks, out, round);
  }
  return out;
}
