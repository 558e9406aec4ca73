import { DEFAULT_ARTICLE, type ArticleOptions, type CleanOptions } from '../core/types.js';
import type { Config, RuleSpec } from './spec.js';
import { DEFAULT_CONFIG } from './spec.js';
import { PRESETS, unknownPreset } from './presets.js';
import { compileRule } from './compile.js';
import { didYouMean, type ConfigError } from './errors.js';

export const DEFAULTS = {
  extends: ['recommended'],
  repeated: { enabled: true, minChars: 20, minDocs: 3, minShare: 0.2, maxWords: 60, maskDigits: true },
  guard: { maxRemovedShare: 0.5 },
  repair: { mojibake: true },
  article: DEFAULT_ARTICLE,
};

/** A rule in force and where it came from: a preset or a config file. */
export interface ResolvedRule {
  spec: RuleSpec;
  preset?: string;
  file?: string;
}

/** A config with every `extends` expanded: what actually applies. */
export interface ResolvedConfig {
  files: string[];
  rules: ResolvedRule[];
  disable: string[];
  repeated: typeof DEFAULTS.repeated;
  guard: typeof DEFAULTS.guard;
  repair: typeof DEFAULTS.repair;
  article: ArticleOptions;
}

/** How `extends` reaches another config file: given the reference and the file that names it. */
export type LoadRef = (ref: string, from: string | undefined) => { ok: true; file: string; config: Config } | { ok: false; errors: ConfigError[] };

export type Resolved = { ok: true; config: ResolvedConfig } | { ok: false; errors: ConfigError[] };

export const isPath = (ref: string) => /^\.{0,2}[\\/]|\.(json|ya?ml)$/i.test(ref) || /^[A-Za-z]:[\\/]/.test(ref);

interface Layer {
  rules: Map<string, ResolvedRule>;
  disable: Set<string>;
  repeated: Partial<typeof DEFAULTS.repeated>;
  guard: Partial<typeof DEFAULTS.guard>;
  repair: Partial<typeof DEFAULTS.repair>;
  article: Partial<ArticleOptions>;
  files: string[];
}

function presetInto(name: string, layer: Layer, seen: Set<string>): void {
  if (seen.has(name)) return;
  seen.add(name);
  const preset = PRESETS[name];
  for (const parent of preset.extends ?? []) presetInto(parent, layer, seen);
  for (const spec of preset.rules) layer.rules.set(spec.id, { spec, preset: name });
}

function layerOf(config: Config, file: string | undefined, load: LoadRef | undefined, chain: string[], errors: ConfigError[]): Layer {
  const layer: Layer = { rules: new Map(), disable: new Set(), repeated: {}, guard: {}, repair: {}, article: {}, files: [] };
  const refs = config.extends === undefined ? DEFAULTS.extends : typeof config.extends === 'string' ? [config.extends] : config.extends;
  const label = file ?? '(config)';
  refs.forEach((ref, i) => {
    const at = typeof config.extends === 'string' ? 'extends' : `extends[${i}]`;
    if (!isPath(ref)) {
      if (PRESETS[ref]) presetInto(ref, layer, new Set());
      else errors.push({ file: label, path: at, message: unknownPreset(ref) });
      return;
    }
    if (!load) {
      errors.push({ file: label, path: at, message: `"${ref}" is a file; config files are read by loadConfig, not by compileConfig` });
      return;
    }
    const got = load(ref, file);
    if (!got.ok) {
      errors.push(...got.errors.map((e) => (e.path ? e : { ...e, file: label, path: at, message: `${ref}: ${e.message}` })));
      return;
    }
    if (chain.includes(got.file)) {
      errors.push({ file: label, path: at, message: `extends cycle: ${[...chain, got.file].join(' → ')}` });
      return;
    }
    const base = layerOf(got.config, got.file, load, [...chain, got.file], errors);
    for (const [id, rule] of base.rules) layer.rules.set(id, rule);
    for (const id of base.disable) layer.disable.add(id);
    Object.assign(layer.repeated, base.repeated);
    Object.assign(layer.guard, base.guard);
    Object.assign(layer.repair, base.repair);
    Object.assign(layer.article, base.article);
    layer.files.push(...base.files);
  });
  for (const spec of config.rules ?? []) layer.rules.set(spec.id, { spec, file });
  for (const id of config.disable ?? []) layer.disable.add(id);
  Object.assign(layer.repeated, config.repeated);
  Object.assign(layer.guard, config.guard);
  Object.assign(layer.repair, config.repair);
  Object.assign(layer.article, config.article);
  if (file) layer.files.push(file);
  return layer;
}

/**
 * Expand a config's `extends` (presets, and through `load` other files), apply `disable`, and
 * fill in defaults. Collects every problem rather than stopping at the first.
 */
export function resolveConfig(config: Config, file?: string, load?: LoadRef): Resolved {
  const errors: ConfigError[] = [];
  const layer = layerOf(config, file, load, file ? [file] : [], errors);
  (config.disable ?? []).forEach((id, i) => {
    if (!layer.rules.has(id)) {
      errors.push({ file: file ?? '(config)', path: `disable[${i}]`, message: `no rule "${id}" is in force${didYouMean(id, [...layer.rules.keys()])}` });
    }
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: {
      files: [...new Set(layer.files)],
      rules: [...layer.rules.values()].filter((r) => !layer.disable.has(r.spec.id)),
      disable: [...layer.disable],
      repeated: { ...DEFAULTS.repeated, ...stripUndefined(layer.repeated) },
      guard: { ...DEFAULTS.guard, ...stripUndefined(layer.guard) },
      repair: { ...DEFAULTS.repair, ...stripUndefined(layer.repair) },
      article: { ...DEFAULTS.article, ...stripUndefined(layer.article) },
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The options with the command line's --extract over the config's article.extract. */
export function withExtract(options: CleanOptions, extract: ArticleOptions['extract'] | undefined): CleanOptions {
  if (!extract) return options;
  return { ...options, article: { ...(options.article ?? DEFAULT_ARTICLE), extract } };
}

/** Compile a resolved config into what `cleanWith` runs. */
export function compileResolved(config: ResolvedConfig): CleanOptions {
  return {
    rules: config.rules.map((r) => compileRule(r.spec, r.preset)),
    repeated: { enabled: config.repeated.enabled, minChars: config.repeated.minChars },
    guard: { maxRemovedShare: config.guard.maxRemovedShare },
    repair: { ...config.repair },
    article: { ...config.article },
  };
}

/**
 * Compile a config whose `extends` names only presets (config files are read by `loadConfig`).
 * Throws with every problem listed when the config does not resolve.
 */
export function compileConfig(config: Config = DEFAULT_CONFIG): CleanOptions {
  const resolved = resolveConfig(config);
  if (!resolved.ok) throw new Error(resolved.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return compileResolved(resolved.config);
}
