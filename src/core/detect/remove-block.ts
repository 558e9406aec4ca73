// remove-block: whole blocks the pattern matches, alone or (minRun) only in runs.
import type { Block, CompiledRule } from '../types.js';
import { claim, claimedBefore, contextFree, hitAt, quote, type Proposal, type Round } from './common.js';

export function blockRule(rule: CompiledRule, blocks: Block[], out: Proposal[], round?: Round): void {
  const n = blocks.length;
  const free = contextFree(rule);
  let run: { from: number; to: number; hit: string } | undefined;
  const flush = () => {
    if (run && run.to - run.from + 1 >= rule.minRun) {
      // A run is shape, not wording: the decide step may overrule it, so it claims nothing and
      // later rules still look at its blocks.
      out.push({ rule: rule.id, reason: `matched ${quote(run.hit)}`, from: run.from, to: run.to, kind: 'context' });
    }
    run = undefined;
  };
  for (let i = 0; i < n; i++) {
    if (free && claimedBefore(round, i)) continue;
    if (rule.minRun <= 1) {
      blockAt(rule, blocks, i, out, round);
      continue;
    }
    const hit = hitAt(rule, blocks, i, round);
    if (hit === undefined) {
      flush();
      continue;
    }
    if (run) run.to = i;
    else run = { from: i, to: i, hit };
  }
  flush();
}

/** A rule of single blocks (minRun 1) at block i: the proposal, and the block claimed. */
export function blockAt(rule: CompiledRule, blocks: Block[], i: number, out: Proposal[], round?: Round): void {
  const hit = hitAt(rule, blocks, i, round);
  if (hit === undefined) return;
  out.push(rule.label ? { rule: rule.id, reason: `matched ${quote(hit)}`, from: i, to: i, label: true } : { rule: rule.id, reason: `matched ${quote(hit)}`, from: i, to: i });
  claim(round, i, i);
}
