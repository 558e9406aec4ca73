import type { Pattern } from '../core/types.js';
import type { RuleOf, RuleSpec } from './spec.js';
import { re2 } from './re2.js';
import { requiredLiterals } from './literals.js';
import { leadOf } from './lead.js';
import { leadMask } from '../core/prefilter.js';
import { escapeRegExp } from './regex-source.js';

/** The guard's default: few boilerplate blocks run longer than this, most content paragraphs do. */
export const DEFAULT_MAX_WORDS = 40;


// Literal patterns match across any run of white space and ignore case, the way a person reads them.
function literal(p: string): string {
  return p
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
}

function boundary(p: string, body: string): string {
  const start = /^\w/.test(p.trim()) ? '\\b' : '';
  const end = /\w$/.test(p.trim()) ? '\\b' : '';
  return `${start}${body}${end}`;
}

/**
 * Which engine runs a `match: regex` rule: `re2` (linear time, for rules from config files and
 * the API) or `js` (the built-in presets, whose regexes a test holds to linear time).
 */
export type Engine = 'js' | 're2';

/** Turn a rule's `match` + `pattern` into one pattern. Throws SyntaxError on a bad regex. */
export function compilePattern(match: RuleSpec['match'], pattern: string | string[], flags = '', engine: Engine = 'js'): Pattern {
  const list = Array.isArray(pattern) ? pattern : [pattern];
  if (match === 'regex') {
    const source = list.length === 1 ? list[0] : list.map((p) => `(?:${p})`).join('|');
    if (engine === 're2') return re2(source, flags);
    // Unicode mode always: \p{…} classes and astral characters; v is the newer form of it.
    return new RegExp(source, flags.includes('u') || flags.includes('v') ? flags : flags + 'u');
  }
  const alts = list.map((p) => (match === 'phrase' ? boundary(p, literal(p)) : literal(p))).join('|');
  const source =
    match === 'exact' ? `^(?:${alts})$` : match === 'prefix' ? `^(?:${alts})` : match === 'suffix' ? `(?:${alts})$` : alts;
  // Plain 'i': for literal text, Unicode case folding (the u flag) only costs time.
  return new RegExp(source, 'i');
}

/** Needles for the prefilter: one per pattern, or undefined when any pattern yields none. */
export function needlesFor(match: RuleSpec['match'], pattern: string | string[]): string[] | undefined {
  const out: string[] = [];
  for (const p of Array.isArray(pattern) ? pattern : [pattern]) {
    if (match === 'regex') {
      const lits = requiredLiterals(p);
      if (!lits) return undefined;
      out.push(...lits);
      continue;
    }
    const lit = p.trim().split(/\s+/).join(' ').toLowerCase();
    // Case folding beyond ASCII would make a lower-cased needle miss a match; keep to ASCII.
    if (!/^[\x20-\x7e]+$/.test(lit)) return undefined;
    out.push(lit);
  }
  return [...new Set(out)];
}

/**
 * Compile a rule spec, filling in defaults. Throws SyntaxError on a bad regex. A preset's regexes
 * run as JavaScript regexes; every other rule's (config files, the API) run by RE2.
 */
export function compileRule(spec: RuleSpec, preset?: string): RuleOf {
  const engine: Engine = preset ? 'js' : 're2';
  const action = spec.action ?? 'remove-block';
  const test = compilePattern(spec.match, spec.pattern, spec.flags?.replace('g', ''), engine);
  const re2Rule = engine === 're2' && spec.match === 'regex';
  // The first-letter reader follows JavaScript's syntax; RE2 rules run without it.
  const lead = (spec.scope ?? 'block') === 'block' && !re2Rule ? leadOf(test.source, test.flags) : undefined;
  return {
    id: spec.id,
    description: spec.description ?? '',
    preset,
    scope: spec.scope ?? 'block',
    action,
    count: spec.count ?? 1,
    maxWords: spec.maxWords ?? DEFAULT_MAX_WORDS,
    maxBlockWords: spec.maxBlockWords,
    minRun: spec.minRun ?? 1,
    label: spec.label ?? false,
    position: spec.position,
    test,
    all: re2Rule ? compilePattern(spec.match, spec.pattern, (spec.flags ?? '').replace('g', '') + 'g', engine) : new RegExp(test.source, test.flags.replace('g', '') + 'g'),
    end: spec.end === undefined ? undefined : compilePattern(spec.match, spec.end, spec.flags, engine),
    confirm: spec.confirm === undefined ? undefined : compilePattern(spec.match, spec.confirm, spec.flags, engine),
    minConfirm: spec.minConfirm ?? 2,
    // Under the v flag classes nest ([[^a]]), which the literal reader does not follow.
    needles: spec.flags?.includes('v') ? undefined : needlesFor(spec.match, spec.pattern),
    lead,
    leadMask: lead ? leadMask(lead, test.ignoreCase) : undefined,
    spec,
  };
}
