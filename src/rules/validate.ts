import { didYouMean, formatPath, type ConfigError } from './errors.js';
import type { RuleSpec } from './spec.js';
import type { z } from 'zod';
import { ConfigSchema, KEYS, RuleSchema, type ConfigInput } from './schema.js';
import { compilePattern, compileRule } from './compile.js';
import { checkExamples } from './examples.js';
import { PRESETS, unknownPreset } from './presets.js';
import { isPath } from './resolve.js';

export type Validated = { ok: true; config: ConfigInput } | { ok: false; errors: ConfigError[] };

function keysAt(path: ReadonlyArray<PropertyKey>): readonly string[] {
  const names = path.filter((p) => typeof p === 'string');
  const last = names.at(-1);
  if (path.length === 0) return KEYS.config;
  if (last === 'examples') return KEYS.example;
  if (last === 'position') return KEYS.position;
  if (last === 'rules') return KEYS.rule;
  if (last === 'repeated') return KEYS.repeated;
  if (last === 'guard') return KEYS.guard;
  return [];
}

/**
 * Check a parsed config: shape first (every problem at once), then what the shape cannot say —
 * regexes that do not compile, fields that do not fit the action, duplicate ids, failing examples.
 */
export function validateConfig(data: unknown, file: string): Validated {
  const parsed = ConfigSchema.safeParse(data);
  const errors: ConfigError[] = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, data, file));
  // Rules that are well formed get the deeper checks even when something else in the file is
  // wrong, so one run reports every problem.
  const rules = (data as { rules?: unknown })?.rules;
  if (Array.isArray(rules)) {
    const seen = new Map<string, number>();
    rules.forEach((raw, i) => {
      const rule = RuleSchema.safeParse(raw);
      if (!rule.success) return;
      const id = rule.data.id;
      if (seen.has(id)) errors.push({ file, path: `rules[${i}].id`, message: `"${id}" is already the id of rules[${seen.get(id)}]` });
      seen.set(id, i);
      errors.push(...checkRule(rule.data, `rules[${i}]`, file));
    });
  }
  // Unknown presets are found again when the config resolves; here they join the other problems,
  // so a typo in extends is not the one error left for the next run.
  const ext = (data as { extends?: unknown })?.extends;
  if (errors.length && (typeof ext === 'string' || Array.isArray(ext))) {
    (typeof ext === 'string' ? [ext] : ext).forEach((ref, i) => {
      if (typeof ref !== 'string' || isPath(ref) || PRESETS[ref]) return;
      const at = typeof ext === 'string' ? 'extends' : `extends[${i}]`;
      errors.push({ file, path: at, message: unknownPreset(ref) });
    });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: (parsed as { data: ConfigInput }).data };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, file: string): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file, path: formatPath([...issue.path, key]), message: `unknown key${didYouMean(key, keysAt(issue.path))}` }));
  }
  let message = issue.message;
  const at = issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k], data);
  if (at === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return [{ file, path: formatPath(issue.path) || '(top level)', message: 'is required' }];
  }
  if (issue.code === 'invalid_value') {
    const value = issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k], data);
    message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : ''}`;
  } else if (issue.code === 'invalid_type') {
    message = `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
  }
  return [{ file, path: formatPath(issue.path) || '(top level)', message }];
}

/** What the schema cannot say about one rule: regexes that do not compile, misplaced fields, failing examples. */
function checkRule(rule: z.infer<typeof RuleSchema>, at: string, file: string): ConfigError[] {
  const errors: ConfigError[] = [];
  let compiles = true;
  const check = (field: 'pattern' | 'end' | 'confirm', value: string | string[] | undefined) => {
    if (value === undefined) return;
    const list = Array.isArray(value) ? value : [value];
    list.forEach((p, k) => {
      try {
        compilePattern(rule.match, p, rule.flags, 're2');
      } catch (err) {
        compiles = false;
        const where = Array.isArray(value) ? `${at}.${field}[${k}]` : `${at}.${field}`;
        errors.push({ file, path: where, message: `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}` });
      }
    });
  };
  check('pattern', rule.pattern);
  check('end', rule.end);
  check('confirm', rule.confirm);
  const action = rule.action ?? 'remove-block';
  if (action === 'remove-range' && rule.end === undefined) errors.push({ file, path: `${at}.end`, message: 'remove-range needs an end pattern' });
  if (action !== 'remove-range' && rule.end !== undefined) errors.push({ file, path: `${at}.end`, message: 'end only goes with action: remove-range' });
  if (action === 'remove-section' && rule.confirm === undefined) errors.push({ file, path: `${at}.confirm`, message: 'remove-section needs a confirm pattern' });
  for (const field of ['confirm', 'minConfirm'] as const) {
    if (action !== 'remove-section' && rule[field] !== undefined) errors.push({ file, path: `${at}.${field}`, message: `${field} only goes with action: remove-section` });
  }
  if (action !== 'remove-following' && rule.count !== undefined) errors.push({ file, path: `${at}.count`, message: 'count only goes with action: remove-following' });
  if (action !== 'remove-match' && rule.maxBlockWords !== undefined) errors.push({ file, path: `${at}.maxBlockWords`, message: 'maxBlockWords only goes with action: remove-match' });
  if (action !== 'remove-block' && action !== 'remove-following' && rule.label) errors.push({ file, path: `${at}.label`, message: 'label only goes with action: remove-block or remove-following' });
  if (rule.flags && rule.match !== 'regex') errors.push({ file, path: `${at}.flags`, message: 'flags only go with match: regex' });
  if (rule.examples?.length && compiles) {
    for (const failure of checkExamples(compileRule(rule as RuleSpec))) {
      errors.push({ file, path: `${at}.examples[${failure.index}]`, message: `rule "${rule.id}": ${failure.message}` });
    }
  }
  return errors;
}
