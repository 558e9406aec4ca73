import type { CleanOptions, CleanResult } from './core/types.js';
import { cleanWith } from './core/clean.js';
import { compileConfig, type Config } from './rules/config.js';

export type * from './core/types.js';
export type { Config } from './rules/config.js';
export { cleanWith } from './core/clean.js';
export { compileConfig, DEFAULT_CONFIG } from './rules/config.js';
export { PRESETS, PRESET_NAMES } from './rules/presets.js';

const compiled = new WeakMap<Config, CleanOptions>();
let defaults: CleanOptions | undefined;

/**
 * Clean one raw scraped article: decode entities, rejoin split lines, remove boilerplate.
 *
 * @param text raw article text
 * @param config rules and thresholds; the `recommended` presets when omitted
 * @returns the clean text, its paragraphs, every removal with the rule that made it, and stats
 * @example
 * import { clean } from 'clean-article';
 * const { text, removed } = clean('Fox &amp; Friends\nAdvertisement\n');
 */
export function clean(text: string, config?: Config): CleanResult {
  let options: CleanOptions;
  if (!config) options = defaults ??= compileConfig();
  else {
    options = compiled.get(config) ?? compileConfig(config);
    compiled.set(config, options);
  }
  return cleanWith(text, options);
}
