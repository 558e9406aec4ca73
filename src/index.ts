import type { CleanOptions, CleanResult } from './core/types.js';
import { cleanWith } from './core/clean.js';
import { compileConfig } from './rules/resolve.js';
import type { Config } from './rules/spec.js';

export type * from './core/types.js';
export type { Config, RuleSpec, RuleExample, MatchKind } from './rules/spec.js';
export { cleanWith } from './core/clean.js';
export { compileConfig } from './rules/resolve.js';
export { DEFAULT_CONFIG } from './rules/spec.js';
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

export type { ResolvedConfig } from './rules/resolve.js';
export type { ConfigError } from './rules/errors.js';
export type { Learned } from './batch/learn.js';

/**
 * Load the config that applies to a file or folder, as the CLI does: `file` when given, else the
 * nearest `.clean-article.json|yaml|yml` or package.json key at or above `from`; the defaults
 * when there is none. Expected problems come back as values, every one with file and JSON path.
 *
 * @param options `file`: a config file to use; `from`: where to start the search (a file or folder)
 * @returns `{ ok: true, file, resolved, options }` (pass `options` to `cleanWith`) or `{ ok: false, errors }`
 * @example
 * const cfg = await loadConfig({ from: 'articles/story.txt' });
 * if (cfg.ok) cleanWith(raw, cfg.options);
 */
export async function loadConfig(options: { file?: string; from?: string } = {}) {
  const [{ loadConfigFile }, { findConfigFile }, path, fs] = await Promise.all([
    import('./config/load.js'),
    import('./config/discover.js'),
    import('node:path'),
    import('node:fs'),
  ]);
  let file = options.file && path.resolve(options.file);
  if (!file && options.from) {
    const from = path.resolve(options.from);
    file = findConfigFile(fs.existsSync(from) && fs.statSync(from).isDirectory() ? from : path.dirname(from));
  }
  return loadConfigFile(file);
}

/**
 * Find the blocks repeated across documents, as `clean-article learn` does: each document counts
 * a block once; a block in at least `minDocs` documents and `minShare` of them is returned as a
 * rule, most documents first.
 *
 * @param documents `[name, raw text]` pairs (the name is shown as the example)
 * @param options thresholds; defaults as in the config (`minDocs` 3, `minShare` 0.2, `maxWords` 60)
 * @returns the rules, with counts, share and an example document each
 * @example
 * const rules = await learn([['a.txt', rawA], ['b.txt', rawB], ['c.txt', rawC]]);
 */
export async function learn(
  documents: Iterable<[name: string, text: string]>,
  options: { minDocs?: number; minShare?: number; maxWords?: number; maskDigits?: boolean } = {},
) {
  const [{ Counts }, { learnRules }, { documentFingerprints }, { DEFAULTS }] = await Promise.all([
    import('./batch/counts.js'),
    import('./batch/learn.js'),
    import('./core/fingerprint.js'),
    import('./rules/resolve.js'),
  ]);
  const d = { ...DEFAULTS.repeated, ...options };
  const counts = new Counts(d.maskDigits, d.maxWords);
  for (const [name, text] of documents) counts.addDocument('', name, documentFingerprints(text, d));
  return learnRules(counts, d.minDocs, d.minShare);
}
