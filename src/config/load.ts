import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { CleanOptions } from '../core/types.js';
import type { Config } from '../rules/spec.js';
import { validateConfig } from '../rules/validate.js';
import type { ConfigError } from '../rules/errors.js';
import { compileResolved, resolveConfig, type LoadRef, type ResolvedConfig } from '../rules/resolve.js';
import { describeFsError } from '../io/read.js';

export type Loaded = { ok: true; file?: string; resolved: ResolvedConfig; options: CleanOptions } | { ok: false; errors: ConfigError[] };

/** Parse a config file by its name: JSON, YAML, or the "clean-article" key of a package.json. */
export function parseConfigFile(file: string): { ok: true; data: unknown } | { ok: false; errors: ConfigError[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const e = describeFsError(err, file);
    return { ok: false, errors: [{ file, path: '', message: e.cause }] };
  }
  const base = path.basename(file);
  try {
    if (base === 'package.json') {
      const pkg = JSON.parse(text) as Record<string, unknown>;
      if (!('clean-article' in pkg)) return { ok: false, errors: [{ file, path: '', message: 'has no "clean-article" key' }] };
      return { ok: true, data: pkg['clean-article'] };
    }
    if (/\.json$/i.test(base)) return { ok: true, data: text.trim() === '' ? {} : JSON.parse(text) };
    // YAML is a superset of JSON, so any other name is read as YAML.
    return { ok: true, data: YAML.parse(text, { prettyErrors: true }) ?? {} };
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    return { ok: false, errors: [{ file, path: '', message: `cannot be parsed: ${message}` }] };
  }
}

function loadValidated(file: string): { ok: true; file: string; config: Config } | { ok: false; errors: ConfigError[] } {
  const parsed = parseConfigFile(file);
  if (!parsed.ok) return parsed;
  const valid = validateConfig(parsed.data, file);
  return valid.ok ? { ok: true, file, config: valid.config as Config } : valid;
}

const loadRef: LoadRef = (ref, from) => {
  const file = path.resolve(from ? path.dirname(from) : process.cwd(), ref);
  return loadValidated(file);
};

const cache = new Map<string, Loaded>();

/**
 * Load, validate and resolve one config file (following its `extends`), or the defaults when
 * `file` is undefined. Cached per file, so a batch pays for each config once.
 */
export function loadConfigFile(file: string | undefined): Loaded {
  const key = file ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  let result: Loaded;
  if (file === undefined) {
    const resolved = resolveConfig({});
    result = resolved.ok ? { ok: true, resolved: resolved.config, options: compileResolved(resolved.config) } : resolved;
  } else {
    const own = loadValidated(file);
    if (!own.ok) result = own;
    else {
      const resolved = resolveConfig(own.config, file, loadRef);
      result = resolved.ok ? { ok: true, file, resolved: resolved.config, options: compileResolved(resolved.config) } : resolved;
    }
  }
  cache.set(key, result);
  return result;
}
