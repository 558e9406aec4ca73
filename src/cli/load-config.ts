import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { CleanOptions } from '../core/types.js';
import { compileResolved, resolveConfig, type ResolvedConfig } from '../rules/resolve.js';
import { findConfigFile } from '../config/discover.js';
import { problem } from './report.js';

export type ForInput = { ok: true; file?: string; resolved: ResolvedConfig; options: CleanOptions } | { ok: false };

/**
 * Which config file applies to something in `dir`: -c FILE, none with --no-config, else the
 * nearest one at or above `dir` (lilconfig caches that search per folder).
 */
export function configPath(flag: string | false | undefined, dir: string, cwd: string): string | undefined {
  if (typeof flag === 'string') return path.resolve(cwd, flag);
  return flag === false ? undefined : findConfigFile(dir);
}

/**
 * The config for one input: -c FILE, or the nearest config file above it, or the defaults.
 * Errors are printed here, every one of them, each with file and JSON path.
 */
export async function configFor(
  flag: string | false | undefined,
  input: string | undefined,
  cwd: string,
  stderr: NodeJS.WritableStream,
  c: ChalkInstance,
): Promise<ForInput> {
  const file = configPath(flag, input ? path.dirname(path.resolve(cwd, input)) : cwd, cwd);
  if (file === undefined) {
    const resolved = resolveConfig({});
    if (resolved.ok) return { ok: true, resolved: resolved.config, options: compileResolved(resolved.config) };
  }
  // The loader pulls in the YAML parser and the schema library; a run without a config never pays for them.
  const { loadConfigFile } = await import('../config/load.js');
  const loaded = loadConfigFile(file);
  if (loaded.ok) return loaded;
  for (const e of loaded.errors) {
    const where = path.relative(cwd, e.file) || e.file;
    stderr.write(problem(c, 'error', where, e.path ? `${e.path}: ${e.message}` : e.message));
  }
  stderr.write(`clean-article: ${loaded.errors.length} config error${loaded.errors.length === 1 ? '' : 's'}; fix ${loaded.errors.length === 1 ? 'it' : 'them'}, or run with --no-config\n`);
  return { ok: false };
}

/** The resolved config as JSON: what --print-config shows. */
export function printable(cfg: { file?: string; resolved: ResolvedConfig }): string {
  const { resolved } = cfg;
  return (
    JSON.stringify(
      {
        files: resolved.files,
        rules: resolved.rules.map((r) => ({ ...r.spec, ...(r.preset ? { preset: r.preset } : { source: r.file }) })),
        disable: resolved.disable,
        repeated: resolved.repeated,
        guard: resolved.guard,
      },
      null,
      2,
    ) + '\n'
  );
}
