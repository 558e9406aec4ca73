import { describe, expect, it } from 'vitest';
import { compileRule } from '../src/rules/compile.js';
import { detect, mayMatch } from '../src/core/detect.js';
import { mayMatchAt, newRound } from '../src/core/detect/common.js';
import { makeBlock } from '../src/core/segment.js';

// The prefilters (first-letter index, required literals) also run on users' own rules, so they are
// checked on patterns nobody wrote by hand: random regexes from a small grammar, each with strings
// sampled from the same grammar (so many of them match). Wherever the regex matches a block, the
// prefilter must let the rule look at it.

let seed = 20261126;
const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];

// Characters that probe case folding (ſ, K, É), \W skipping (», “, -, NBSP) and plain ASCII.
const LITERALS = ['a', 'b', 'k', 's', 'A', 'S', 'K', 'x', '1', '7', ' ', '-', ':', '»', '“', 'é', 'É', 'ſ', 'K', '\u00a0'];
const escape = (c: string) => (/[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c);

interface Node {
  src: string;
  sample: () => string;
}

// Words give the literal prefilter something to hold on to (it needs runs of three or more).
const WORDS = ['share', 'cookies', 'keep', 'sask', 'Ask', 'KISS'];
const variantsOf = (c: string) => [c, c.toUpperCase(), c.toLowerCase(), /s/i.test(c) ? 'ſ' : c, /k/i.test(c) ? '\u212a' : c];

function atom(depth: number): Node {
  if (rand(6) === 0) {
    const w = pick(WORDS);
    return { src: w, sample: () => [...w].map((c) => pick(variantsOf(c))).join('') };
  }
  switch (rand(depth > 1 ? 5 : 7)) {
    case 0:
    case 1: {
      const c = pick(LITERALS);
      // Under /i the sample may be another case of the letter, or what Unicode folds to it (ſ, K).
      const variants = variantsOf(c);
      return { src: escape(c), sample: () => pick(variants) };
    }
    case 2: {
      const set = [pick(LITERALS), pick(LITERALS), pick(LITERALS)];
      return { src: `[${set.map(escape).join('')}]`, sample: () => pick(set) };
    }
    case 3:
      return { src: '\\d', sample: () => String(rand(10)) };
    case 4:
      return { src: '\\s', sample: () => pick([' ', '\t', '\u00a0']) };
    case 5: {
      const alts = [seq(depth + 1), seq(depth + 1)];
      return { src: `(?:${alts.map((a) => a.src).join('|')})`, sample: () => pick(alts).sample() };
    }
    default: {
      const inner = seq(depth + 1);
      // A lookahead consumes nothing; the sample does not have to honour it (the check below only
      // uses strings the regex really matches).
      return { src: `(?=${inner.src})`, sample: () => '' };
    }
  }
}

function quantified(depth: number): Node {
  const a = atom(depth);
  const q = pick(['', '', '', '?', '*', '+', '{0,2}', '{1,3}']);
  if (!q || a.src.startsWith('(?=')) return a;
  const [min, max] = q === '?' ? [0, 1] : q === '*' ? [0, 3] : q === '+' ? [1, 3] : q === '{0,2}' ? [0, 2] : [1, 3];
  return { src: a.src + q, sample: () => Array.from({ length: min + rand(max - min + 1) }, () => a.sample()).join('') };
}

function seq(depth: number): Node {
  const parts = Array.from({ length: 1 + rand(3) }, () => quantified(depth));
  return { src: parts.map((p) => p.src).join(''), sample: () => parts.map((p) => p.sample()).join('') };
}

function pattern(): Node {
  const alts = Array.from({ length: 1 + rand(2) }, () => {
    const skip = rand(3) === 0 ? '\\W*' : '';
    const body = seq(0);
    return { src: `^${skip}${body.src}`, sample: () => (skip ? pick(['', '» ', '-- ', '“', '(']) : '') + body.sample() };
  });
  return { src: alts.map((a) => a.src).join('|'), sample: () => pick(alts).sample() + pick(['', ' tail', 'x', '.']) };
}

describe('prefilters on random rules', () => {
  it('never skip a block that the rule matches (2,000 patterns, 40 samples each, four flag sets)', () => {
    let matched = 0;
    let indexed = 0;
    let dispatched = 0;
    for (let n = 0; n < 2000; n++) {
      const p = pattern();
      const flags = pick(['', 'i', 'u', 'iu']);
      let rule;
      try {
        // A preset's rule: the prefilters serve JavaScript regexes (a user's regex runs by RE2 without the first-letter index).
        rule = compileRule({ id: 'fuzz/rule', match: 'regex', pattern: p.src, flags }, 'fuzz');
      } catch {
        continue;
      }
      if (rule.lead) indexed++;
      for (let k = 0; k < 40; k++) {
        const text = p.sample().replace(/\s+/g, ' ').trim();
        if (!text || !rule.test.test(text)) continue;
        matched++;
        const block = makeBlock(text, [text], 1, 1);
        expect(mayMatch(rule, block), `/${p.src}/${flags} on ${JSON.stringify(text)}`).toBe(true);
        // And through a round's literal index, as detect asks.
        const round = newRound(1, [rule]);
        round.bit = round.index?.bits.get(rule) ?? 0;
        expect(mayMatchAt(rule, block, 0, round), `indexed: /${p.src}/${flags} on ${JSON.stringify(text)}`).toBe(true);
        // And through detect's tables of word limits, first letters and literals.
        if (block.words <= rule.maxWords) {
          expect(detect([block], [rule]).length, `dispatched: /${p.src}/${flags} on ${JSON.stringify(text)}`).toBeGreaterThan(0);
          dispatched++;
        }
      }
    }
    // The check must have teeth: many matches, and many rules the index could work on.
    expect(matched).toBeGreaterThan(5000);
    expect(indexed).toBeGreaterThan(300);
    expect(dispatched).toBeGreaterThan(5000);
  });
});
