import type { CleanOptions, RuleSpec } from '../core/types.js';
import { compileResolved, resolveConfig } from './resolve.js';

/** A config as a user writes it (`.clean-article.json`, `.yaml`, a package.json key, or the API). */
export interface Config {
  $schema?: string;
  /** Presets and (in config files) relative paths to other configs, applied in order. Default: recommended. */
  extends?: string | string[];
  rules?: RuleSpec[];
  /** Rule ids to switch off, from presets or from `rules`. */
  disable?: string[];
  repeated?: { enabled?: boolean; minChars?: number; minDocs?: number; minShare?: number; maxWords?: number; maskDigits?: boolean };
  guard?: { maxRemovedShare?: number };
}

export const DEFAULT_CONFIG: Config = { extends: ['recommended'] };

/**
 * Compile a config whose `extends` names only presets (config files are read by `loadConfig`).
 * Throws with every problem listed when the config does not resolve.
 */
export function compileConfig(config: Config = DEFAULT_CONFIG): CleanOptions {
  const resolved = resolveConfig(config);
  if (!resolved.ok) throw new Error(resolved.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return compileResolved(resolved.config);
}
