import type { CleanOptions, CompiledRule, RuleSpec } from '../core/types.js';
import { PRESETS } from './presets.js';
import { compileRule } from './compile.js';

/** A config as a user writes it (`.clean-article.json`, `.yaml`, or the API). */
export interface Config {
  /** Preset names (and, from config files, paths to other configs), applied first to last. */
  extends?: string[];
  rules?: RuleSpec[];
  /** Rule ids to switch off, from presets or from `rules`. */
  disable?: string[];
  repeated?: { enabled?: boolean; minChars?: number; minDocs?: number; minShare?: number; maxWords?: number };
  guard?: { maxRemovedShare?: number };
}

export const DEFAULT_CONFIG: Config = { extends: ['recommended'] };

export const DEFAULTS = {
  repeated: { enabled: true, minChars: 20 },
  guard: { maxRemovedShare: 0.5 },
};

/** Expand preset names into their rules, in order, each rule tagged with its preset. */
export function presetRules(name: string, seen: Set<string> = new Set()): Array<{ spec: RuleSpec; preset: string }> {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`unknown preset "${name}"`);
  if (seen.has(name)) return [];
  seen.add(name);
  const out: Array<{ spec: RuleSpec; preset: string }> = [];
  for (const parent of preset.extends ?? []) out.push(...presetRules(parent, seen));
  for (const spec of preset.rules) out.push({ spec, preset: name });
  return out;
}

/**
 * Compile a config whose `extends` names only presets (file configs are resolved by the
 * config loader first). Later rules with the same id replace earlier ones.
 */
export function compileConfig(config: Config = DEFAULT_CONFIG): CleanOptions {
  const byId = new Map<string, CompiledRule>();
  const seen = new Set<string>();
  for (const name of config.extends ?? []) {
    for (const { spec, preset } of presetRules(name, seen)) byId.set(spec.id, compileRule(spec, preset));
  }
  for (const spec of config.rules ?? []) byId.set(spec.id, compileRule(spec));
  for (const id of config.disable ?? []) byId.delete(id);
  return {
    rules: [...byId.values()],
    repeated: {
      enabled: config.repeated?.enabled ?? DEFAULTS.repeated.enabled,
      minChars: config.repeated?.minChars ?? DEFAULTS.repeated.minChars,
    },
    guard: { maxRemovedShare: config.guard?.maxRemovedShare ?? DEFAULTS.guard.maxRemovedShare },
  };
}
